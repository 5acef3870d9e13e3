import { systemClock, type Clock } from "../clock";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { SeatMapView, SeatStatus } from "../schemas/booking";

/** Status as everyone sees it: a lapsed hold is already free; who holds a seat is never shown. */
export function seatStatusAt(seat: { status: "AVAILABLE" | "SOLD"; holdExpiresAt: Date | null }, now: Date): SeatStatus {
  if (seat.status === "SOLD") return "SOLD";
  return seat.holdExpiresAt && seat.holdExpiresAt > now ? "HELD" : "AVAILABLE";
}

export async function getSeatMap(scheduleId: string, clock: Clock = systemClock): Promise<SeatMapView> {
  const schedule = await db.schedule.findUnique({
    where: { id: scheduleId },
    select: {
      id: true,
      concertId: true,
      startsAt: true,
      seats: {
        orderBy: [{ section: "asc" }, { row: "asc" }, { number: "asc" }],
        select: { id: true, section: true, row: true, number: true, tier: true, price: true, status: true, holdExpiresAt: true },
      },
    },
  });
  if (!schedule) throw new NotFoundError("Schedule");
  const now = clock.now();
  return {
    scheduleId: schedule.id,
    concertId: schedule.concertId,
    startsAt: schedule.startsAt.toISOString(),
    seats: schedule.seats.map(({ holdExpiresAt, status, ...seat }) => ({ ...seat, status: seatStatusAt({ status, holdExpiresAt }, now) })),
  };
}
