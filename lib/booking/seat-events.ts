import type { DomainEvent } from "../events/domain-event";
import { eventHub } from "../events/hub";
import { canResumeFrom } from "../events/read-events";
import { getSeatStatusesSnapshot, heldSeatLapses } from "./get-seat-map";

/** What a seat stream sends: the statuses to start from, then each change to them. */
export interface SeatStreamMessage {
  id: number;
  event: "snapshot" | "seat.held" | "seat.freed" | "seat.sold" | "seats.revised";
  data: Record<string, unknown>;
}

// The schedule's stream also carries holds and payments; those name buyers and amounts and
// go to their owners only (webhooks), never to everyone looking at the map.
const SEAT_EVENTS = new Set<string>(["seat.held", "seat.freed", "seat.sold", "seats.revised"]);

// Every stream of the date gets the same message object for an event (serialised once).
const messages = new WeakMap<DomainEvent, SeatStreamMessage>();
const messageOf = (event: DomainEvent): SeatStreamMessage => {
  let message = messages.get(event);
  if (!message) {
    const { scheduleId: _scheduleId, ...data } = event.payload;
    message = { id: event.position, event: event.type as SeatStreamMessage["event"], data };
    messages.set(event, message);
  }
  return message;
};

/**
 * Follows a date's seats for one client: from `lastEventId` when everything after it is
 * still kept, else from a snapshot of the statuses (sent first, with the position it is as
 * of). Each change is sent once, in order. Returns the unsubscribe.
 */
export async function followSeats(scheduleId: string, lastEventId: number | null, send: (message: SeatStreamMessage) => void): Promise<() => void> {
  const deliver = (events: DomainEvent[]) => {
    for (const event of events) if (SEAT_EVENTS.has(event.type)) send(messageOf(event));
  };
  if (lastEventId !== null && (await canResumeFrom(lastEventId))) {
    const resumed = await eventHub().subscribe({ scheduleId }, lastEventId, deliver);
    if (resumed) return resumed.close;
  }
  // A first connection, or one too far behind: start again from the statuses as they are,
  // with when each live hold lapses (a lapse frees a seat with no event; the client frees it).
  for (;;) {
    const { view, position } = await getSeatStatusesSnapshot(scheduleId);
    const heldUntil = await heldSeatLapses(scheduleId);
    send({ id: position, event: "snapshot", data: { layoutVersion: view.layoutVersion, revision: view.revision, statuses: view.statuses, heldUntil } });
    const subscription = await eventHub().subscribe({ scheduleId }, position, deliver);
    if (subscription) return subscription.close;
  }
}
