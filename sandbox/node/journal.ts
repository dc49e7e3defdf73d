// The systemd journal of one node and `journalctl -u UNIT [-n N] [--no-pager]`.
import type { CommandOutput } from "./ps.ts";

/** One journal entry. */
export interface JournalEntry {
  time: number;
  /** SYSLOG_IDENTIFIER, e.g. `kubelet` or `systemd`. */
  ident: string;
  pid: number;
  unit: string;
  message: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
// A busy node would fill the journal; the model keeps the newest entries only.
const MAX_ENTRIES = 20000;

/** Keep journal entries and print them in journalctl's short format. */
export class Journal {
  private readonly entries: JournalEntry[] = [];
  private readonly hostname: string;

  constructor(hostname: string) {
    if (!hostname) throw new Error("Journal: hostname is required");
    this.hostname = hostname;
  }

  /** Append an entry; the unit defaults to `<ident>.service`. */
  append(entry: Omit<JournalEntry, "unit"> & { unit?: string }): void {
    this.entries.push({ ...entry, unit: entry.unit ?? `${entry.ident}.service` });
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  /** Return a unit's entries, oldest first. */
  forUnit(unit: string): JournalEntry[] {
    return this.entries.filter((e) => e.unit === unit);
  }

  /** Format one entry: `Jan 02 03:04:05 node01 kubelet[1234]: message`. */
  format(e: JournalEntry): string {
    const d = new Date(e.time);
    const p = (n: number) => String(n).padStart(2, "0");
    return `${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${this.hostname} ${e.ident}[${e.pid}]: ${e.message}`;
  }

  /** Run `journalctl` with -u, -n and --no-pager. */
  run(args: readonly string[]): CommandOutput {
    let unit: string | null = null;
    let lines: number | null = null;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === "-u" || a === "--unit") unit = args[++i] ?? null;
      else if (a.startsWith("--unit=")) unit = a.slice(7);
      else if (a === "-n" || a === "--lines") lines = Number(args[++i]);
      else if (a.startsWith("-n") && a.length > 2) lines = Number(a.slice(2));
      else if (a.startsWith("--lines=")) lines = Number(a.slice(8));
      else if (a === "--no-pager" || a === "-f" || a === "--follow" || a === "-l" || a === "--full") continue;
      else return { stdout: "", stderr: `journalctl: unrecognized option '${a}'\n`, exitCode: 1 };
    }
    if (lines !== null && !Number.isInteger(lines))
      return { stdout: "", stderr: "Failed to parse lines\n", exitCode: 1 };
    const name = unit && !unit.includes(".") ? `${unit}.service` : unit;
    let list = name ? this.forUnit(name) : [...this.entries];
    if (lines !== null) list = list.slice(Math.max(0, list.length - lines));
    if (list.length === 0) return { stdout: "-- No entries --\n", stderr: "", exitCode: 0 };
    return { stdout: list.map((e) => `${this.format(e)}\n`).join(""), stderr: "", exitCode: 0 };
  }
}
