import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { call, createTestUser, testDoc } from "@/tests/helpers";
import { NextRequest } from "next/server";
import { MAX_JSON_BODY_BYTES } from "./read-json-body";
import { json } from "./responses";
import { route } from "./route";

const whoAmI = route({ auth: "user", doc: testDoc }, async ({ user }) => json({ id: user.id, email: user.email }));
const echo = route(
  { auth: "none", params: z.object({ id: z.uuid() }), query: z.object({ n: z.coerce.number().int() }), doc: testDoc },
  async ({ params, query }) => json({ params, query }),
);
const named = route({ auth: "none", body: z.object({ name: z.string() }), doc: testDoc }, async ({ body }) => json(body));
const boom = route({ auth: "none", doc: testDoc }, async () => {
  throw new Error("password=hunter2 leaked into a message");
});

describe("route wrapper", () => {
  it("identifies the caller by a personal access token", async () => {
    const user = await createTestUser();
    const response = await call(whoAmI, { headers: user.auth });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: user.id, email: user.email });
    const record = await db.accessToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(record.lastUsedAt).not.toBeNull();
    expect(record.tokenHash).not.toBe(user.token);
  });

  it("answers 401 without identity, and for unknown, malformed or revoked tokens", async () => {
    const user = await createTestUser();
    expect((await call(whoAmI)).body).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    for (const authorization of ["Bearer sp_unknown", "Bearer", "Basic abc", `Bearer ${user.token}x`]) {
      const response = await call(whoAmI, { headers: { authorization } });
      expect(response.status, authorization).toBe(401);
      expect(response.body.code).toBe("INVALID_ACCESS_TOKEN");
    }
    await db.accessToken.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    expect((await call(whoAmI, { headers: user.auth })).status).toBe(401);
  });

  it("validates params and query, naming the field at fault", async () => {
    const ok = await call(echo, { path: "/x?n=3", params: { id: "6f1c1d3e-8f43-4c1a-9a57-3f1f1f1f1f1f" } });
    expect(ok.body).toEqual({ params: { id: "6f1c1d3e-8f43-4c1a-9a57-3f1f1f1f1f1f" }, query: { n: 3 } });
    const bad = await call(echo, { path: "/x?n=three", params: { id: "nope" } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["params.id", "query.n"]);
  });

  it("turns an unexpected failure into a 500 problem that leaks nothing, and logs it once", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await call(boom, { headers: { "x-request-id": "req-123" } });
    expect(response.status).toBe(500);
    expect(response.body.code).toBe("INTERNAL");
    expect(JSON.stringify(response.body)).not.toContain("hunter2");
    expect(response.body.detail).toContain("req-123");
    expect(response.headers.get("x-request-id")).toBe("req-123");
    expect(log).toHaveBeenCalledTimes(1);
    log.mockRestore();
  });

  it("does not log client errors", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    await call(whoAmI);
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it("takes only JSON bodies (415), under the size limit declared or not (413), and says which part is at fault", async () => {
    const send = (body: string | ReadableStream, headers: Record<string, string>) =>
      call(named, { method: "POST", body, headers });
    const form = await send("name=x", { "content-type": "text/plain" });
    expect(form).toMatchObject({ status: 415, body: { code: "UNSUPPORTED_MEDIA_TYPE", errors: [{ field: "Content-Type" }] } });
    const big = JSON.stringify({ name: "x".repeat(MAX_JSON_BODY_BYTES) });
    expect((await send(big, {})).body).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
    // Chunked: no Content-Length to go by, so reading itself must stop.
    const chunked = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode(i === 0 ? '{"name":"' : "x".repeat(1024)));
        controller.close();
      },
    });
    expect((await send(chunked, {})).status).toBe(413);
    expect((await send(JSON.stringify({ name: "ok" }), { "content-type": "application/json; charset=utf-8" })).body).toEqual({ name: "ok" });
  });

  it("does not log a failure when the client has already hung up", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const aborted = new AbortController();
    aborted.abort();
    const response = await boom(new NextRequest("http://localhost/", { signal: aborted.signal }), { params: Promise.resolve({}) });
    expect(response.status).toBe(500);
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });
});
