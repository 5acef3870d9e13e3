import type { ConcertDateView } from "../schemas/booking";
import { eventsWritten } from "../events/sequencer";
import { processCache } from "../ttl-cache";

/**
 * Seat statuses and concert dates are read by every shopper every few seconds, and change
 * only when seats are held, released, sold or lapse. Each instance keeps what it last read
 * for at most this long (never past the next lapse it knows of), shared by every reader:
 * a hot date costs one query per instance per period, not one per request. A change made on
 * this instance drops its copy at once; one made elsewhere shows within the period. Who gets
 * a seat is never decided here: holds and payments lock the seat rows themselves.
 */
export const AVAILABILITY_CACHE_MS = 1_000;

export interface SeatStatuses {
  /** One character per seat, in seat-map order. */
  statuses: string;
  /** The revision of the date's seats (schedules.seats_revision). */
  revision: number;
  /** The venue layout version they were made from. */
  layoutVersion: number;
  /** The last event position given when they were read: they include every change up to it. */
  position: number;
}

/** Statuses by schedule. */
export const seatStatusCache = processCache<string, SeatStatuses>("booking.seat-statuses", 10_000);

/** Upcoming dates with free seats and prices, by concert. */
export const concertDatesCache = processCache<string, ConcertDateView[]>("booking.concert-dates", 10_000);

/** How long a read made at `now` may be kept: the period, or until the next hold it saw lapses. */
export const keepUntil = (now: number, nextLapse: Date | null) => Math.min(now + AVAILABILITY_CACHE_MS, nextLapse?.getTime() ?? Infinity);

/** Seats of this date were held, released, sold or freed on this instance (and wrote their events). */
export function availabilityChanged(scheduleId: string): void {
  eventsWritten();
  seatStatusCache.delete(scheduleId);
  // Dates are few and cheap to recount; which concert the date is of does not matter here.
  concertDatesCache.clear();
}
