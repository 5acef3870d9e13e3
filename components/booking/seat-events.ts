"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { serverNow } from "@/lib/client/api";
import { ServerEventParser, type ServerEvent } from "@/lib/client/server-events";
import type { SeatStatusesView } from "@/lib/schemas/booking";

// After a dropped stream: try again soon, then less and less often (polling covers the gap).
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
// Holds lapse by the clock, with no event: the map frees them itself.
const LAPSE_CHECK_MS = 1_000;

/**
 * Keeps a loaded seat map's statuses current from the seat event stream, in the same cache
 * the status refresh fills. Returns whether the stream is connected: the map polls only
 * while it is not. A dropped stream is opened again with its Last-Event-ID, so nothing is
 * missed; one refused because the shopping time is over stays closed, and the next poll
 * says why.
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
        lapses.clear();
        queryClient.setQueryData<SeatStatusesView>(key, { scheduleId, ...(data as Omit<SeatStatusesView, "scheduleId">) });
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
    void (async () => {
      let lastEventId: string | undefined;
      for (let attempt = 0; !abort.signal.aborted; attempt++) {
        try {
          const response = await fetch(`/api/v1/schedules/${scheduleId}/seats/events`, {
            headers: { accept: "text/event-stream", "x-queue-token": token, ...(lastEventId ? { "last-event-id": lastEventId } : {}) },
            signal: abort.signal,
          });
          if ([401, 403, 404].includes(response.status)) return;
          if (response.ok && response.body) {
            setConnected(true);
            attempt = 0;
            const reader = response.body.getReader();
            const parser = new ServerEventParser();
            for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
              for (const event of parser.push(chunk.value)) {
                handle(event);
                if (event.id) lastEventId = event.id;
              }
            }
          }
        } catch {
          // A dropped connection: polling takes over until it is back.
        }
        setConnected(false);
        if (abort.signal.aborted) return;
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
      }
    })();

    return () => {
      abort.abort();
      clearInterval(lapseTimer);
      setConnected(false);
    };
  }, [scheduleId, token, seats, queryClient]);

  return connected;
}
