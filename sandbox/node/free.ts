// `free` as procps-ng 3.3.17 prints it: -b -k -m -g (and --kilo/--mega... in powers of 1000), -h, --si,
// -w, -t; figures from the same MemInfo /proc/meminfo shows. Swap is always 0: kubeadm wants it off.
import type { CommandOutput } from "./ps.ts";
import type { MemInfo } from "./sysinfo.ts";

/** free's usage text, which it prints to stderr (exit 1) after any bad option. */
export const FREE_USAGE = `
Usage:
 free [options]

Options:
 -b, --bytes         show output in bytes
     --kilo          show output in kilobytes
     --mega          show output in megabytes
     --giga          show output in gigabytes
     --tera          show output in terabytes
     --peta          show output in petabytes
 -k, --kibi          show output in kibibytes
 -m, --mebi          show output in mebibytes
 -g, --gibi          show output in gibibytes
     --tebi          show output in tebibytes
     --pebi          show output in pebibytes
 -h, --human         show human-readable output
     --si            use powers of 1000 not 1024
 -l, --lohi          show detailed low and high memory statistics
 -t, --total         show total for RAM + swap
 -s N, --seconds N   repeat printing every N seconds
 -c N, --count N     repeat printing N times, then exit
 -w, --wide          wide output

     --help     display this help and exit
 -V, --version  output version information and exit

For more details see free(1).
`;

interface FreeOptions {
  /** 0 = KiB default, 1 = bytes, 2 = kilo, 3 = mega ... */
  exponent: number;
  si: boolean;
  human: boolean;
  wide: boolean;
  total: boolean;
  lohi: boolean;
  /** -c N: print N reports (virtual time does not pass between them). */
  count: number;
}

const LONG: Record<string, { exponent?: number; si?: boolean; flag?: keyof FreeOptions }> = {
  bytes: { exponent: 1 },
  kilo: { exponent: 2, si: true },
  mega: { exponent: 3, si: true },
  giga: { exponent: 4, si: true },
  tera: { exponent: 5, si: true },
  peta: { exponent: 6, si: true },
  kibi: { exponent: 2 },
  mebi: { exponent: 3 },
  gibi: { exponent: 4 },
  tebi: { exponent: 5 },
  pebi: { exponent: 6 },
  human: { flag: "human" },
  si: { flag: "si" },
  lohi: { flag: "lohi" },
  total: { flag: "total" },
  wide: { flag: "wide" },
};
const SHORT: Record<string, string> = {
  b: "bytes",
  k: "kibi",
  m: "mebi",
  g: "gibi",
  h: "human",
  l: "lohi",
  t: "total",
  w: "wide",
};

const fail = (stderr: string): CommandOutput => ({ stdout: "", stderr, exitCode: 1 });

const VERSION = { stdout: "free from procps-ng 3.3.17\n", stderr: "", exitCode: 0 };

// -c N and -s N: the count is checked as procps checks it; the interval only needs to be positive.
function repeat(o: FreeOptions, opt: "c" | "s", value: string): CommandOutput | null {
  if (opt === "s")
    return Number(value) > 0 ? null : fail(`free: seconds argument \`${value}' is not positive number\n`);
  if (!/^[-+]?\d+$/.test(value.trim())) return fail(`free: failed to parse count argument: '${value}'\n`);
  const n = Number(value);
  if (n < 1) return fail(`free: failed to parse count argument: '${value}': Numerical result out of range\n`);
  o.count = n;
  return null;
}

