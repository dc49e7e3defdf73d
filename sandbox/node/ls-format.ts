// GNU coreutils `ls` layout: long lines, mode strings, dates, and the multi-column view of a terminal.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const SIX_MONTHS_MS = (365.2425 / 2) * 86400000;

/** One row of `ls -l` before layout. */
export interface LsLongEntry {
  type: "-" | "d" | "l";
  mode: number;
  links: number;
  owner: string;
  group: string;
  size: number;
  mtimeMs: number;
  name: string;
  target?: string;
  /** Disk usage in KiB when it is not the size rounded up to 4 KiB blocks (0 for tmpfs directories). */
  blocksKb?: number;
}

/** Render permission bits as `rwxr-xr-x`, with setuid, setgid and sticky as `s`/`S` and `t`/`T`. */
export function modeString(mode: number): string {
  const bits = "rwxrwxrwx";
  const chars: string[] = [];
  for (let i = 0; i < 9; i++) chars.push(mode & (1 << (8 - i)) ? bits[i] : "-");
  const special: Array<[number, number, string]> = [
    [0o4000, 2, "s"],
    [0o2000, 5, "s"],
    [0o1000, 8, "t"],
  ];
  for (const [bit, at, ch] of special) if (mode & bit) chars[at] = chars[at] === "-" ? ch.toUpperCase() : ch;
  return chars.join("");
}

/** Format an mtime as ls does: `Jan  2 03:04` within six months, else `Jan  2  2024` (UTC). */
export function lsDate(mtimeMs: number, now: number): string {
  const d = new Date(mtimeMs);
  const head = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`;
  if (now - mtimeMs > SIX_MONTHS_MS || mtimeMs - now > 3600000) return `${head}  ${d.getUTCFullYear()}`;
  return `${head} ${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
}

/** Quote a name the way ls does on a terminal when it holds shell-special characters. */
export function lsQuote(name: string): string {
  return /[^A-Za-z0-9_./@%+=:,-]/.test(name) ? `'${name}'` : name;
}

/** Lay out `ls -l` rows: GNU aligns columns to the widest value, busybox uses fixed widths. */
export function formatLong(
  entries: readonly LsLongEntry[],
  now: number,
  flavor: "gnu" | "busybox" = "gnu",
): string {
  if (flavor === "busybox")
    return entries
      .map((e) => {
        const name = e.name + (e.target !== undefined ? ` -> ${e.target}` : "");
        const who = `${e.owner.slice(0, 8).padEnd(8)} ${e.group.slice(0, 8).padEnd(8)}`;
        return `${`${e.type}${modeString(e.mode)}`.padEnd(10)} ${String(e.links).padStart(4)} ${who} ${String(e.size).padStart(9)} ${lsDate(e.mtimeMs, now)} ${name}\n`;
      })
      .join("");
  const w = (f: (e: LsLongEntry) => string) => Math.max(0, ...entries.map((e) => f(e).length));
  const links = w((e) => String(e.links));
  const owner = w((e) => e.owner);
  const group = w((e) => e.group);
  const size = w((e) => String(e.size));
  return entries
    .map((e) => {
      const name = lsQuote(e.name) + (e.target !== undefined ? ` -> ${lsQuote(e.target)}` : "");
      return `${e.type}${modeString(e.mode)} ${String(e.links).padStart(links)} ${e.owner.padEnd(owner)} ${e.group.padEnd(group)} ${String(e.size).padStart(size)} ${lsDate(e.mtimeMs, now)} ${name}\n`;
    })
    .join("");
}

/** Arrange names in columns down then across, as ls does for an 80-column terminal. */
export function formatColumns(names: readonly string[], width = 80): string {
  if (names.length === 0) return "";
  const shown = names.map(lsQuote);
  for (let cols = shown.length; cols >= 1; cols--) {
    const rows = Math.ceil(shown.length / cols);
    const usedCols = Math.ceil(shown.length / rows);
    const colWidths: number[] = [];
    for (let c = 0; c < usedCols; c++) {
      const slice = shown.slice(c * rows, (c + 1) * rows);
      colWidths.push(Math.max(...slice.map((s) => s.length)) + (c < usedCols - 1 ? 2 : 0));
    }
    if (cols > 1 && colWidths.reduce((a, b) => a + b, 0) > width) continue;
    let out = "";
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < usedCols; c++) {
        const s = shown[c * rows + r];
        if (s === undefined) continue;
        const last = c === usedCols - 1 || shown[(c + 1) * rows + r] === undefined;
        cells.push(last ? s : s.padEnd(colWidths[c]));
      }
      out += `${cells.join("")}\n`;
    }
    return out;
  }
  return "";
}
