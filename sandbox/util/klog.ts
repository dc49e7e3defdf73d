import { flatJoin } from "./flat-string.ts";

// Components log in bursts at one instant: the time part of the last line is reused.
let stampMs = Number.NaN;
let stamp = "";

/**
 * Format a line as klog writes it (Kubernetes components, client-go in kubectl):
 * `I0102 03:04:05.000000       1 file.go:12] message`, with I, W or E for the severity.
 */
export function klog(
  ms: number,
  pid: number,
  where: string,
  msg: string,
  severity: "I" | "W" | "E" = "I",
): string {
  if (ms !== stampMs) {
    const d = new Date(ms);
    const p = (n: number, w = 2) => String(n).padStart(w, "0");
    stamp = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}000`;
    stampMs = ms;
  }
  // Log lines are kept: flat, so no rope holds the shared time part and the other pieces alive.
  return flatJoin([severity, stamp, " ", String(pid).padStart(7), " ", where, "] ", msg]);
}
