"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { formatKrw } from "@/lib/money";
import type { Section, Tier } from "./seat-map";
import { BOX, panView, planSections, showBox, STAGE, zoomView, type ViewBox } from "./section-plan";

interface SectionOverviewProps {
  bands: Section[][];
  tiers: Tier[];
  /** Sections dearer than this throughout are shown as over the price. */
  maxPrice: number | null;
  onOpen: (section: string) => void;
  /** The section to give focus to (the one just left), if any. */
  focusOn: string | null;
}

const STEP = 1.5; // one press of a zoom button
const DRAG_THRESHOLD_PX = 4; // moved less than this, a press is a click

/**
 * A large venue at a glance: an SVG plan of its sections with prices and free seats, to
 * open one at a time. It fits the box it is in, and zooms and pans by wheel, pinch, drag
 * and buttons; every section is a button (Tab, Enter), so the plan works by keyboard too.
 */
export function SectionOverview({ bands, tiers, maxPrice, onOpen, focusOn }: SectionOverviewProps) {
  const t = useTranslations("SeatMap");
  const plan = useMemo(() => planSections(bands), [bands]);
  // Statuses refresh every few seconds; the plan's shape (and so the view) stays.
  const whole = useMemo<ViewBox>(() => ({ x: 0, y: 0, width: plan.width, height: plan.height }), [plan.width, plan.height]);
  const [view, setView] = useState<ViewBox>(whole);
  const [viewOf, setViewOf] = useState(whole);
  if (viewOf !== whole) {
    setViewOf(whole);
    setView(whole);
  }
  const svg = useRef<SVGSVGElement>(null);
  const fillOf = new Map(tiers.map((tier) => [tier.name, tier.fill]));
  const zoomed = view.width < whole.width;
  const closest = view.width <= zoomView(view, STEP, { x: view.x, y: view.y }, whole).width;

  // Screen pixels to plan units, and a screen point to a plan point.
  const scale = () => view.width / (svg.current?.getBoundingClientRect().width || view.width);
  const toPlan = (clientX: number, clientY: number) => {
    const box = svg.current!.getBoundingClientRect();
    return { x: view.x + ((clientX - box.left) / box.width) * view.width, y: view.y + ((clientY - box.top) / box.height) * view.height };
  };

  // Ctrl (or ⌘) with the wheel zooms about the pointer, as maps do; a trackpad pinch
  // arrives the same way. A plain wheel scrolls the page as ever. (A passive listener could
  // not keep the page still while zooming, so it is added by hand.)
  useEffect(() => {
    const node = svg.current;
    if (!node) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const box = node.getBoundingClientRect();
      setView((current) => {
        const about = { x: current.x + ((event.clientX - box.left) / box.width) * current.width, y: current.y + ((event.clientY - box.top) / box.height) * current.height };
        return zoomView(current, Math.exp(-event.deltaY / 300), about, whole);
      });
    };
    node.addEventListener("wheel", onWheel, { passive: false });
    return () => node.removeEventListener("wheel", onWheel);
  }, [whole]);

  // Drag pans; two fingers pinch. A press that moved is not a click on a section.
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const moved = useRef(0);
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return; // the main button or a finger only
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.current.size === 1) moved.current = 0;
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const last = pointers.current.get(event.pointerId);
    if (!last) return;
    const others = [...pointers.current.entries()].filter(([id]) => id !== event.pointerId);
    const dx = event.clientX - last.x;
    const dy = event.clientY - last.y;
    moved.current += Math.abs(dx) + Math.abs(dy);
    if (moved.current > DRAG_THRESHOLD_PX && !svg.current!.hasPointerCapture(event.pointerId)) svg.current!.setPointerCapture(event.pointerId);
    if (others.length === 1) {
      const [, other] = others[0]!;
      const before = Math.hypot(last.x - other.x, last.y - other.y);
      const after = Math.hypot(event.clientX - other.x, event.clientY - other.y);
      if (before > 0) setView((current) => zoomView(current, after / before, toPlan((event.clientX + other.x) / 2, (event.clientY + other.y) / 2), whole));
    } else if (others.length === 0) {
      const k = scale();
      setView((current) => panView(current, -dx * k, -dy * k, whole));
    }
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
  };
  const onPointerEnd = (event: PointerEvent<SVGSVGElement>) => {
    pointers.current.delete(event.pointerId);
  };
  const zoomBy = (factor: number) => setView((current) => zoomView(current, factor, { x: current.x + current.width / 2, y: current.y + current.height / 2 }, whole));

  const returnTo = useRef<SVGGElement>(null);
  useEffect(() => returnTo.current?.focus(), []);

  return (
    <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-3 sm:p-5">
      <div className="flex justify-end gap-2" role="group" aria-label={t("zoom.label")}>
        <button type="button" onClick={() => zoomBy(STEP)} disabled={closest} className="size-9 rounded-md border border-slate-300 text-lg hover:bg-slate-100 disabled:opacity-40" aria-label={t("zoom.in")}>
          +
        </button>
        <button type="button" onClick={() => zoomBy(1 / STEP)} disabled={!zoomed} className="size-9 rounded-md border border-slate-300 text-lg hover:bg-slate-100 disabled:opacity-40" aria-label={t("zoom.out")}>
          −
        </button>
        <button type="button" onClick={() => setView(whole)} disabled={!zoomed} className="rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-100 disabled:opacity-40">
          {t("zoom.fit")}
        </button>
      </div>
      <nav aria-label={t("sectionsLabel")}>
        <svg
          ref={svg}
          viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
          className="block h-auto max-h-[60vh] w-full touch-none select-none"
          style={{ aspectRatio: `${whole.width} / ${whole.height}` }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          onClickCapture={(event) => {
            if (moved.current > DRAG_THRESHOLD_PX) event.stopPropagation();
          }}
        >
          <rect x={plan.stage.x} y={plan.stage.y} width={STAGE.width} height={STAGE.height} rx={12} className="fill-slate-800" />
          <text x={plan.stage.x + STAGE.width / 2} y={plan.stage.y + STAGE.height / 2} dominantBaseline="central" textAnchor="middle" className="fill-white text-[13px] font-semibold tracking-[0.3em]">
            {t("stage")}
          </text>
          {plan.sections.map(({ section, x, y }) => {
            const seats = section.rows.flatMap((r) => r.seats);
            const free = seats.filter((s) => s.status === "AVAILABLE").length;
            const prices = seats.map((s) => s.price);
            const [low, high] = [Math.min(...prices), Math.max(...prices)];
            const price = low === high ? formatKrw(low) : `${formatKrw(low)}–${formatKrw(high)}`;
            const overPrice = maxPrice !== null && low > maxPrice;
            const availability = free === 0 ? t("soldOut") : t("sectionFree", { free, total: seats.length });
            const open = () => onOpen(section.name);
            return (
              <g
                key={section.name}
                ref={section.name === focusOn ? returnTo : undefined}
                role="button"
                tabIndex={0}
                aria-label={[t("section", { name: section.name }), price, availability, overPrice ? t("best.overPrice") : ""].filter(Boolean).join(", ")}
                onClick={open}
              // A section reached by Tab while zoomed in comes into view with its focus ring.
              onFocus={() => setView((current) => showBox(current, { x, y, width: BOX.width, height: BOX.height }, whole))}
                onKeyDown={(event: KeyboardEvent) => {
                  if (event.key === "Enter" || event.key === " ") {
                    event.preventDefault();
                    open();
                  }
                }}
                className={`group cursor-pointer outline-none ${overPrice ? "opacity-50" : ""}`}
              >
                <rect
                  x={x}
                  y={y}
                  width={BOX.width}
                  height={BOX.height}
                  rx={10}
                  className={`fill-white stroke-slate-400 stroke-[1.5] group-hover:stroke-brand-600 group-focus-visible:stroke-brand-600 group-focus-visible:stroke-[4] ${overPrice ? "[stroke-dasharray:6_4]" : ""}`}
                />
                <circle cx={x + 18} cy={y + 22} r={7} className={fillOf.get(seats[0]!.tier)} />
                <text x={x + 32} y={y + 22} dominantBaseline="central" className="fill-slate-900 text-[15px] font-semibold">
                  {t("section", { name: section.name })}
                </text>
                <text x={x + 12} y={y + 48} dominantBaseline="central" className="fill-slate-700 text-[13px]">
                  {price}
                </text>
                <text x={x + 12} y={y + 70} dominantBaseline="central" className={free === 0 ? "fill-red-700 text-[13px] font-semibold" : "fill-slate-600 text-[13px]"}>
                  {availability}
                </text>
                {overPrice && (
                  <text x={x + 12} y={y + 88} dominantBaseline="central" className="fill-slate-700 text-[11px] font-medium">
                    {t("best.overPrice")}
                  </text>
                )}
                <rect x={x + 12} y={y + BOX.height - 6} width={BOX.width - 24} height={3} rx={1.5} className="fill-slate-200" />
                <rect x={x + 12} y={y + BOX.height - 6} width={((BOX.width - 24) * free) / seats.length} height={3} rx={1.5} className="fill-emerald-600" />
              </g>
            );
          })}
        </svg>
      </nav>
      <p className="text-xs text-slate-600">{t("zoom.hint")}</p>
    </div>
  );
}
