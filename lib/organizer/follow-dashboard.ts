import { eventHub } from "../events/hub";
import { lastEventPosition } from "../events/read-events";
import type { DashboardView } from "../schemas/organizer-dashboard";
import { getDashboard } from "./dashboard";

// A busy sale changes something many times a second: figures go out at most this often.
const MIN_INTERVAL_MS = 2_000;
// Rates and the last minutes' charts move with time alone: sent again at least this often.
const REFRESH_MS = 15_000;

/**
 * Follows a concert's dashboard for one member: the figures at once (a caller who may not
 * see them is refused before anything is streamed), then again whenever the concert's
 * events say something changed (a sale, a hold, an admission), throttled, and every
 * REFRESH_MS regardless. Returns the stop.
 */
export async function followDashboard(actorId: string, concertId: string, send: (view: DashboardView) => void): Promise<() => void> {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let refreshing: Promise<void> | null = null;
  let sentAt = Date.now();

  const refresh = () => {
    // One read at a time, so an older view is never sent after a newer one.
    refreshing ??= (async () => {
      try {
        const view = await getDashboard(actorId, concertId);
        if (!stopped) send(view);
      } catch (error) {
        // A member removed meanwhile, a database blip: nothing is sent, the next pass tries again.
        console.error(JSON.stringify({ level: "warn", job: "dashboard-stream", message: (error as Error).message }));
      } finally {
        refreshing = null;
        sentAt = Date.now();
        schedule(REFRESH_MS);
      }
    })();
  };
  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(refresh, ms);
  };
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
  };

  const from = await lastEventPosition();
  send(await getDashboard(actorId, concertId));
  schedule(REFRESH_MS);
  try {
    const changes = await eventHub().subscribe({ concertId }, from, () => schedule(Math.max(0, sentAt + MIN_INTERVAL_MS - Date.now())));
    return () => {
      stop();
      changes?.close();
    };
  } catch (error) {
    stop();
    throw error;
  }
}
