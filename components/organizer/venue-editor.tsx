"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent, type KeyboardEvent, type PointerEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useProblemText } from "@/components/ui/use-problem-text";
import { ApiProblem } from "@/lib/client/api";
import { addRows, addSection, formatSeatList, moveSection, parseSeatList, removeRow, removeSection, updateRow, updateSection } from "@/lib/organizer/layout-edits";
import { layoutProblems, layoutSeatCount, rowSeatNumbers, sectionSize, type VenueLayout } from "@/lib/organizer/venue-layout";
import { useSaveVenue, useVenue } from "./organizer-api";
import { BUTTON, CARD, PRIMARY } from "@/components/ui/styles";

const MARKS = ["aisleAfter", "accessible", "companion", "blocked"] as const;

interface History {
  layout: VenueLayout;
  past: VenueLayout[];
  future: VenueLayout[];
  /** Moves on undo and redo, so fields showing the layout are drawn again from it. */
  turn: number;
}

/** The venue editor: a new venue (no id) or a new layout version of one. */
export function VenueEditor({ orgId, venueId }: { orgId: string; venueId?: string }) {
  const t = useTranslations("VenueEditor");
  const problemText = useProblemText();
  // Read once: a later read (a colleague's save, a failed refresh) must not replace unsaved work.
  const venue = useVenue(venueId ?? "", venueId !== undefined, { once: true });
  if (venueId && venue.isError && !venue.data) return <FormAlert>{problemText.message(venue.error)}</FormAlert>;
  if (venueId && !venue.data) return <p aria-busy="true">{t("loading")}</p>;
  return <Editor key={venueId ?? "new"} orgId={orgId} venue={venue.data} />;
}

function Editor({ orgId, venue }: { orgId: string; venue?: { id: string; name: string; layoutVersion: number; layout: VenueLayout } }) {
  const t = useTranslations("VenueEditor");
  const problemText = useProblemText();
  const router = useRouter();
  const save = useSaveVenue(orgId, venue?.id);
  const [history, setHistory] = useState<History>({ layout: venue?.layout ?? { sections: [] }, past: [], future: [], turn: 0 });
  const [selected, setSelected] = useState(0);
  const [saveError, setSaveError] = useState<string | null>(null);
  const { layout } = history;
  const problems = layoutProblems(layout);
  const section = layout.sections[selected];

  const apply = (next: VenueLayout) => setHistory((h) => ({ layout: next, past: [...h.past, h.layout].slice(-200), future: [], turn: h.turn }));
  const undo = () => setHistory((h) => (h.past.length ? { layout: h.past.at(-1)!, past: h.past.slice(0, -1), future: [h.layout, ...h.future], turn: h.turn + 1 } : h));
  const redo = () => setHistory((h) => (h.future.length ? { layout: h.future[0]!, past: [...h.past, h.layout], future: h.future.slice(1), turn: h.turn + 1 } : h));

  function onKeyDown(event: KeyboardEvent) {
    if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== "z" && event.key.toLowerCase() !== "y") return;
    // Fields keep their own undo while they are being typed in.
    if ((event.target as HTMLElement).closest("input, textarea, select")) return;
    event.preventDefault();
    if (event.key.toLowerCase() === "y" || event.shiftKey) redo();
    else undo();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaveError(null);
    // Read from the field itself: what was typed before the page came alive counts too.
    const name = String(new FormData(event.currentTarget).get("name")).trim();
    save.mutate(
      { name, layout, layoutVersion: venue?.layoutVersion },
      {
        onSuccess: (saved) => router.push(`/organizer/${orgId}/venues/${saved.id}`),
        onError: (e) => setSaveError(e instanceof ApiProblem && e.problem.code === "LAYOUT_VERSION_CONFLICT" ? t("conflict") : problemText.message(e)),
      },
    );
  }

  return (
    <div className="space-y-4" onKeyDown={onKeyDown}>
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{venue ? t("editHeading", { name: venue.name }) : t("newHeading")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <section aria-labelledby="editor-heading" className={CARD}>
        <h2 id="editor-heading" className="sr-only">
          {t("toolbar")}
        </h2>
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
          <div className="min-w-56 flex-1">
            <TextField label={t("venueName")} name="name" defaultValue={venue?.name} maxLength={80} required />
          </div>
          <button type="button" className={BUTTON} onClick={undo} disabled={!history.past.length} aria-keyshortcuts="Control+Z">
            {t("undo")}
          </button>
          <button type="button" className={BUTTON} onClick={redo} disabled={!history.future.length} aria-keyshortcuts="Control+Y">
            {t("redo")}
          </button>
          <button type="submit" className={PRIMARY} disabled={save.isPending || !!problems.length || !layout.sections.length}>
            {t("save")}
          </button>
        </form>
        <p role="status" className="text-sm text-slate-700">
          {t("summary", { seats: layoutSeatCount(layout), sections: layout.sections.length })}
        </p>
        {saveError && <FormAlert>{saveError}</FormAlert>}
        {!!problems.length && (
          <ul className="list-disc space-y-1 pl-5 text-sm text-red-700" aria-label={t("problems")}>
            {problems.map((p) => (
              <li key={`${p.path.join(".")}:${p.message}`}>{p.message}</li>
            ))}
          </ul>
        )}
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <Plan layout={layout} selected={selected} onSelect={setSelected} onMove={(i, dx, dy) => apply(moveSection(layout, i, dx, dy))} />
        <NewSection
          onAdd={(sectionName, rows, seats) => {
            apply(addSection(layout, sectionName, rows, seats));
            setSelected(layout.sections.length);
          }}
        />
      </div>
      {section && (
        <SectionPanel
          // Drawn afresh on undo and redo, and when another section takes this place.
          key={`${selected}:${section.name}:${history.turn}`}
          section={section}
          onChange={(change) => apply(updateSection(layout, selected, change))}
          onRemove={() => {
            apply(removeSection(layout, selected));
            setSelected(0);
          }}
          onAddRows={(count, seats) => apply(addRows(layout, selected, count, seats))}
          onRowChange={(row, change) => apply(updateRow(layout, selected, row, change))}
          onRowRemove={(row) => apply(removeRow(layout, selected, row))}
        />
      )}
    </div>
  );
}

