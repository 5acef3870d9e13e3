import { describe, expect, it } from "vitest";
import { apiRouteTable } from "./api-route-table";

const table = apiRouteTable(
  ["/api/v1/holds", "/api/v1/holds/best-available", "/api/v1/holds/[holdId]", "/api/v1/concerts/[concertId]/queue", "/api/v1/concerts/[concertId]/schedules"].map(
    (path) => ({ path, target: path }),
  ),
);

describe("apiRouteTable", () => {
  it("matches plain paths and fills in parameters", () => {
    expect(table.match("/api/v1/holds")).toEqual({ target: "/api/v1/holds", params: {} });
    expect(table.match("/api/v1/concerts/c-1/queue")).toEqual({ target: "/api/v1/concerts/[concertId]/queue", params: { concertId: "c-1" } });
  });

  it("prefers a static segment to a parameter at the same place", () => {
    expect(table.match("/api/v1/holds/best-available")?.target).toBe("/api/v1/holds/best-available");
    expect(table.match("/api/v1/holds/h-1")).toEqual({ target: "/api/v1/holds/[holdId]", params: { holdId: "h-1" } });
  });

  it("decodes parameters and leaves malformed encodings, empty segments and unknown paths to the framework", () => {
    expect(table.match("/api/v1/holds/a%20b")?.params).toEqual({ holdId: "a b" });
    expect(table.match("/api/v1/holds/%E0%A4%A")).toBeNull();
    expect(table.match("/api/v1/holds/")).toBeNull();
    expect(table.match("/api/v1/holds/h-1/extra")).toBeNull();
    expect(table.match("/api/v1/concerts/c-1")).toBeNull();
    expect(table.match("/api/v1")).toBeNull();
  });

  it("refuses tables it could not serve like the App Router", () => {
    for (const path of ["/api/[...path]", "/api/(public)/x", "/api/_draft/x", "/api/@slot/x"]) {
      expect(() => apiRouteTable([{ path, target: 1 }])).toThrow(/Unsupported/);
    }
    expect(() => apiRouteTable([{ path: "/a/[x]", target: 1 }, { path: "/a/[y]/b", target: 2 }])).toThrow(/Two parameter names/);
    expect(() => apiRouteTable([{ path: "/a", target: 1 }, { path: "/a", target: 2 }])).toThrow(/Two routes/);
  });
});
