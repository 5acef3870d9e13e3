import { describe, expect, it } from "vitest";
import { formatDateTime, formatTimeOfDay, instantOfWallTime, wallTimeOfInstant } from "./date-time";

describe("formatDateTime", () => {
  const show = "2026-12-12T10:00:00.000Z";

  it("prints the wall-clock time of the given zone, naming the zone", () => {
    expect(formatDateTime(show, "Asia/Seoul")).toBe("Sat, Dec 12, 2026, 7:00 PM GMT+9");
    expect(formatDateTime(show, "UTC")).toBe("Sat, Dec 12, 2026, 10:00 AM UTC");
    expect(formatDateTime(new Date(show), "America/New_York")).toBe("Sat, Dec 12, 2026, 5:00 AM EST");
  });

  it("does not depend on the machine's own zone", () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Auckland";
      expect(formatDateTime(show, "Asia/Seoul")).toBe("Sat, Dec 12, 2026, 7:00 PM GMT+9");
    } finally {
      process.env.TZ = before;
    }
  });

  it("rolls the date over with the zone", () => {
    expect(formatDateTime("2026-12-31T20:00:00.000Z", "Asia/Seoul")).toBe("Fri, Jan 1, 2027, 5:00 AM GMT+9");
  });
});

describe("formatTimeOfDay", () => {
  it("prints the time of day in the given zone", () => {
    expect(formatTimeOfDay("2026-12-12T10:42:00.000Z", "Asia/Seoul")).toBe("7:42 PM");
    expect(formatTimeOfDay("2026-12-12T10:42:00.000Z", "UTC")).toBe("10:42 AM");
  });
});

describe("in Korean", () => {
  it("prints the date the Korean way with a 24-hour time, in the given zone", () => {
    expect(formatDateTime("2026-12-12T10:00:00.000Z", "Asia/Seoul", "ko")).toBe("2026년 12월 12일 (토) 19:00 GMT+9");
    expect(formatTimeOfDay("2026-12-12T10:42:00.000Z", "Asia/Seoul", "ko")).toBe("19:42");
  });
});

describe("instantOfWallTime", () => {
  it("reads a wall-clock time in the given zone", () => {
    expect(instantOfWallTime("2027-01-10T19:00", "Asia/Seoul")?.toISOString()).toBe("2027-01-10T10:00:00.000Z");
    expect(instantOfWallTime("2027-07-04T20:30", "America/New_York")?.toISOString()).toBe("2027-07-05T00:30:00.000Z");
    expect(instantOfWallTime("2027-01-04T20:30", "America/New_York")?.toISOString()).toBe("2027-01-05T01:30:00.000Z");
  });

  it("settles times next to a clock change, and refuses what is not a time", () => {
    // London's clocks go forward at 01:00 UTC on 28 March 2027: 00:30 is GMT, 02:30 is BST.
    expect(instantOfWallTime("2027-03-28T00:30", "Europe/London")?.toISOString()).toBe("2027-03-28T00:30:00.000Z");
    expect(instantOfWallTime("2027-03-28T02:30", "Europe/London")?.toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(instantOfWallTime("", "Asia/Seoul")).toBeNull();
    expect(instantOfWallTime("2027-01-10 19:00", "Asia/Seoul")).toBeNull();
  });
});

describe("wallTimeOfInstant", () => {
  it("is the wall-clock time instantOfWallTime reads back", () => {
    expect(wallTimeOfInstant("2027-01-10T10:00:00.000Z", "Asia/Seoul")).toBe("2027-01-10T19:00");
    expect(wallTimeOfInstant("2027-07-05T00:30:00.000Z", "America/New_York")).toBe("2027-07-04T20:30");
    for (const local of ["2027-01-04T20:30", "2027-10-31T01:15"]) expect(wallTimeOfInstant(instantOfWallTime(local, "Europe/London")!, "Europe/London")).toBe(local);
  });
});
