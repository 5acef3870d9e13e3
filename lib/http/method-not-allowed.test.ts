import { describe, expect, it } from "vitest";
import { otherMethods } from "./method-not-allowed";

const handler = () => new Response();

describe("otherMethods", () => {
  it("answers each method a route lacks with 405 problem+json naming what it allows", async () => {
    const others = otherMethods({ GET: handler, DELETE: handler });
    expect(Object.keys(others).sort()).toEqual(["PATCH", "POST", "PUT"]);
    const response = others.PUT();
    expect(response.status).toBe(405);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("allow")).toBe("DELETE, GET, HEAD, OPTIONS");
    expect(await response.json()).toMatchObject({ status: 405, code: "METHOD_NOT_ALLOWED" });
  });

  it("covers HEAD too when the route has no GET for Next to answer it from", () => {
    const others = otherMethods({ POST: handler });
    expect(Object.keys(others).sort()).toEqual(["DELETE", "GET", "HEAD", "PATCH", "PUT"]);
    expect(others.GET().headers.get("allow")).toBe("OPTIONS, POST");
  });
});
