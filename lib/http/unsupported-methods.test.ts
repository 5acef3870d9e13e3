import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerUnsupportedMethod } from "./unsupported-methods";

// Without the guard, Next builds a fetch Request from TRACE, which throws: a 500.
describe("answerUnsupportedMethod", () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    // As scripts/serve.ts does, in front of Next's handler.
    server = createServer((req, res) => {
      if (answerUnsupportedMethod(req, res)) return;
      new Request("http://localhost/", { method: req.method }); // what Next does first
      res.end("handled");
    });
    server.on("error", () => {});
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = (method: string) =>
    new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
      const req = request({ port, host: "127.0.0.1", method, path: "/api/v1/wallet" }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode!, type: res.headers["content-type"], body }));
      });
      req.on("error", reject);
      req.end();
    });

  it("answers TRACE with 405 problem+json before the app sees it", async () => {
    const response = await send("TRACE");
    expect(response.status).toBe(405);
    expect(response.type).toBe("application/problem+json");
    expect(JSON.parse(response.body)).toMatchObject({ status: 405, code: "METHOD_NOT_ALLOWED" });
  });

  it("leaves every other method to the app", async () => {
    expect(await send("GET")).toMatchObject({ status: 200, body: "handled" });
  });
});
