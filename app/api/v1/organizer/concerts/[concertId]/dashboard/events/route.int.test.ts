import { describe, expect, it } from "vitest";
import { createHold } from "@/lib/booking/create-hold";
import { db, pool } from "@/lib/db";
import { payHold } from "@/lib/payments/pay-hold";
import { inSqlTransaction } from "@/lib/sql";
import { openStream } from "@/tests/event-stream";
import { createTestUser, createUsers, fund } from "@/tests/helpers";
import { organizerWithVenue, publishedConcert } from "@/tests/organizer";
import { GET } from "./route";

const follow = (concertId: string, headers: Record<string, string>) =>
  openStream(GET, `/api/v1/organizer/concerts/${concertId}/dashboard/events`, { concertId }, headers);

describe("GET /api/v1/organizer/concerts/{concertId}/dashboard/events", () => {
  it("sends the figures at once, then again soon after a sale", { timeout: 30_000 }, async () => {
    const o = await organizerWithVenue();
    const { concertId, dates } = await publishedConcert(o);
    const stream = await follow(concertId, o.staff.auth);
    try {
      const [first] = await stream.next();
      expect(first).toMatchObject({ event: "dashboard", data: { ticketsSold: 0 } });

      const [buyer] = await createUsers(1);
      await fund(buyer!, 10_000_000);
      const seat = await db.seat.findFirstOrThrow({ where: { scheduleId: dates[0]!, holdId: null } });
      const hold = await createHold(buyer!, { scheduleId: dates[0]!, seatIds: [seat.id] }, { ttlSeconds: 300 });
      await inSqlTransaction(pool(), (tx) => payHold(tx, buyer!, hold.id));
      // Within the throttle (2 s) of the hold's or the sale's event, well before the 15 s refresh.
      const deadline = Date.now() + 8_000;
      let latest = first;
      while (latest!.data.ticketsSold !== 1 && Date.now() < deadline) [latest] = await stream.next(1, deadline - Date.now());
      expect(latest).toMatchObject({ event: "dashboard", data: { ticketsSold: 1 } });
    } finally {
      await stream.close();
    }
  });

  it("is refused before streaming to someone who may not see the figures", async () => {
    const o = await organizerWithVenue();
    const { concertId } = await publishedConcert(o);
    const fan = await createTestUser("fan");
    const refused = await follow(concertId, fan.auth);
    expect(refused.response.status).toBe(403);
    expect(await refused.response.json()).toMatchObject({ code: "ORGANIZER_REQUIRED" });
  });
});
