// Time rendering shared by the describers: human ages and RFC 1123 timestamps.

/** Render elapsed milliseconds as kubectl's human duration (FIDELITY §1.4). */
export function humanDuration(ms: number): string {
  const s = Math.trunc(ms / 1000);
  if (s < -1) return "<invalid>";
  if (s < 0) return "0s";
  if (s < 120) return `${s}s`;
  const m = Math.trunc(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.trunc(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.trunc(h / 24);
  if (d < 8) return h % 24 === 0 ? `${d}d` : `${d}d${h % 24}h`;
  if (d < 730) return `${d}d`;
  const y = Math.trunc(d / 365);
  if (y < 8) return d % 365 === 0 ? `${y}y` : `${y}y${d % 365}d`;
  return `${y}y`;
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
