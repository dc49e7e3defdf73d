import { describe, expect, it } from "vitest";
import { nextFire, parseCron } from "../../sandbox/util/cron-schedule.ts";

const at = (iso: string) => Date.parse(iso);
const next = (spec: string, after: string) => new Date(nextFire(parseCron(spec), at(after))!).toISOString();

describe("cron schedules", () => {
  it("fires every minute for */1 * * * *", () => {
    expect(next("*/1 * * * *", "2025-01-15T09:00:30Z")).toBe("2025-01-15T09:01:00.000Z");
  });

  it("reads @hourly and @daily as their five-field forms", () => {
    expect(next("@hourly", "2025-01-15T09:00:00Z")).toBe("2025-01-15T10:00:00.000Z");
    expect(next("@daily", "2025-01-15T09:00:00Z")).toBe("2025-01-16T00:00:00.000Z");
  });

  it("matches either day field when both are restricted, as cron does", () => {
    // The 20th, or any Monday: Monday 2025-01-20 is both, Friday 2025-01-17 is neither.
    expect(next("0 0 20 * mon", "2025-01-15T09:00:00Z")).toBe("2025-01-20T00:00:00.000Z");
    expect(next("30 6 * * fri", "2025-01-15T09:00:00Z")).toBe("2025-01-17T06:30:00.000Z");
  });

  it("rejects specs with robfig/cron's messages", () => {
    expect(() => parseCron("foo")).toThrow("expected exactly 5 fields, found 1: [foo]");
    expect(() => parseCron("61 * * * *")).toThrow("end of range (61) above maximum (59): 61");
    expect(() => parseCron("x * * * *")).toThrow(
      'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax',
    );
    expect(() => parseCron("@fortnightly")).toThrow("unrecognized descriptor: @fortnightly");
  });
});
