// Convert flag text to typed values the way pflag's Value.Set does (strconv, time.ParseDuration, CSV).
import type { FlagSpec, FlagValue } from "./types.ts";

/** Return Go's %q rendering of a string (close enough for ASCII input). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** Parse like strconv.ParseBool; throws the Go error text. */
export function parseBool(s: string): boolean {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(s)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(s)) return false;
  throw new Error(`strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax`);
}

/** Parse like strconv.ParseInt(s, 0, bits); throws the Go error text. */
export function parseInt0(s: string, bits: 32 | 64): number {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(s);
  const bad = `strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`;
  if (!m || m[2].endsWith("_") || m[2].includes("__")) throw new Error(bad);
  const body = m[2].replaceAll("_", "");
  let n: bigint;
  if (/^0[oO]/.test(body)) n = BigInt(`0o${body.slice(2)}`);
  else if (/^0[0-7]+$/.test(body)) n = BigInt(`0o${body.slice(1)}`);
  else n = BigInt(body);
  if (m[1] === "-") n = -n;
  const limit = 1n << BigInt(bits - 1);
  if (n >= limit || n < -limit)
    throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: value out of range`);
  return Number(n);
}

const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60000,
  h: 3600000,
};

/** Parse like time.ParseDuration, returning milliseconds; throws the Go error text. */
export function parseDuration(s: string): number {
  const quoted = goQuote(s);
  let rest = s;
  let sign = 1;
  if (rest.startsWith("-") || rest.startsWith("+")) {
    sign = rest[0] === "-" ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === "0") return 0;
  if (rest === "") throw new Error(`time: invalid duration ${quoted}`);
  let total = 0;
  while (rest !== "") {
    const num = /^([0-9]*)(\.[0-9]*)?/.exec(rest)!;
    if (num[0] === "" || num[0] === ".") throw new Error(`time: invalid duration ${quoted}`);
    rest = rest.slice(num[0].length);
    const unit = /^[^0-9.]*/.exec(rest)![0];
    if (unit === "") throw new Error(`time: missing unit in duration ${quoted}`);
    if (!(unit in UNITS)) throw new Error(`time: unknown unit ${goQuote(unit)} in duration ${quoted}`);
    rest = rest.slice(unit.length);
    total += Number.parseFloat(num[0]) * UNITS[unit];
  }
  return sign * total;
}

/** Split a StringSlice value like Go's csv reader: commas separate, double quotes group. */
export function splitCsv(s: string): string[] {
  if (s === "") return [];
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === "") quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Return a flag's default as a typed value. */
export function defaultValue(flag: FlagSpec): FlagValue {
  switch (flag.type) {
    case "bool":
      return flag.defValue === "true";
    case "int":
    case "int32":
    case "int64":
      return Number(flag.defValue);
    case "duration":
      return parseDuration(flag.defValue);
    case "stringArray":
    case "stringSlice":
      return [];
    default:
      return flag.defValue;
  }
}

/** Apply one textual value to a flag, given its current value; throws the pflag/strconv error text. */
export function applyValue(flag: FlagSpec, current: FlagValue, text: string, firstSet: boolean): FlagValue {
  switch (flag.type) {
    case "bool":
      return parseBool(text);
    case "int":
    case "int64":
      return parseInt0(text, 64);
    case "int32":
      return parseInt0(text, 32);
    case "duration":
      return parseDuration(text);
    case "stringArray":
      return firstSet ? [text] : [...(current as string[]), text];
    case "stringSlice":
      return firstSet ? splitCsv(text) : [...(current as string[]), ...splitCsv(text)];
    default:
      return text;
  }
}