/** The plan: sections where they sit; drag one (or focus it and use the arrow keys) to move it. */
function Plan({ layout, selected, onSelect, onMove }: { layout: VenueLayout; selected: number; onSelect: (i: number) => void; onMove: (i: number, dx: number, dy: number) => void }) {
  const t = useTranslations("VenueEditor");
  const svg = useRef<SVGSVGElement>(null);
  // Where a drag started (plan units), and how far it has gone; one move (one undo step) when it ends.
  const start = useRef<{ index: number; x: number; y: number } | null>(null);
  const [drag, setDrag] = useState<{ index: number; dx: number; dy: number } | null>(null);
  const boxes = layout.sections.map((section) => ({ section, ...sectionSize(section) }));
  const width = Math.max(40, ...boxes.map((b) => b.section.x + b.width + 10));
  const height = Math.max(30, ...boxes.map((b) => b.section.y + b.height + 10));

  // Pointer positions in plan units (seat widths).
  const toPlan = (event: PointerEvent) => {
    const matrix = svg.current!.getScreenCTM()!.inverse();
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix);
    return { x: point.x, y: point.y };
  };

  function keyMove(event: KeyboardEvent, index: number) {
    const step = event.shiftKey ? 5 : 1;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      onMove(index, move[0], move[1]);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(index);
    }
  }

  return (
    <section aria-labelledby="plan-heading" className={CARD}>
      <h2 id="plan-heading" className="text-lg font-semibold">
        {t("plan")}
      </h2>
      <p className="text-sm text-slate-600">{t("planHint")}</p>
      <svg ref={svg} viewBox={`-1 -1 ${width + 2} ${height + 2}`} className="h-auto max-h-[60vh] w-full touch-none select-none rounded bg-slate-50" role="group" aria-label={t("planLabel")}>
        {boxes.map(({ section, width: w, height: h }, i) => {
          // Drawn where the move will put it: never off the top or left of the plan.
          const offset = drag?.index === i ? { x: Math.max(-section.x, drag.dx), y: Math.max(-section.y, drag.dy) } : { x: 0, y: 0 };
          return (
            <g
              key={i}
              role="button"
              tabIndex={0}
              aria-pressed={i === selected}
              aria-label={t("sectionAt", { name: section.name, x: section.x, y: section.y })}
              transform={`translate(${offset.x} ${offset.y})`}
              className="cursor-move outline-none focus-visible:[&>rect]:stroke-[0.6]"
              onKeyDown={(event) => keyMove(event, i)}
              onPointerDown={(event) => {
                event.preventDefault(); // no text selection while dragging
                event.currentTarget.setPointerCapture(event.pointerId);
                const at = toPlan(event);
                onSelect(i);
                start.current = { index: i, x: at.x, y: at.y };
                setDrag({ index: i, dx: 0, dy: 0 });
              }}
              onPointerMove={(event) => {
                if (start.current?.index !== i) return;
                const at = toPlan(event);
                setDrag({ index: i, dx: Math.round(at.x - start.current.x), dy: Math.round(at.y - start.current.y) });
              }}
              onPointerCancel={() => {
                start.current = null;
                setDrag(null);
              }}
              onPointerUp={(event) => {
                const from = start.current;
                start.current = null;
                setDrag(null);
                if (from?.index !== i) return;
                const at = toPlan(event);
                const dx = Math.round(at.x - from.x);
                const dy = Math.round(at.y - from.y);
                if (dx || dy) onMove(i, dx, dy);
              }}
            >
              <rect x={section.x} y={section.y} width={w} height={h} rx={0.5} className={i === selected ? "fill-amber-100 stroke-brand-700" : "fill-brand-100 stroke-brand-500"} strokeWidth={i === selected ? 0.5 : 0.3} />
              <text x={section.x + w / 2} y={section.y + h / 2} textAnchor="middle" dominantBaseline="middle" fontSize={Math.max(1, Math.min(h * 0.5, w / ((section.name.length + 1) * 0.6)))} className="pointer-events-none fill-slate-900">
                {section.name}
              </text>
            </g>
          );
        })}
      </svg>
    </section>
  );
}

