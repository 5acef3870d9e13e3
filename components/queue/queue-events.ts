"use client";

import { useEffect, useState } from "react";
import { followStream } from "@/lib/client/follow-stream";
import type { QueueStatus } from "@/lib/queue/get-queue-status";

/**
 * Follows the caller's own place from the queue event stream while `token` is given:
 * the latest status and when it came, and whether the stream is connected (the page polls
 * only while it is not). `onStatus` sees each status as it arrives (a new token after the draw).
 */
export function useQueueEvents(token: string | null, onStatus: (status: QueueStatus) => void) {
  const [live, setLive] = useState(false);
  const [latest, setLatest] = useState<{ status: QueueStatus; at: number } | null>(null);

  useEffect(() => {
    if (!token) return;
    const abort = new AbortController();
    void followStream("/api/v1/queue/events", { "x-queue-token": token }, abort.signal, {
      onConnected: setLive,
      onEvent: ({ event, data }) => {
        if (event !== "status") return;
        const status = JSON.parse(data) as QueueStatus;
        setLatest({ status, at: Date.now() });
        onStatus(status);
      },
    });
    return () => {
      abort.abort();
      setLive(false);
      setLatest(null);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- onStatus only stores what it is given
  }, [token]);

  return { live, status: latest?.status ?? null, at: latest?.at ?? 0 };
}
