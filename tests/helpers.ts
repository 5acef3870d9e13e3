import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { TOKEN_SCOPES } from "@/lib/auth/scopes";
import { db } from "@/lib/db";
import { enterQueue, type EnteredQueue } from "@/lib/queue/enter-queue";
import { getQueueStatus } from "@/lib/queue/get-queue-status";
import { getQueueSettingsOrThrow } from "@/lib/queue/settings";
import { queueStore } from "@/lib/queue/store";
import { createAccessTokenBody } from "@/lib/schemas/access-tokens";
import { createUser } from "@/lib/users/create-user";
import { createFixtureConcert } from "@/scripts/db/fixture-concert";

type Handler = (request: NextRequest, segment: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

interface CallOptions {
  method?: string;
  path?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
  /** A value is sent as JSON; a string or a stream is sent as-is. */
  body?: unknown;
}

/** Calls a route handler the way Next.js does, with a real Request. */
export async function call(handler: Handler, options: CallOptions = {}) {
  const { method = "GET", path = "/", params = {}, headers = {}, body } = options;
  const request = new NextRequest(new URL(path, "http://localhost"), {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" || body instanceof ReadableStream ? body : JSON.stringify(body),
    // Required by fetch for a streamed body.
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** Every scope, the default expiry. */
const testToken = createAccessTokenBody.parse({ name: "tests", scopes: [...TOKEN_SCOPES] });

export function uniqueEmail(label = "fan"): string {
  return `${label}-${randomUUID()}@example.test`;
}

export const STRONG_PASSWORD = "correct-horse-battery-9";

/** A registered user with a personal access token, for calling the API as them. */
export async function createTestUser(label = "fan") {
  const user = await createUser({ email: uniqueEmail(label), name: label, password: STRONG_PASSWORD });
  const { token } = await createAccessToken(user.id, testToken);
  return { ...user, token, auth: { authorization: `Bearer ${token}` } };
}

/** Many users at once (each with an empty wallet, as sign-up gives), for races; they cannot sign in. */
export async function createUsers(count: number): Promise<string[]> {
  const rows = await db.user.createManyAndReturn({
    data: Array.from({ length: count }, () => ({ email: uniqueEmail("crowd"), name: "Crowd", passwordHash: "none" })),
    select: { id: true },
  });
  await db.wallet.createMany({ data: rows.map((r) => ({ userId: r.id })) });
  return rows.map((r) => r.id);
}

interface TestConcertSettings {
  activeLimit?: number;
  admitPerTick?: number;
  activeTtlSeconds?: number;
  maxTicketsPerAccount?: number;
  preQueueOpensAt?: Date;
  salesOpenAt?: Date;
  challengeDifficulty?: number;
  minAccountAgeDays?: number;
}

/** A published concert of its own for a test (and an organization of its own), optionally with sale settings. */
export async function createConcert({ activeLimit, admitPerTick, activeTtlSeconds, ...onSale }: TestConcertSettings = {}) {
  return createFixtureConcert(db, {
    title: "Test Concert",
    artist: "Test Artist",
    venue: "Test Hall",
    description: "For tests.",
    queueActiveLimit: activeLimit,
    queueAdmitPerTick: admitPerTick,
    queueActiveTtlSeconds: activeTtlSeconds,
    ...onSale,
  });
}

/** A date of `concertId` on sale now, with `count` seats in two price tiers. */
export async function createSchedule(concertId: string, count = 8) {
  const day = 24 * 60 * 60 * 1000;
  return db.schedule.create({
    data: {
      concertId,
      startsAt: new Date(Date.now() + 30 * day + Math.floor(Math.random() * day)),
      salesOpenAt: new Date(Date.now() - day),
      layoutVersion: 1,
      seats: {
        create: Array.from({ length: count }, (_, i) => ({
          section: i < count / 2 ? "Floor" : "Balcony",
          row: "A",
          number: i + 1,
          tier: i < count / 2 ? "VIP" : "S",
          price: i < count / 2 ? 150_000 : 90_000,
        })),
      },
    },
    select: { id: true, seats: { orderBy: { number: "asc" }, select: { id: true, price: true } } },
  });
}

/**
 * `count` users shopping (ACTIVE) in the concert's line, each with the headers that
 * prove it: a personal access token and their queue token.
 */
export async function createShoppers(concertId: string, count: number) {
  const ids = await createUsers(count);
  const store = queueStore();
  const settings = await getQueueSettingsOrThrow(concertId);
  const tokens = await Promise.all(ids.map((id) => createAccessToken(id, testToken)));
  const entered: EnteredQueue[] = [];
  for (const id of ids) entered.push(await enterQueue(id, concertId));
  await store.admit(concertId, new Date(), { force: true, settings });
  return Promise.all(
    ids.map(async (id, i) => {
      const status = await getQueueStatus({ userId: id, concertId, number: entered[i]!.number! });
      if (status.status !== "ACTIVE") throw new Error("createShoppers needs a concert whose limit and tick fit them all");
      return { id, headers: { authorization: `Bearer ${tokens[i]!.token}`, "x-queue-token": entered[i]!.token } };
    }),
  );
}

/** Money in a user's wallet, recorded as a charge like any other. */
export async function fund(userId: string, amount: number) {
  await db.$transaction(async (tx) => {
    const wallet = await tx.wallet.update({ where: { userId }, data: { balance: { increment: amount } } });
    await tx.ledgerEntry.create({ data: { userId, kind: "CHARGE", amount, balanceAfter: wallet.balance } });
  });
}

/** The OpenAPI entry of a route defined only inside a test. */
export const testDoc = { summary: "test route", tag: "Operations", responses: {} } as const;
