// `df` as GNU coreutils 8.32 prints it: 1K blocks or -h/-H, -T, -i, --total and path arguments, over the
// machine's mount table (mounts.ts).
import type { Mount } from "./mounts.ts";
import type { CommandOutput } from "./ps.ts";

interface DfOptions {
  human: 0 | 1000 | 1024;
  types: boolean;
  inodes: boolean;
  total: boolean;
  paths: string[];
}

const SHORT: Record<string, (o: DfOptions) => void> = {
  h: (o) => {
    o.human = 1024;
  },
  H: (o) => {
    o.human = 1000;
  },
  T: (o) => {
    o.types = true;
  },
  i: (o) => {
    o.inodes = true;
  },
  k: (o) => {
    o.human = 0;
  },
  a: () => {},
  l: () => {},
};
const LONG: Record<string, string> = {
  "human-readable": "h",
  si: "H",
  "print-type": "T",
  inodes: "i",
  all: "a",
  local: "l",
};

const tryHelp = (what: string): CommandOutput => ({
  stdout: "",
  stderr: `df: ${what}\nTry 'df --help' for more information.\n`,
  exitCode: 1,
});

function parse(args: readonly string[]): DfOptions | CommandOutput {
  const o: DfOptions = { human: 0, types: false, inodes: false, total: false, paths: [] };
  let onlyPaths = false;
  for (const a of args) {
    if (onlyPaths || a === "-" || !a.startsWith("-")) o.paths.push(a);
    else if (a === "--") onlyPaths = true;
    else if (a === "--total") o.total = true;
    else if (a.startsWith("--")) {
      const short = LONG[a.slice(2)];
      if (!short) return tryHelp(`unrecognized option '${a}'`);
      SHORT[short](o);
    } else
      for (const f of a.slice(1)) {
        const set = SHORT[f];
        if (!set) return tryHelp(`invalid option -- '${f}'`);
        set(o);
      }
  }
  return o;
}

/** Format a byte count as coreutils' -h/-H does: rounded up, one decimal below 10, no suffix below a unit. */
export function dfHuman(bytes: number, base: 1000 | 1024): string {
  const units = base === 1024 ? "KMGTPEZY" : "kMGTPEZY";
  if (bytes < base) return String(bytes);
  let e = 0;
  let div = 1;
  while (bytes / div >= base && e < units.length) {
    div *= base;
    e++;
  }
  const tenths = Math.ceil((bytes * 10) / div);
  if (tenths < 100) return `${Math.floor(tenths / 10)}.${tenths % 10}${units[e - 1]}`;
  const whole = Math.ceil(bytes / div);
  if (whole >= base && e < units.length) return `1.0${units[e]}`;
  return `${whole}${units[e - 1]}`;
}

// Use% is used over what non-root users could have (used + avail), rounded up; `-` when both are zero.
function percent(used: number, avail: number): string {
  const whole = used + avail;
  return whole === 0 ? "-" : `${Math.ceil((used * 100) / whole)}%`;
}

function row(mt: Mount, o: DfOptions): string[] {
  const num = (kb: number) => (o.human ? dfHuman(kb * 1024, o.human) : String(kb));
  const count = (n: number) => (o.human ? dfHuman(n, o.human) : String(n));
  const cells = o.inodes
    ? [
        count(mt.inodes),
        count(mt.inodesUsed),
        count(mt.inodes - mt.inodesUsed),
        percent(mt.inodesUsed, mt.inodes - mt.inodesUsed),
      ]
    : [num(mt.sizeKb), num(mt.usedKb), num(mt.availKb), percent(mt.usedKb, mt.availKb)];
  return [mt.source, ...(o.types ? [mt.fstype] : []), ...cells, mt.target];
}

function header(o: DfOptions): string[] {
  const blocks = o.inodes
    ? ["Inodes", "IUsed", "IFree", "IUse%"]
    : o.human
      ? ["Size", "Used", "Avail", "Use%"]
      : ["1K-blocks", "Used", "Available", "Use%"];
  return ["Filesystem", ...(o.types ? ["Type"] : []), ...blocks, "Mounted on"];
}

/** Lay the table out as df does: minimum widths, text left, figures right, one space between columns. */
function layout(rows: string[][], o: DfOptions): string {
  const mins = [14, ...(o.types ? [4] : []), 5, 5, 5, o.inodes ? 5 : 4, 0];
  const left = new Set([0, o.types ? 1 : -1, mins.length - 1]);
  const widths = mins.map((min, i) => Math.max(min, ...rows.map((r) => r[i].length)));
  return rows
    .map(
      (r) =>
        `${r
          .map((cell, i) =>
            i === r.length - 1 ? cell : left.has(i) ? cell.padEnd(widths[i]) : cell.padStart(widths[i]),
          )
          .join(" ")}\n`,
    )
    .join("");
}

/** Run `df` over a mount table; `exists` says whether a path argument names something on the node. */
export function runDf(
  args: readonly string[],
  mounts: readonly Mount[],
  resolve: (path: string) => string | null,
): CommandOutput {
  const o = parse(args);
  if ("exitCode" in o) return o;
  let stderr = "";
  let selected: Mount[] = [...mounts];
  if (o.paths.length > 0) {
    selected = [];
    for (const p of o.paths) {
      const full = resolve(p);
      if (full === null) {
        stderr += `df: ${p}: No such file or directory\n`;
        continue;
      }
      // The file system holding a path is the last-mounted one whose mount point is its longest prefix.
      let best: Mount | undefined;
      for (const mt of mounts) {
        const inside = full === mt.target || full.startsWith(mt.target === "/" ? "/" : `${mt.target}/`);
        if (inside && (!best || mt.target.length >= best.target.length)) best = mt;
      }
      if (best) selected.push(best);
    }
  }
  const exitCode = stderr ? 1 : 0;
  if (selected.length === 0) return { stdout: "", stderr, exitCode };
  const rows = [header(o), ...selected.map((mt) => row(mt, o))];
  if (o.total) {
    const sum = (f: (mt: Mount) => number) => selected.reduce((n, mt) => n + f(mt), 0);
    const total: Mount = {
      source: "total",
      fstype: "-",
      target: "-",
      sizeKb: sum((mt) => mt.sizeKb),
      usedKb: sum((mt) => mt.usedKb),
      availKb: sum((mt) => mt.availKb),
      inodes: sum((mt) => mt.inodes),
      inodesUsed: sum((mt) => mt.inodesUsed),
    };
    rows.push(row(total, o));
  }
  return { stdout: layout(rows, o), stderr, exitCode };
}
