// Time rendering shared by the describers: human ages (the printers' rule) and RFC 1123 timestamps.
import { humanDuration as humanSeconds } from "../printers/duration.ts";

/** Render elapsed milliseconds as kubectl's human duration (FIDELITY §1.4). */
export function humanDuration(ms: number): string {
  return humanSeconds(ms / 1000);
}

/** Render the age of an RFC 3339 timestamp, or `<unknown>` when it is unset. */
export function since(now: number, timestamp: string | null | undefined): string {
  if (!timestamp) return "<unknown>";
  return humanDuration(now - Date.parse(timestamp));
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Format a timestamp as Go's time.RFC1123Z, e.g. `Mon, 02 Jan 2006 15:04:05 +0000`. */
export function rfc1123z(timestamp: string | null | undefined): string {
  // The model renders every time in UTC; real kubectl uses the local zone of its machine.
  // Go formats the zero time for unset timestamps.
  const t = new Date(timestamp ? Date.parse(timestamp) : Date.UTC(1, 0, 1));
  if (!timestamp) t.setUTCFullYear(1);
  const p2 = (n: number) => String(n).padStart(2, "0");
  const year = String(t.getUTCFullYear()).padStart(4, "0");
  return (
    `${DAYS[t.getUTCDay()]}, ${p2(t.getUTCDate())} ${MONTHS[t.getUTCMonth()]} ${year} ` +
    `${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}:${p2(t.getUTCSeconds())} +0000`
  );
}