function NewSection({ onAdd }: { onAdd: (name: string, rows: number, seats: number) => void }) {
  const t = useTranslations("VenueEditor");
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    onAdd(String(data.get("name")).trim(), Number(data.get("rows")), Number(data.get("seats")));
    form.reset();
  }
  return (
    <form onSubmit={submit} className={CARD} aria-labelledby="new-section-heading">
      <h2 id="new-section-heading" className="text-lg font-semibold">
        {t("addSection")}
      </h2>
      <TextField label={t("sectionName")} name="name" required maxLength={40} />
      <div className="grid grid-cols-2 gap-2">
        <TextField label={t("rows")} name="rows" type="number" min={1} max={500} required defaultValue={10} />
        <TextField label={t("seatsPerRow")} name="seats" type="number" min={1} max={500} required defaultValue={20} />
      </div>
      <button type="submit" className={BUTTON}>
        {t("addSectionButton")}
      </button>
    </form>
  );
}

type Section = VenueLayout["sections"][number];
type Row = Section["rows"][number];

interface SectionPanelProps {
  section: Section;
  onChange: (change: Partial<Section>) => void;
  onRemove: () => void;
  onAddRows: (count: number, seats: number) => void;
  onRowChange: (row: number, change: Partial<Row>) => void;
  onRowRemove: (row: number) => void;
}

