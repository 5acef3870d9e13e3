import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";

type Handler = (request: NextRequest, segment: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

interface CallOptions {
  method?: string;
  path?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
  /** A value is sent as JSON; a string is sent as-is. */
  body?: unknown;
}

/** Calls a route handler the way Next.js does, with a real Request. */
export async function call(handler: Handler, options: CallOptions = {}) {
  const { method = "GET", path = "/", params = {}, headers = {}, body } = options;
  const request = new NextRequest(new URL(path, "http://localhost"), {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

export function uniqueEmail(label = "fan"): string {
  return `${label}-${randomUUID()}@example.test`;
}

export const STRONG_PASSWORD = "correct-horse-battery-9";

/** A registered user with a personal access token, for calling the API as them. */
export async function createTestUser(label = "fan") {
  const user = await createUser({ email: uniqueEmail(label), name: label, password: STRONG_PASSWORD });
  const { token } = await createAccessToken(user.id, "tests");
  return { ...user, token, auth: { authorization: `Bearer ${token}` } };
}

/** Many users at once, for races; they cannot sign in (no usable password). */
export async function createUsers(count: number): Promise<string[]> {
  const rows = await db.user.createManyAndReturn({
    data: Array.from({ length: count }, () => ({ email: uniqueEmail("crowd"), name: "Crowd", passwordHash: "none" })),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** A concert of its own for a test, optionally with waiting-room settings. */
export async function createConcert(queue: { activeLimit?: number; admitPerTick?: number; activeTtlSeconds?: number } = {}) {
  const slug = `test-${randomUUID()}`;
  return db.concert.create({
    data: {
      slug,
      title: "Test Concert",
      artist: "Test Artist",
      venue: "Test Hall",
      description: "For tests.",
      queueActiveLimit: queue.activeLimit,
      queueAdmitPerTick: queue.admitPerTick,
      queueActiveTtlSeconds: queue.activeTtlSeconds,
    },
    select: { id: true },
  });
}
