/**
 * One committed change, as the outbox holds it once sequenced: `position` grows with every
 * event and is the id a stream resumes from.
 */
export interface DomainEvent {
  position: number;
  type: string;
  scheduleId: string | null;
  concertId: string | null;
  userId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** The events of one date's seats, one concert (its organizer's dashboard) or one account. */
export type EventStream = { scheduleId: string } | { concertId: string } | { userId: string };

export function inStream(event: DomainEvent, stream: EventStream): boolean {
  if ("scheduleId" in stream) return event.scheduleId === stream.scheduleId;
  if ("concertId" in stream) return event.concertId === stream.concertId;
  return event.userId === stream.userId;
}
