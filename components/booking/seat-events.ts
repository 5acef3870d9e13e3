"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { serverNow } from "@/lib/client/api";
import { followStream } from "@/lib/client/follow-stream";
import type { ServerEvent } from "@/lib/client/server-events";
import type { SeatStatusesView } from "@/lib/schemas/booking";

// Holds lapse by the clock, with no event: the map frees them itself.
const LAPSE_CHECK_MS = 1_000;

/**
 * Keeps a loaded seat map's statuses current from the seat event stream, in the same cache
 * the status refresh fills. Returns whether the stream is connected: the map polls only
 * while it is not (followStream resumes a dropped one where it left off).
 */
export function useSeatEvents(scheduleId: string, token: string | null, seats: readonly { id: string }[] | undefined): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!token || !seats) return;
    const key = ["seat-statuses", scheduleId];
    const indexOf = new Map(seats.map((seat, i) => [seat.id, i]));
    const lapses = new Map<number, number>(); // seat index → when its hold lapses (server ms)

    const change = (update: (codes: string[]) => void) =>
      queryClient.setQueryData<SeatStatusesView>(key, (old) => {
        if (!old || old.statuses.length !== seats.length) return old;
        const codes = [...old.statuses];
        update(codes);
        return { ...old, statuses: codes.join("") };
      });
    const mark = (ids: unknown, code: string, until?: number) =>
      change((codes) => {
        for (const id of ids as string[]) {
          const i = indexOf.get(id);
          if (i === undefined) continue;
          codes[i] = code;
          if (until === undefined) lapses.delete(i);
          else lapses.set(i, until);
        }
      });

    const handle = ({ event, data: text }: ServerEvent) => {
      const data = JSON.parse(text) as Record<string, unknown>;
      if (event === "snapshot") {
        // A status refresh still under way read older statuses than these: it must not land after them.
        void queryClient.cancelQueries({ queryKey: key });
        const { heldUntil, ...view } = data as Omit<SeatStatusesView, "scheduleId"> & { heldUntil: Record<string, string> };
        queryClient.setQueryData<SeatStatusesView>(key, { scheduleId, ...view });
        lapses.clear();
        for (const [id, until] of Object.entries(heldUntil)) {
          const i = indexOf.get(id);
          if (i !== undefined) lapses.set(i, Date.parse(until));
        }
      } else if (event === "seat.held") {
        const until = Date.parse(data.heldUntil as string);
        if (until > serverNow()) mark(data.seatIds, "H", until);
        else mark(data.seatIds, "A");
      } else if (event === "seat.freed") {
        mark(data.seatIds, "A");
      } else if (event === "seat.sold") {
        mark(data.seatIds, "S");
      } else if (event === "seats.revised") {
        queryClient.setQueryData<SeatStatusesView>(key, (old) => old && { ...old, revision: data.revision as number });
      }
    };

    const lapseTimer = setInterval(() => {
      const now = serverNow();
      const lapsed = [...lapses].filter(([, until]) => until <= now).map(([i]) => i);
      if (!lapsed.length) return;
      change((codes) => {
        for (const i of lapsed) {
          if (codes[i] === "H") codes[i] = "A";
          lapses.delete(i);
        }
      });
    }, LAPSE_CHECK_MS);

    const abort = new AbortController();
    void followStream(`/api/v1/schedules/${scheduleId}/seats/events`, { "x-queue-token": token }, abort.signal, { onEvent: handle, onConnected: setConnected });

    return () => {
      abort.abort();
      clearInterval(lapseTimer);
      setConnected(false);
    };
  }, [scheduleId, token, seats, queryClient]);

  return connected;
}
