// Standard five-field cron schedules, as robfig/cron's ParseStandard reads them (the parser CronJobs use),
// and the next time such a schedule fires. Times are UTC.

/** A parsed schedule: one bit set per allowed value of each field. */
export interface CronSchedule {
  minute: bigint;
  hour: bigint;
  dom: bigint;
  month: bigint;
  dow: bigint;
  /** Whether day-of-month / day-of-week were `*` or `?`: then both must match, otherwise either. */
  domStar: boolean;
  dowStar: boolean;
}

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: Object.fromEntries(MONTHS.map((m, i) => [m, i + 1])) },
  { min: 0, max: 6, names: Object.fromEntries(DAYS.map((d, i) => [d, i])) },
];

const DESCRIPTORS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

/** A schedule that does not parse; the message is robfig/cron's. */
export class CronParseError extends Error {}

function parseInt10(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s))
    throw new CronParseError(`failed to parse int from ${s}: strconv.Atoi: parsing "${s}": invalid syntax`);
  const n = Number(s);
  if (n < 0) throw new CronParseError(`negative number (${n}) not allowed: ${s}`);
  return n;
}

function intOrName(s: string, b: Bounds): number {
  const named = b.names?.[s.toLowerCase()];
  return named ?? parseInt10(s);
}

// One comma-separated part: `*`, `?`, `N`, `N-M`, each optionally `/step`.
function parseRange(expr: string, b: Bounds): { bits: bigint; star: boolean } {
  const rangeAndStep = expr.split("/");
  const lowAndHigh = rangeAndStep[0].split("-");
  const single = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === "*" || lowAndHigh[0] === "?") {
    start = b.min;
    end = b.max;
    star = true;
  } else {
    start = intOrName(lowAndHigh[0], b);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = intOrName(lowAndHigh[1], b);
    else throw new CronParseError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = parseInt10(rangeAndStep[1]);
    // `N/step` means `N-max/step`.
    if (single && !star) end = b.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) throw new CronParseError(`too many slashes: ${expr}`);
  if (start < b.min)
    throw new CronParseError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new CronParseError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end)
    throw new CronParseError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronParseError(`step of range should be a positive number: ${expr}`);
  let bits = 0n;
  for (let i = start; i <= end; i += step) bits |= 1n << BigInt(i);
  return { bits, star };
}

function parseField(field: string, b: Bounds): { bits: bigint; star: boolean } {
  let bits = 0n;
  let star = false;
  for (const part of field.split(",")) {
    const r = parseRange(part, b);
    bits |= r.bits;
    star ||= r.star;
  }
  return { bits, star };
}

/** Parse a standard cron spec (`0 * * * *`, `@hourly`); throws CronParseError with robfig/cron's words. */
export function parseCron(spec: string): CronSchedule {
  const trimmed = spec.trim();
  if (trimmed === "") throw new CronParseError("empty spec string");
  let text = trimmed;
  if (text.startsWith("@")) {
    const expanded = DESCRIPTORS[text];
    // Deviation: `@every <duration>` is not modelled and reads as an unknown descriptor.
    if (!expanded) throw new CronParseError(`unrecognized descriptor: ${text}`);
    text = expanded;
  }
  const fields = text.split(/\s+/);
  if (fields.length !== 5)
    throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(" ")}]`);
  const parsed = fields.map((f, i) => parseField(f, FIELDS[i]));
  return {
    minute: parsed[0].bits,
    hour: parsed[1].bits,
    dom: parsed[2].bits,
    month: parsed[3].bits,
    dow: parsed[4].bits,
    domStar: parsed[2].star,
    dowStar: parsed[4].star,
  };
}

const has = (bits: bigint, i: number) => (bits & (1n << BigInt(i))) !== 0n;
const MINUTE = 60_000;
const DAY = 86_400_000;

function dayMatches(s: CronSchedule, d: Date): boolean {
  const dom = has(s.dom, d.getUTCDate());
  const dow = has(s.dow, d.getUTCDay());
  return s.domStar || s.dowStar ? dom && dow : dom || dow;
}

/** The first time strictly after `after` (ms) that the schedule fires, or undefined within five years. */
export function nextFire(s: CronSchedule, after: number): number | undefined {
  const start = Math.floor(after / MINUTE) * MINUTE + MINUTE;
  let day = Math.floor(start / DAY) * DAY;
  for (let n = 0; n < 5 * 366; n++, day += DAY) {
    const d = new Date(day);
    if (!has(s.month, d.getUTCMonth() + 1) || !dayMatches(s, d)) continue;
    // On the first day the search starts at `start`'s own hour and minute.
    const first = day <= start ? new Date(start) : undefined;
    for (let h = first ? first.getUTCHours() : 0; h < 24; h++) {
      if (!has(s.hour, h)) continue;
      const m0 = first && h === first.getUTCHours() ? first.getUTCMinutes() : 0;
      for (let m = m0; m < 60; m++) if (has(s.minute, m)) return day + h * 3_600_000 + m * MINUTE;
    }
  }
  return undefined;
}
