// The ps output columns the model knows, with procps-ng 3.3.17 headers, widths and alignment.
import type { NsType } from "./namespaces.ts";
import { cpuMs, type Process } from "./processes.ts";

/** What a column needs to render one process. */
export interface PsRenderContext {
  now: number;
  memTotalKb: number;
}

/** One ps output column. */
export interface PsColumn {
  header: string;
  width: number;
  align: "L" | "R";
  value: (p: Process, ctx: PsRenderContext) => string;
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Format a start time as procps does: `HH:MM` today, `MonDD` this year, else the year (UTC). */
export function formatStime(startMs: number, now: number): string {
  const s = new Date(startMs);
  const n = new Date(now);
  if (s.getUTCFullYear() !== n.getUTCFullYear()) return String(s.getUTCFullYear());
  if (s.getUTCMonth() !== n.getUTCMonth() || s.getUTCDate() !== n.getUTCDate()) {
    return `${MONTHS[s.getUTCMonth()]}${pad2(s.getUTCDate())}`;
  }
  return `${pad2(s.getUTCHours())}:${pad2(s.getUTCMinutes())}`;
}

/** Format cumulative CPU time as `[DD-]HH:MM:SS` (ps -f TIME). */
export function formatCpuTime(ms: number): string {
  const total = Math.floor(ms / 1000);
  const days = Math.floor(total / 86400);
  const hms = `${pad2(Math.floor((total % 86400) / 3600))}:${pad2(Math.floor((total % 3600) / 60))}:${pad2(total % 60)}`;
  return days > 0 ? `${pad2(days)}-${hms}` : hms;
}

/** Format cumulative CPU time as `M:SS` (ps aux TIME). */
export function formatCpuTimeShort(ms: number): string {
  const total = Math.floor(ms / 1000);
  return `${Math.floor(total / 60)}:${pad2(total % 60)}`;
}

/** Format elapsed time as `[[DD-]hh:]mm:ss` (ps ETIME). */
export function formatEtime(ms: number): string {
  const t = Math.floor(Math.max(0, ms) / 1000);
  const d = Math.floor(t / 86400);
  const h = Math.floor((t % 86400) / 3600);
  const ms2 = `${pad2(Math.floor((t % 3600) / 60))}:${pad2(t % 60)}`;
  if (d > 0) return `${pad2(d)}-${pad2(h)}:${ms2}`;
  if (h > 0) return `${pad2(h)}:${ms2}`;
  return ms2;
}

/** Print a user as ps does: names longer than 8 are cut to 7 plus `+`; unknown uids are numeric. */
export function psUser(p: Process): string {
  if (p.user === null) return String(p.uid);
  return p.user.length > 8 ? `${p.user.slice(0, 7)}+` : p.user;
}

/** Render the full command line, or `[comm]` for a kernel thread. */
export function psArgs(p: Process): string {
  return p.kernel ? `[${p.comm}]` : p.argv.join(" ");
}

const percentCpu = (p: Process, now: number) => {
  const elapsed = now - p.startMs;
  return elapsed <= 0 ? 0 : (cpuMs(p, now) * 100) / elapsed;
};
const oneDecimal = (x: number) => (Math.floor(x * 10) / 10).toFixed(1);
const nsColumn = (type: NsType, header: string): PsColumn => ({
  header,
  width: 10,
  align: "R",
  value: (p) => String(p.ns[type]),
});

/** The columns `ps -o` understands, by format specifier. */
export const PS_COLUMNS: Record<string, PsColumn> = {
  pid: { header: "PID", width: 7, align: "R", value: (p) => String(p.pid) },
  ppid: { header: "PPID", width: 7, align: "R", value: (p) => String(p.ppid) },
  uid: { header: "UID", width: 5, align: "R", value: (p) => String(p.uid) },
  user: { header: "USER", width: 8, align: "L", value: psUser },
  uname: { header: "USER", width: 8, align: "L", value: psUser },
  c: {
    header: "C",
    width: 2,
    align: "R",
    value: (p, ctx) => String(Math.min(99, Math.floor(percentCpu(p, ctx.now)))),
  },
  stime: { header: "STIME", width: 5, align: "L", value: (p, ctx) => formatStime(p.startMs, ctx.now) },
  start: { header: "START", width: 5, align: "R", value: (p, ctx) => formatStime(p.startMs, ctx.now) },
  tty: { header: "TT", width: 8, align: "L", value: () => "?" },
  tt: { header: "TTY", width: 8, align: "L", value: () => "?" },
  tname: { header: "TTY", width: 8, align: "L", value: () => "?" },
  time: { header: "TIME", width: 8, align: "R", value: (p, ctx) => formatCpuTime(cpuMs(p, ctx.now)) },
  bsdtime: { header: "TIME", width: 6, align: "R", value: (p, ctx) => formatCpuTimeShort(cpuMs(p, ctx.now)) },
  etime: { header: "ELAPSED", width: 11, align: "R", value: (p, ctx) => formatEtime(ctx.now - p.startMs) },
  pcpu: { header: "%CPU", width: 4, align: "R", value: (p, ctx) => oneDecimal(percentCpu(p, ctx.now)) },
  pmem: {
    header: "%MEM",
    width: 4,
    align: "R",
    value: (p, ctx) => oneDecimal((p.rssKb * 100) / ctx.memTotalKb),
  },
  vsz: { header: "VSZ", width: 6, align: "R", value: (p) => String(p.vszKb) },
  rss: { header: "RSS", width: 5, align: "R", value: (p) => String(p.rssKb) },
  stat: { header: "STAT", width: 4, align: "L", value: (p) => p.stat },
  nlwp: { header: "NLWP", width: 4, align: "R", value: (p) => String(p.threads) },
  comm: { header: "COMMAND", width: 15, align: "L", value: (p) => p.comm },
  cmd: { header: "CMD", width: 27, align: "L", value: psArgs },
  args: { header: "COMMAND", width: 27, align: "L", value: psArgs },
  command: { header: "COMMAND", width: 27, align: "L", value: psArgs },
  ipcns: nsColumn("ipc", "IPCNS"),
  mntns: nsColumn("mnt", "MNTNS"),
  netns: nsColumn("net", "NETNS"),
  pidns: nsColumn("pid", "PIDNS"),
  userns: nsColumn("user", "USERNS"),
  utsns: nsColumn("uts", "UTSNS"),
};

/** Lay out rows as procps does: fixed widths, and a too-wide cell borrows from the padding after it. */
export function layoutPsRows(cols: readonly PsColumn[], rows: readonly string[][]): string {
  const out: string[] = [];
  for (const row of rows) {
    let debt = 0;
    const cells: string[] = [];
    row.forEach((text, i) => {
      const col = cols[i];
      const last = i === row.length - 1;
      if (last && col.align === "L") {
        cells.push(text);
        return;
      }
      let slack = col.width - text.length;
      if (slack < 0) {
        debt -= slack;
        slack = 0;
      } else {
        const absorbed = Math.min(slack, debt);
        slack -= absorbed;
        debt -= absorbed;
      }
      const padding = " ".repeat(slack);
      cells.push(col.align === "R" ? padding + text : last ? text : text + padding);
    });
    out.push(cells.join(" "));
  }
  return out.map((l) => `${l}\n`).join("");
}
