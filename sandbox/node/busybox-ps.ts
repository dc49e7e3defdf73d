// busybox 1.37 `ps` inside a container: `PID   USER     TIME  COMMAND`, pids as the pid namespace sees them.
import { busyboxBanner } from "../images/busybox.ts";
import { cpuMs, type Process } from "./processes.ts";
import type { CommandOutput } from "./ps.ts";

/** A process as seen from inside a pid namespace. */
export interface NsProcess {
  proc: Process;
  /** The pid inside the namespace. */
  pid: number;
  /** The parent's pid inside the namespace (0 when the parent is outside it). */
  ppid: number;
}

interface BbColumn {
  header: string;
  width: number;
  right: boolean;
  value: (p: NsProcess, now: number) => string;
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const user = (p: Process) => (p.user ?? String(p.uid)).slice(0, 8);
const args = (p: Process) => (p.kernel ? `[${p.comm}]` : p.argv.join(" "));
const mmss = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${pad2(s % 60)}`;
};

const COLUMNS: Record<string, BbColumn> = {
  pid: { header: "PID", width: 5, right: true, value: (p) => String(p.pid) },
  ppid: { header: "PPID", width: 5, right: true, value: (p) => String(p.ppid) },
  user: { header: "USER", width: 8, right: false, value: (p) => user(p.proc) },
  time: { header: "TIME", width: 5, right: true, value: (p, now) => mmss(cpuMs(p.proc, now)) },
  etime: { header: "ELAPSED", width: 7, right: true, value: (p, now) => mmss(now - p.proc.startMs) },
  comm: { header: "COMMAND", width: 16, right: false, value: (p) => p.proc.comm },
  args: { header: "COMMAND", width: 0, right: false, value: (p) => args(p.proc) },
  vsz: { header: "VSZ", width: 4, right: true, value: (p) => String(p.proc.vszKb) },
  rss: { header: "RSS", width: 4, right: true, value: (p) => String(p.proc.rssKb) },
  stat: { header: "STAT", width: 4, right: false, value: (p) => p.proc.stat.slice(0, 1) },
};

const USAGE =
  "\n\nUsage: ps [-o COL1,COL2=HEADER] [-T]\n\nShow list of processes\n\n\t-o COL1,COL2=HEADER\tSelect columns for display\n\t-T\t\t\tShow threads\n";

/** Run busybox `ps` over the processes of one pid namespace. */
export function runBusyboxPs(
  argv: readonly string[],
  procs: readonly NsProcess[],
  now: number,
  banner = busyboxBanner(),
): CommandOutput {
  let format: string[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-o" || a.startsWith("-o")) {
      const v = a.length > 2 ? a.slice(2) : argv[++i];
      if (v === undefined)
        return {
          stdout: "",
          stderr: `ps: option requires an argument -- 'o'\n${banner}${USAGE}`,
          exitCode: 1,
        };
      format = [...(format ?? []), ...v.split(",").filter(Boolean)];
    } else if (a.startsWith("-")) {
      // busybox accepts and ignores the procps selection flags (-e, -f, -A, -a, -l, -d, -T, -w).
      const bad = [...a.slice(1)].find((f) => !"aAdeflTwZ".includes(f));
      if (bad)
        return { stdout: "", stderr: `ps: invalid option -- '${bad}'\n${banner}${USAGE}`, exitCode: 1 };
    }
  }
  const specs = format ?? ["pid", "user", "time", "args"];
  const cols: BbColumn[] = [];
  for (const spec of specs) {
    const [name, header] = spec.split("=");
    const col = COLUMNS[name];
    if (!col) return { stdout: "", stderr: `ps: bad -o argument '${name}'\n`, exitCode: 1 };
    cols.push(header !== undefined ? { ...col, header } : col);
  }
  const cell = (text: string, c: BbColumn, last: boolean) =>
    c.right ? text.padStart(c.width) : last ? text : text.padEnd(c.width);
  const row = (cells: string[]) => cells.map((t, i) => cell(t, cols[i], i === cells.length - 1)).join(" ");
  // busybox left-aligns every header, numeric columns included.
  const header = cols.map((c, i) => (i === cols.length - 1 ? c.header : c.header.padEnd(c.width))).join(" ");
  const lines = [header, ...procs.map((p) => row(cols.map((c) => c.value(p, now))))];
  return { stdout: lines.map((l) => `${l}\n`).join(""), stderr: "", exitCode: 0 };
}
