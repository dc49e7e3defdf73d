// `date` as coreutils and busybox print it, in UTC: the default form, +FORMAT, -u, -R, -I, -d @SECONDS
// and -r FILE (the file's modification time).
import { fail, ok, type ToolResult } from "./text-input.ts";

/** What date reads besides its arguments. */
export interface DateEnv {
  now: number;
  flavor: "gnu" | "busybox";
  /** A file's modification time (ms since epoch), or the errno text when it cannot be stat'ed. */
  mtime(path: string): number | { error: string };
}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const pad = (n: number, w = 2, c = "0") => String(n).padStart(w, c);

/** Expand strftime conversions (the C locale's) for a UTC time. */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const day0 = Date.UTC(d.getUTCFullYear(), 0, 1);
  const conv: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()].slice(0, 3),
    A: () => DAYS[d.getUTCDay()],
    b: () => MONTHS[d.getUTCMonth()].slice(0, 3),
    h: () => MONTHS[d.getUTCMonth()].slice(0, 3),
    B: () => MONTHS[d.getUTCMonth()],
    c: () => strftime("%a %b %e %H:%M:%S %Y", ms),
    C: () => pad(Math.floor(d.getUTCFullYear() / 100)),
    d: () => pad(d.getUTCDate()),
    D: () => strftime("%m/%d/%y", ms),
    e: () => pad(d.getUTCDate(), 2, " "),
    F: () => strftime("%Y-%m-%d", ms),
    H: () => pad(h),
    I: () => pad(h % 12 || 12),
    j: () => pad(Math.floor((ms - day0) / 86_400_000) + 1, 3),
    k: () => pad(h, 2, " "),
    l: () => pad(h % 12 || 12, 2, " "),
    m: () => pad(d.getUTCMonth() + 1),
    M: () => pad(d.getUTCMinutes()),
    n: () => "\n",
    N: () => pad(d.getUTCMilliseconds() * 1_000_000, 9),
    p: () => (h < 12 ? "AM" : "PM"),
    R: () => strftime("%H:%M", ms),
    s: () => String(Math.floor(ms / 1000)),
    S: () => pad(d.getUTCSeconds()),
    t: () => "\t",
    T: () => strftime("%H:%M:%S", ms),
    u: () => String(d.getUTCDay() || 7),
    w: () => String(d.getUTCDay()),
    y: () => pad(d.getUTCFullYear() % 100),
    Y: () => String(d.getUTCFullYear()),
    z: () => "+0000",
    Z: () => "UTC",
    "%": () => "%",
  };
  return format.replace(/%(.)/g, (all, c: string) => conv[c]?.() ?? all);
}

/** Run `date [-u] [-R] [-I] [-d @N] [-r FILE] [+FORMAT]`. */
export function runDate(args: readonly string[], env: DateEnv): ToolResult {
  let at = env.now;
  let format = "%a %b %e %H:%M:%S %Z %Y";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("+")) format = a.slice(1);
    else if (a === "-u" || a === "--utc" || a === "--universal") continue;
    else if (a === "-R" || a === "--rfc-email") format = "%a, %d %b %Y %H:%M:%S %z";
    else if (a === "-I" || a === "--iso-8601") format = "%Y-%m-%d";
    else if (a === "-Iseconds" || a === "--iso-8601=seconds") format = "%Y-%m-%dT%H:%M:%S+00:00";
    else if (a === "-r" || a.startsWith("--reference=")) {
      const path = a === "-r" ? args[++i] : a.slice(12);
      if (path === undefined) return missingArg(env, "r");
      const m = env.mtime(path);
      if (typeof m !== "number")
        return fail(
          env.flavor === "busybox"
            ? `date: can't stat '${path}': ${m.error}\n`
            : `date: ${path}: ${m.error}\n`,
        );
      at = m;
    } else if (a === "-d" || a.startsWith("--date=")) {
      const v = a === "-d" ? args[++i] : a.slice(7);
      if (v === undefined) return missingArg(env, "d");
      const m = /^@(-?\d+)$/.exec(v.trim());
      if (!m) return fail(`date: invalid date '${v}'\n`);
      at = Number(m[1]) * 1000;
    } else if (a.startsWith("-"))
      return fail(
        `date: invalid option -- '${a.slice(1, 2)}'\n${env.flavor === "gnu" ? "Try 'date --help' for more information.\n" : ""}`,
      );
    else return fail(`date: invalid date '${a}'\n`);
  }
  return ok(`${strftime(format, at)}\n`);
}

function missingArg(env: DateEnv, opt: string): ToolResult {
  const hint = env.flavor === "gnu" ? "Try 'date --help' for more information.\n" : "";
  return fail(`date: option requires an argument -- '${opt}'\n${hint}`);
}
