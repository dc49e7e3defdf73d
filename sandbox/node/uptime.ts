// `uptime` as procps-ng 3.3.17 prints it: the clock, time since boot, users and load; -p and -s.
import type { CommandOutput } from "./ps.ts";
import type { LoadAverage } from "./sysinfo.ts";

const USAGE = `
Usage:
 uptime [options]

Options:
 -p, --pretty   show uptime in pretty format
 -h, --help     display this help and exit
 -s, --since    system up since
 -V, --version  output version information and exit

For more details see uptime(1).
`;

/** What uptime reads: the time, the boot time, the logged-in users and the load averages. */
export interface UptimeInputs {
  now: number;
  bootTime: number;
  users: number;
  load: LoadAverage;
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

// The node's clock runs in UTC, like the lab VMs.
function clock(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

function since(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${clock(ms)}`;
}

/** Word the time since boot as `uptime -p` does: `up 2 hours, 5 minutes`. */
export function prettyUptime(seconds: number): string {
  const s = Math.floor(seconds);
  const parts: string[] = [];
  const units: Array<[number, string, string]> = [
    [Math.floor(s / (86400 * 365 * 10)), "decade", "decades"],
    [Math.floor(s / (86400 * 365)) % 10, "year", "years"],
    [Math.floor(s / (86400 * 7)) % 52, "week", "weeks"],
    [Math.floor(s / 86400) % 7, "day", "days"],
    [Math.floor(s / 3600) % 24, "hour", "hours"],
  ];
  for (const [n, one, many] of units) if (n) parts.push(plural(n, one, many));
  const minutes = Math.floor(s / 60) % 60;
  if (minutes || parts.length === 0) parts.push(plural(minutes, "minute", "minutes"));
  return `up ${parts.join(", ")}`;
}

/** Run `uptime`. */
export function runUptime(args: readonly string[], u: UptimeInputs): CommandOutput {
  let pretty = false;
  for (const a of args) {
    const flags = a.startsWith("--") ? [a] : a.startsWith("-") && a.length > 1 ? [...a.slice(1)] : null;
    if (!flags) return { stdout: "", stderr: USAGE, exitCode: 1 };
    for (const f of flags) {
      if (f === "p" || f === "--pretty") pretty = true;
      else if (f === "s" || f === "--since")
        return { stdout: `${since(u.bootTime)}\n`, stderr: "", exitCode: 0 };
      else if (f === "h" || f === "--help") return { stdout: USAGE.slice(1), stderr: "", exitCode: 0 };
      else if (f === "V" || f === "--version")
        return { stdout: "uptime from procps-ng 3.3.17\n", stderr: "", exitCode: 0 };
      else {
        const what = f.startsWith("--") ? `unrecognized option '${f}'` : `invalid option -- '${f}'`;
        return { stdout: "", stderr: `uptime: ${what}\n${USAGE}`, exitCode: 1 };
      }
    }
  }
  const up = Math.max(0, u.now - u.bootTime) / 1000;
  if (pretty) return { stdout: `${prettyUptime(up)}\n`, stderr: "", exitCode: 0 };
  const days = Math.floor(up / 86400);
  const hours = Math.floor(up / 3600) % 24;
  const minutes = Math.floor(up / 60) % 60;
  let line = ` ${clock(u.now)} up `;
  if (days) line += `${days} day${days !== 1 ? "s" : ""}, `;
  line += hours ? `${String(hours).padStart(2)}:${pad2(minutes)}, ` : `${minutes} min, `;
  line += `${String(u.users).padStart(2)} user${u.users === 1 ? "" : "s"}, `;
  line += ` load average: ${u.load.map((x) => x.toFixed(2)).join(", ")}`;
  return { stdout: `${line}\n`, stderr: "", exitCode: 0 };
}
