import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUsers } from "@/tests/helpers";
import { acquireStreamLease, purgeLapsedStreamLeases, releaseStreamLease } from "./stream-leases";

describe("stream leases", () => {
  it("give one account at most its cap of streams over every instance, however many race for them", async () => {
    const [fan] = await createUsers(1);
    const leases = await Promise.all(Array.from({ length: 20 }, () => acquireStreamLease(fan!, 6)));
    const taken = leases.filter((lease): lease is string => lease !== null);
    expect(taken).toHaveLength(6);

    await releaseStreamLease(taken[0]!);
    const again = await acquireStreamLease(fan!, 6);
    expect(again).not.toBeNull();
    expect(await acquireStreamLease(fan!, 6)).toBeNull();

    // An instance that died stops renewing: its leases lapse, stop counting and are purged.
    await db.eventStreamLease.updateMany({ where: { id: { in: taken.slice(1, 3) } }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await acquireStreamLease(fan!, 6)).not.toBeNull();
    expect(await purgeLapsedStreamLeases()).toBeGreaterThanOrEqual(2);
    for (const lease of await db.eventStreamLease.findMany({ where: { userId: fan! } })) await releaseStreamLease(lease.id);
  });
});
