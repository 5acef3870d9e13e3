"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useQueueToken, useServerNow } from "@/components/queue/queue-api";
import { FormAlert } from "@/components/ui/form-alert";
import { useProblemText } from "@/components/ui/use-problem-text";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import { formatKrw } from "@/lib/money";
import { MAX_SEATS_PER_HOLD, type HoldView, type SeatView } from "@/lib/schemas/booking";
import { useChangeHold, useHoldSeats, useSeatMap } from "./booking-api";
import { HOLD_BANNER_ID, setCurrentHold, useCurrentHold } from "./current-hold";
import { HELD_LOOK, SeatMap, sectionBands, SOLD_LOOK, tiersOf } from "./seat-map";
import { seatLabel } from "./seat-label";
import { BestSeats } from "./best-seats";
import { SectionOverview } from "./section-overview";

// Past this many seats (in more than one section) the map opens on its sections, one at a
// time: thousands of seats on one screen are neither readable on a phone nor usable by keyboard.
const WHOLE_MAP_LIMIT = 400;

export function SeatPicker({ scheduleId, concertId }: { scheduleId: string; concertId: string }) {
  const t = useTranslations("SeatMap");
  const problemText = useProblemText();
  const token = useQueueToken(concertId);
  const seatMap = useSeatMap(scheduleId, token);
  const holdSeats = useHoldSeats(scheduleId, token);
  const changeHold = useChangeHold(scheduleId, token);
  const currentHold = useCurrentHold();
  const [picked, setPicked] = useState<string[]>([]);
  // Seats of our live hold picked to be given back by the next change.
  const [dropping, setDropping] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [openSection, setOpenSection] = useState<string | null>(null);
  const [maxPrice, setMaxPrice] = useState<number | null>(null);
  // The section just closed, whose button takes focus back in the overview.
  const [closedSection, setClosedSection] = useState<string | null>(null);
  const sectionHeading = useRef<HTMLHeadingElement>(null);

  const seats = useMemo(() => seatMap.data?.seats ?? [], [seatMap.data]);
  const tiers = useMemo(() => tiersOf(seats), [seats]);
  const bands = useMemo(() => sectionBands(seats, tiers), [seats, tiers]);
  const bySections = seats.length > WHOLE_MAP_LIMIT && bands.flat().length > 1;
  const overview = bySections && !openSection;
  const shown = useMemo(
    () => (bySections && openSection ? seats.filter((s) => s.section === openSection) : seats),
    [bySections, openSection, seats],
  );
  useEffect(() => {
    if (openSection) sectionHeading.current?.focus();
  }, [openSection]);
  const byId = useMemo(() => new Map(seats.map((s) => [s.id, s])), [seats]);
  // Seats taken by others since they were picked drop out of the selection by themselves.
  const selection = useMemo(() => picked.filter((id) => byId.get(id)?.status === "AVAILABLE"), [picked, byId]);
  const selected = useMemo(() => new Set(selection), [selection]);
  // Our own hold's seats, while it lasts (re-checked every second).
  const now = useServerNow();
  const holding = currentHold?.scheduleId === scheduleId && currentHold.status === "ACTIVE" && Date.parse(currentHold.expiresAt) > now;
  const mine = useMemo(() => new Set(holding ? currentHold!.seats.map((s) => s.id) : []), [holding, currentHold]);
  const released = useMemo(() => new Set(dropping.filter((id) => mine.has(id))), [dropping, mine]);
  const kept = [...mine].filter((id) => !released.has(id));
  const keptCount = kept.length;
  // What the hold will be: the seats kept plus the ones picked.
  const wanted = [...kept, ...selection];
  const changing = holding && (selection.length > 0 || released.size > 0);
  const total = wanted.reduce((sum, id) => sum + (byId.get(id)?.price ?? currentHold?.seats.find((s) => s.id === id)?.price ?? 0), 0);

  // The counts a click checks the limit against, read when it happens: the toggle keeps its
  // identity while seats are picked, so the map's memoised seats do not all re-render.
  const counts = useRef({ kept: 0, picked: 0 });
  useEffect(() => {
    counts.current = { kept: keptCount, picked: selection.length };
  });
  const toggle = useCallback(
    (seat: SeatView) => {
      setNotice(null);
      const full = () => counts.current.kept + counts.current.picked >= MAX_SEATS_PER_HOLD;
      const refuse = () => setNotice(t("limit", { max: MAX_SEATS_PER_HOLD }));
      if (mine.has(seat.id)) {
        if (!released.has(seat.id)) setDropping((current) => [...current, seat.id]);
        // Keeping a seat again must still fit within the limit.
        else if (full()) refuse();
        else setDropping((current) => current.filter((id) => id !== seat.id));
        return;
      }
      setPicked((current) => {
        if (current.includes(seat.id)) return current.filter((id) => id !== seat.id);
        if (seat.status !== "AVAILABLE") return current;
        if (counts.current.kept + current.length >= MAX_SEATS_PER_HOLD) {
          refuse();
          return current;
        }
        return [...current, seat.id];
      });
    },
    [mine, released, t],
  );

  /** What a hold attempt does when it ends; `noBlock` words a refusal of the server's own pick. */
  const holdOutcome = (noBlock?: string) => ({
    onSuccess: () => {
      setPicked([]);
      setDropping([]);
      // The banner shows the stored hold; focus follows it there.
      requestAnimationFrame(() => document.getElementById(HOLD_BANNER_ID)?.focus());
    },
    onError: (error: Error) => {
      const code = error instanceof ApiProblem ? error.problem.code : null;
      setNotice(code === "SEAT_UNAVAILABLE" && noBlock ? noBlock : code ? problemText.message(error) : t("holdFailed"));
      // A hold of ours this page did not know (held in another tab): show it, to change here.
      const holdId = error instanceof ApiProblem && code === "HOLD_EXISTS" ? error.problem.holdId : undefined;
      if (holdId) void apiFetch<HoldView>(`/api/v1/holds/${holdId}`).then(setCurrentHold, () => undefined);
    },
  });

  function hold() {
    if (holding) changeHold.mutate({ holdId: currentHold!.id, seatIds: wanted }, holdOutcome());
    else holdSeats.mutate({ seatIds: selection }, holdOutcome());
  }

  function holdBest(count: number) {
    setNotice(null);
    holdSeats.mutate({ count, ...(maxPrice !== null ? { maxPrice } : {}) }, holdOutcome(t("best.none", { count })));
  }

  if (!token || (seatMap.error instanceof ApiProblem && seatMap.error.problem.code.startsWith("QUEUE"))) {
    return (
      <FormAlert>
        {t("needTurn")}{" "}
        <Link href={`/concerts/${concertId}/queue`} className="font-semibold underline">
          {t("goToQueue")}
        </Link>
      </FormAlert>
    );
  }
  if (seatMap.isPending) return <p aria-busy="true">{t("loading")}</p>;
  if (seatMap.isError) return <FormAlert>{t("loadFailed")}</FormAlert>;

  const available = seats.filter((s) => s.status === "AVAILABLE").length;
  return (
    <div className="space-y-4">
      {/* On wide screens the tools sit beside the map, so the plan is in view on arrival. */}
      <div className="space-y-4 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:items-start lg:gap-6 lg:space-y-0">
        <div className="space-y-4">
          <Legend tiers={tiers} />
          <p className="text-sm text-slate-600" aria-live="polite">
            {t("summary", { available, total: seats.length })}
          </p>
          <BestSeats
            tiers={tiers}
            maxPrice={maxPrice}
            onMaxPrice={setMaxPrice}
            blockedBy={holding ? t("best.whileHolding") : null}
            pending={holdSeats.isPending}
            onFind={holdBest}
          />
        </div>
        <div className="min-w-0 space-y-4">
          {overview ? (
            <SectionOverview bands={bands} tiers={tiers} maxPrice={maxPrice} onOpen={setOpenSection} focusOn={closedSection} />
          ) : (
            <>
              {bySections && (
                <div className="flex items-center justify-between gap-3">
                  <h2 ref={sectionHeading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
                    {t("section", { name: openSection! })}
                  </h2>
                  <button
                    type="button"
                    onClick={() => {
                      setClosedSection(openSection);
                      setOpenSection(null);
                    }}
                    className="rounded-md px-3 py-1.5 text-sm font-medium text-brand-600 hover:underline"
                  >
                    {t("allSections")}
                  </button>
                </div>
              )}
              <SeatMap seats={shown} tiers={tiers} maxPrice={maxPrice} selected={selected} mine={mine} released={released} onToggle={toggle} />
            </>
          )}
        </div>
      </div>
      {(!overview || selection.length > 0 || changing || notice) && (
        <div className="sticky bottom-16 z-10 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <p aria-live="polite" data-testid="selection-summary">
            {wanted.length === 0
              ? holding
                ? t("allWouldGo")
                : t("pickUpTo", { max: MAX_SEATS_PER_HOLD })
              : holding && !changing
                ? t("pickToChange")
                : t.rich(holding ? "changeTo" : "wanted", {
                    count: wanted.length,
                    seats: wanted.map((id) => seatLabel(byId.get(id)!)).join(", "),
                    total: formatKrw(total),
                    strong: (chunks) => <strong>{chunks}</strong>,
                  })}
          </p>
          <button
            type="button"
            onClick={hold}
            disabled={wanted.length === 0 || (holding && !changing) || holdSeats.isPending || changeHold.isPending}
            className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
          >
            {holdSeats.isPending || changeHold.isPending ? t("holding") : holding ? t("update") : t("hold", { count: selection.length })}
          </button>
          {notice && (
            <div className="w-full">
              <FormAlert>{notice}</FormAlert>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

function Legend({ tiers }: { tiers: ReturnType<typeof tiersOf> }) {
  const t = useTranslations("SeatMap");
  const swatch = (className: string, label: string) => (
    <li key={label} className="flex items-center gap-1.5">
      <span className={`inline-block size-4 rounded-t-md ${className}`} aria-hidden />
      {label}
    </li>
  );
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm text-slate-700" aria-label={t("legend")}>
      {tiers.map((tier) => swatch(tier.colour, `${tier.name} ${formatKrw(tier.price)}`))}
      {swatch("bg-emerald-300 ring-2 ring-emerald-700", t("heldByYou"))}
      {swatch(HELD_LOOK, t("held"))}
      {swatch(SOLD_LOOK, t("sold"))}
    </ul>
  );
}