/** The selected section: its name, tier and curve, its rows and their marked seats, and the fan's view of it. */
function SectionPanel({ section, onChange, onRemove, onAddRows, onRowChange, onRowRemove }: SectionPanelProps) {
  const t = useTranslations("VenueEditor");
  const [invalid, setInvalid] = useState<Record<string, boolean>>({});
  const [curve, setCurve] = useState(section.curve);
  const commitCurve = () => curve !== section.curve && onChange({ curve });

  function commitMarks(row: number, mark: (typeof MARKS)[number], text: string) {
    const numbers = parseSeatList(text);
    setInvalid((map) => ({ ...map, [`${section.rows[row]!.label}:${mark}`]: numbers === null }));
    if (numbers && formatSeatList(numbers) !== formatSeatList(section.rows[row]![mark])) onRowChange(row, { [mark]: numbers });
  }

  function addRowsSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onAddRows(Number(data.get("count")), Number(data.get("seats")));
  }

  return (
    <section aria-labelledby="section-heading" className={CARD}>
      <h2 id="section-heading" className="text-lg font-semibold">
        {t("sectionHeading", { name: section.name })}
      </h2>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label={t("sectionName")} defaultValue={section.name} maxLength={40} onBlur={(e) => e.target.value.trim() && e.target.value !== section.name && onChange({ name: e.target.value.trim() })} />
        <TextField label={t("sectionTier")} defaultValue={section.tier ?? ""} maxLength={40} hint={t("tierHint")} onBlur={(e) => e.target.value.trim() !== (section.tier ?? "") && onChange({ tier: e.target.value.trim() || undefined })} />
        <div className="space-y-1">
          <label htmlFor="section-curve" className="block text-sm font-medium text-slate-700">
            {t("curve", { curve: curve.toFixed(1) })}
          </label>
          {/* Shown as it moves, saved (one undo step) when let go. */}
          <input
            id="section-curve"
            type="range"
            min={-1}
            max={1}
            step={0.1}
            value={curve}
            onChange={(e) => setCurve(Number(e.target.value))}
            onPointerUp={commitCurve}
            onKeyUp={commitCurve}
            onBlur={commitCurve}
            className="w-full"
          />
        </div>
      </div>
      <form onSubmit={addRowsSubmit} className="flex flex-wrap items-end gap-2" aria-label={t("addRows")}>
        <div className="w-28">
          <TextField label={t("rows")} name="count" type="number" min={1} max={500} required defaultValue={1} />
        </div>
        <div className="w-28">
          <TextField label={t("seatsPerRow")} name="seats" type="number" min={1} max={500} required defaultValue={section.rows.at(-1)?.seats ?? 20} />
        </div>
        <button type="submit" className={BUTTON}>
          {t("addRows")}
        </button>
        <button type="button" className={BUTTON} onClick={onRemove}>
          {t("removeSection", { name: section.name })}
        </button>
      </form>
      <div className="max-h-[28rem] overflow-auto">
        <table className="w-full text-left text-sm">
          <thead className="sticky top-0 bg-white text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium">{t("row")}</th>
              <th scope="col" className="py-1 pr-2 font-medium">{t("seats")}</th>
              <th scope="col" className="py-1 pr-2 font-medium">{t("numbering")}</th>
              {MARKS.map((mark) => (
                <th key={mark} scope="col" className="py-1 pr-2 font-medium">
                  {t(`mark.${mark}`)}
                </th>
              ))}
              <th scope="col" className="py-1 font-medium"><span className="sr-only">{t("actions")}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {section.rows.map((row, r) => (
              // By label too: after a row is removed, the next one's fields show its own values.
              <tr key={`${r}:${row.label}`}>
                <th scope="row" className="py-1 pr-2 font-medium">{row.label}</th>
                <td className="py-1 pr-2">
                  <input
                    type="number"
                    min={1}
                    max={500}
                    aria-label={t("seatsOfRow", { row: row.label })}
                    defaultValue={row.seats}
                    onBlur={(e) => Number(e.target.value) >= 1 && Number(e.target.value) !== row.seats && onRowChange(r, { seats: Math.min(500, Math.floor(Number(e.target.value))) })}
                    className="w-20 rounded border border-slate-300 px-2 py-1"
                  />
                </td>
                <td className="py-1 pr-2">
                  <select aria-label={t("numberingOfRow", { row: row.label })} defaultValue={row.numbering} onChange={(e) => onRowChange(r, { numbering: e.target.value as Row["numbering"] })} className="rounded border border-slate-300 bg-white px-1 py-1">
                    <option value="LEFT_TO_RIGHT">{t("leftToRight")}</option>
                    <option value="RIGHT_TO_LEFT">{t("rightToLeft")}</option>
                  </select>
                </td>
                {MARKS.map((mark) => (
                  <td key={mark} className="py-1 pr-2">
                    <input
                      aria-label={t("markOfRow", { mark: t(`mark.${mark}`), row: row.label })}
                      aria-invalid={invalid[`${row.label}:${mark}`] ? true : undefined}
                      defaultValue={formatSeatList(row[mark])}
                      placeholder="1, 5-7"
                      onBlur={(e) => commitMarks(r, mark, e.target.value)}
                      className="w-24 rounded border border-slate-300 px-2 py-1 aria-[invalid=true]:border-red-500"
                    />
                  </td>
                ))}
                <td className="py-1">
                  <button type="button" className={BUTTON} onClick={() => onRowRemove(r)}>
                    {t("removeRow", { row: row.label })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FanPreview section={section} />
    </section>
  );
}

const PREVIEW_MAX_SEATS = 5_000;
const SEAT_CLASS = { seat: "fill-emerald-500", accessible: "fill-sky-600", companion: "fill-teal-400", blocked: "fill-slate-300" } as const;

/** The section as fans will see it on the seat map: rows bowed by the curve, aisles as gaps, marked seats. */
function FanPreview({ section }: { section: Section }) {
  const t = useTranslations("VenueEditor");
  const seats = section.rows.reduce((sum, row) => sum + row.seats, 0);
  if (seats > PREVIEW_MAX_SEATS) return <p className="text-sm text-slate-600">{t("previewTooBig", { max: PREVIEW_MAX_SEATS })}</p>;
  const { width } = sectionSize(section);
  const dots = section.rows.flatMap((row, r) => {
    const numbers = rowSeatNumbers(row);
    const ordered = row.numbering === "RIGHT_TO_LEFT" ? [...numbers].reverse() : numbers;
    const aisles = new Set(row.aisleAfter);
    let x = 0;
    return ordered.map((number) => {
      const at = x;
      x += aisles.has(number) ? 2 : 1;
      // Rows bow towards the stage: the middle of each row sits further from it than its ends.
      const bow = section.curve * 3 * (1 - ((2 * (at + 0.5)) / Math.max(width, 1) - 1) ** 2);
      const kind = row.blocked.includes(number) ? "blocked" : row.accessible.includes(number) ? "accessible" : row.companion.includes(number) ? "companion" : "seat";
      return { key: `${row.label}-${number}`, x: at + 0.5, y: r * 1.2 + 0.6 + bow + 3, kind, label: `${row.label}${number}` } as const;
    });
  });
  const height = section.rows.length * 1.2 + 7;
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium text-slate-700">{t("preview")}</figcaption>
      <svg viewBox={`-1 -1 ${width + 2} ${height}`} className="h-auto max-h-80 w-full rounded bg-slate-900" role="img" aria-label={t("previewLabel", { name: section.name, seats })}>
        <rect x={0} y={-0.5} width={width} height={1.5} rx={0.3} className="fill-slate-600" />
        {dots.map((dot) => (
          <circle key={dot.key} cx={dot.x} cy={dot.y} r={0.4} className={SEAT_CLASS[dot.kind]}>
            <title>{dot.label}</title>
          </circle>
        ))}
      </svg>
      <p className="flex flex-wrap gap-3 text-xs text-slate-700">
        {(Object.keys(SEAT_CLASS) as (keyof typeof SEAT_CLASS)[]).map((kind) => (
          <span key={kind} className="inline-flex items-center gap-1">
            <svg viewBox="0 0 2 2" className="h-3 w-3" aria-hidden="true">
              <circle cx={1} cy={1} r={1} className={SEAT_CLASS[kind]} />
            </svg>
            {t(`legend.${kind}`)}
          </span>
        ))}
      </p>
    </figure>
  );
}