function parse(args: readonly string[]): FreeOptions | CommandOutput {
  const o: FreeOptions = {
    exponent: 0,
    si: false,
    human: false,
    wide: false,
    total: false,
    lohi: false,
    count: 1,
  };
  let unitSet = false;
  const apply = (name: string): CommandOutput | null => {
    const spec = LONG[name];
    if (spec.exponent !== undefined) {
      if (unitSet) return fail("free: Multiple unit options don't make sense.\n");
      unitSet = true;
      o.exponent = spec.exponent;
      if (spec.si) o.si = true;
    } else if (spec.flag) (o[spec.flag] as boolean) = true;
    return null;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    let err: CommandOutput | null = null;
    if (a === "--help") return { stdout: FREE_USAGE.slice(1), stderr: "", exitCode: 0 };
    if (a === "--version") return VERSION;
    if (a.startsWith("--")) {
      const [name, inline] = a.includes("=")
        ? [a.slice(2, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a.slice(2), undefined];
      if (name === "count" || name === "seconds") {
        const value = inline ?? args[++i];
        if (value === undefined) return fail(`free: option '--${name}' requires an argument\n${FREE_USAGE}`);
        err = repeat(o, name === "count" ? "c" : "s", value);
      } else if (!LONG[name] || inline !== undefined)
        return fail(`free: unrecognized option '${a}'\n${FREE_USAGE}`);
      else err = apply(name);
    } else if (a.startsWith("-") && a.length > 1) {
      for (let k = 1; k < a.length && !err; k++) {
        const f = a[k];
        if (f === "V") return VERSION;
        if (f === "c" || f === "s") {
          const value = k + 1 < a.length ? a.slice(k + 1) : args[++i];
          if (value === undefined) return fail(`free: option requires an argument -- '${f}'\n${FREE_USAGE}`);
          err = repeat(o, f, value);
          break;
        }
        const name = SHORT[f];
        if (!name) return fail(`free: invalid option -- '${f}'\n${FREE_USAGE}`);
        err = apply(name);
      }
    } else return fail(FREE_USAGE);
    if (err) return err;
  }
  return o;
}

/** Scale a KiB figure as free's scale_size does: plain units, or -h's 3-to-4 character human form. */
export function freeScale(kb: number, o: Pick<FreeOptions, "exponent" | "si" | "human">): string {
  const base = o.si ? 1000 : 1024;
  const bytes = kb * 1024;
  if (!o.human) {
    if (o.exponent === 0) return String(Math.floor(bytes / base));
    if (o.exponent === 1) return String(bytes);
    return String(Math.floor(bytes / base ** (o.exponent - 1)));
  }
  if (`${bytes}B`.length <= 4) return `${bytes}B`;
  const units = "KMGTP";
  const suffix = o.si ? "" : "i";
  const limit = o.si ? 4 : 5;
  let text = "";
  for (let i = 1; i <= units.length; i++) {
    const v = bytes / base ** i;
    text = `${v.toFixed(1)}${units[i - 1]}${suffix}`;
    if (text.length <= limit) return text;
    text = `${Math.floor(v)}${units[i - 1]}${suffix}`;
    if (text.length <= limit) return text;
  }
  return text;
}

/** Run `free` against the node's memory figures. */
export function runFree(args: readonly string[], mi: MemInfo): CommandOutput {
  const o = parse(args);
  if ("exitCode" in o) return o;
  const f = (kb: number) => freeScale(kb, o).padStart(11);
  const row = (label: string, cells: number[]) => `${label.padEnd(9)}${cells.map(f).join(" ")}\n`;
  const cache = mi.cachedKb + mi.sReclaimableKb;
  const used = mi.totalKb - mi.freeKb - mi.buffersKb - cache;
  const header = o.wide
    ? "               total        used        free      shared     buffers       cache   available\n"
    : "               total        used        free      shared  buff/cache   available\n";
  let out =
    header +
    row("Mem:", [
      mi.totalKb,
      used,
      mi.freeKb,
      mi.shmemKb,
      ...(o.wide ? [mi.buffersKb, cache] : [mi.buffersKb + cache]),
      mi.availableKb,
    ]);
  if (o.lohi) {
    // A 64-bit kernel has no high memory: all of it is low.
    out += row("Low:", [mi.totalKb, mi.totalKb - mi.freeKb, mi.freeKb]);
    out += row("High:", [0, 0, 0]);
  }
  out += row("Swap:", [0, 0, 0]);
  if (o.total) out += row("Total:", [mi.totalKb, used, mi.freeKb]);
  // -s without -c repeats until interrupted; the model prints one report for it.
  return { stdout: Array(Math.min(o.count, 100)).fill(out).join("\n"), stderr: "", exitCode: 0 };
}
