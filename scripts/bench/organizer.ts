// npm run bench:organizer — what organizers cost: publishing large venues (every date's seats
// made in one transaction) and a dashboard refresh, beside the trivial route of the same server.
// Needs `npm run build` first; uses DATABASE_URL's server or the embedded one.
import os from "node:os";
import { venueLayout } from "../../lib/organizer/venue-layout";
import { startAppServer } from "./app-server";
import { clientFor, DURATION_MS, measureTrivialRoute, openBench } from "./bench-setup";
import { createSessionUsers } from "./fixtures";
import { printResults, runLoad } from "./load";

const { db, databaseUrl, secrets, close } = await openBench();
const app = await startAppServer(3204, { databaseUrl, secrets });
const client = clientFor(app);

/** A layout of `sections` sections of `rows` rows of `seats` seats, side by side, all one tier. */
const layoutOf = (sections: number, rows: number, seats: number) =>
  venueLayout.parse({
    sections: Array.from({ length: sections }, (_, i) => ({
      name: `S${i + 1}`,
      x: (i % 10) * (seats + 2),
      y: Math.floor(i / 10) * (rows + 2),
      tier: "General",
      rows: Array.from({ length: rows }, (_, r) => ({ label: `R${r + 1}`, seats })),
    })),
  });

try {
  const trivial = await measureTrivialRoute(app, client);
  const [owner] = await createSessionUsers(db, 1, secrets.AUTH_SECRET);
  const headers = { cookie: owner!.cookie };
  const organization = await db.organization.create({ data: { name: "Bench Live", members: { create: { userId: owner!.id, role: "OWNER" } } }, select: { id: true } });
  const post = async (path: string, json: unknown) => {
    const sent = await client.send({ method: "POST", path, headers, json });
    if (sent.status >= 300) throw new Error(`${path}: ${sent.status} ${sent.body}`);
    return JSON.parse(sent.body) as { id: string };
  };

  /** A concert at a new venue of this layout, with `dates` dates; returns it and how long publishing took. */
  async function publishTimed(layout: ReturnType<typeof layoutOf>, dates: number) {
    const venue = await post("/api/v1/organizer/venues", { organizationId: organization.id, name: `Bench Venue ${Date.now()}`, layout });
    const concert = await post("/api/v1/organizer/concerts", {
      organizationId: organization.id,
      venueId: venue.id,
      title: "Bench Night",
      artist: "Load",
      tiers: [{ name: "General", price: 100_000, colour: "#2563eb" }],
    });
    for (let d = 0; d < dates; d++) {
      const startsAt = new Date(Date.now() + (30 + d) * 86_400_000).toISOString();
      await post(`/api/v1/organizer/concerts/${concert.id}/schedules`, { startsAt, salesOpenAt: new Date(Date.now() - 86_400_000).toISOString() });
    }
    const started = performance.now();
    await post(`/api/v1/organizer/concerts/${concert.id}/publish`, {});
    return { concertId: concert.id, ms: performance.now() - started };
  }

  const arena = await publishTimed(layoutOf(20, 40, 25), 3);
  const stadium = await publishTimed(layoutOf(40, 50, 50), 1);
  const seats = await db.seat.count({ where: { schedule: { concertId: { in: [arena.concertId, stadium.concertId] } } } });

  // A dashboard left open: a few organizers refreshing the 60,000-seat concert.
  const dashboard = await runLoad({
    meters: app.meters,
    concurrency: 4,
    durationMs: DURATION_MS,
    warmup: 20,
    send: () => client.send({ path: `/api/v1/organizer/concerts/${arena.concertId}/dashboard`, headers }),
  });

  printResults(`Organizer benchmark · ${os.cpus().length} cores · ${os.cpus()[0]?.model ?? "unknown CPU"} · ${DURATION_MS / 1000} s timed runs`, [
    { label: "trivial route (floor)", result: trivial },
    { label: "dashboard refresh, 3 dates × 20,000 seats (4 connections)", result: dashboard },
  ]);
  console.log(`\npublish 20,000 seats × 3 dates: ${Math.round(arena.ms)} ms`);
  console.log(`publish 100,000 seats × 1 date: ${Math.round(stadium.ms)} ms`);
  console.log(`seats made: ${seats.toLocaleString("en")}`);
  if (seats !== 160_000) process.exitCode = 1;
} finally {
  await client.close();
  await app.stop();
  await close();
}
