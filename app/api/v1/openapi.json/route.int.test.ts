import { readdir } from "node:fs/promises";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { errorTable } from "@/lib/http/error-table";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_TYPE } from "@/lib/schemas/webhooks";
import { call } from "@/tests/helpers";
import { operations } from "./operations";
import { GET } from "./route";

const API_DIR = path.resolve(import.meta.dirname, "../..");

/** Every route.ts under app/api except next-auth's and the unknown-path catch-all, as (path, module file). */
async function routeFiles(dir = API_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.filter((e) => e.isDirectory() && e.name !== "auth" && e.name !== "[...path]").map((e) => routeFiles(path.join(dir, e.name))));
  return [...entries.filter((e) => e.name === "route.ts").map((e) => path.join(dir, e.name)), ...nested.flat()];
}

const toOpenApiPath = (file: string) =>
  "/api/" + path.relative(API_DIR, path.dirname(file)).split(path.sep).map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/");

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const { status, body } = await call(GET);
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    const result = await new Validator().validate(body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("describes every webhook message an endpoint can receive, with its headers and payload schema", async () => {
    const { body } = await call(GET);
    expect(Object.keys(body.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_TYPE].sort());
    const paid = body.webhooks["payment.completed"].post;
    expect(paid.parameters.map((p: { name: string }) => p.name)).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
    const schema = paid.requestBody.content["application/json"].schema;
    expect(schema.properties.type).toMatchObject({ const: "payment.completed" });
    expect(schema.properties.data.required).toEqual(expect.arrayContaining(["paymentId", "orderNumber", "amount", "paidAt"]));
  });

  it("describes every method of every route file, with the handler's own schemas; the rest answer 405", async () => {
    const { body } = await call(GET);
    const files = await routeFiles();
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      const routeModule = (await import(file)) as Record<string, ((request?: unknown) => Response) & { config?: unknown }>;
      const apiPath = toOpenApiPath(file);
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        // Next answers a method a route file lacks with a bare 405; otherMethods(...) must cover it.
        expect(routeModule[method], `${method} ${apiPath} is exported`).toBeTypeOf("function");
        if (!routeModule[method]!.config) {
          expect(routeModule[method]!().status, `${method} ${apiPath}`).toBe(405);
          continue;
        }
        expect(body.paths[apiPath]?.[method.toLowerCase()], `${method} ${apiPath}`).toBeDefined();
        const listed = operations.find((o) => o.path === apiPath && o.method === method.toLowerCase());
        if (apiPath !== "/api/v1/openapi.json") expect(listed?.config, `${method} ${apiPath}`).toBe(routeModule[method]!.config);
      }
    }
  });

  it("documents each operation's error codes, security and required headers", async () => {
    const { body } = await call(GET);
    const hold = body.paths["/api/v1/holds"].post;
    expect(hold.responses["409"]["x-error-codes"]).toEqual(expect.arrayContaining(["SEAT_UNAVAILABLE", "HOLD_EXISTS"]));
    expect(hold.responses["429"].headers["Retry-After"]).toBeDefined();
    expect(hold.parameters.map((p: { name: string }) => p.name)).toContain("X-Queue-Token");
    expect(hold.requestBody.content["application/json"].schema.properties.seatIds.maxItems).toBe(4);
    const pay = body.paths["/api/v1/payments"].post;
    expect(pay.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["Idempotency-Key", "X-Queue-Token"]));
    expect(pay.responses["410"]["x-error-codes"]).toEqual(["HOLD_EXPIRED"]);
    expect(body.paths["/api/v1/concerts"].get.security).toEqual([]);
    expect(body.paths["/api/v1/wallet"].get.security).toEqual([{ sessionCookie: [] }, { bearerToken: ["read"] }]);
    expect(body.paths["/api/v1/payments"].post.security).toEqual([{ sessionCookie: [] }, { bearerToken: ["payments"] }]);
    expect(body.components.schemas.Problem.properties.code.enum).toEqual(Object.keys(errorTable));
  });
});
