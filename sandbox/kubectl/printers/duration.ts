// Human-readable ages, as apimachinery's duration.HumanDuration prints them (FIDELITY §1.4).

/** Format an elapsed time in seconds the way kubectl's AGE column does (`2m5s`, `47h`, `2y3d`). */
export function humanDuration(seconds: number): string {
  const s = Math.trunc(seconds);
  if (s < -1) return "<invalid>";
  if (s < 0) return "0s";
  if (s < 120) return `${s}s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 10) {
    const rest = s % 60;
    return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(s / 3600);
  if (hours < 8) {
    const rest = minutes % 60;
    return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) {
    const rest = hours % 24;
    return rest === 0 ? `${days}d` : `${days}d${rest}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (hours < 24 * 365 * 8) {
    const rest = days % 365;
    return rest === 0 ? `${years}y` : `${years}y${rest}d`;
  }
  return `${years}y`;
}

/** Parse an RFC 3339 timestamp to ms since epoch; undefined for a missing or zero time. */
export function parseTime(ts: string | null | undefined): number | undefined {
  if (!ts || ts.startsWith("0001-01-01")) return undefined;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Print the age of a timestamp at `now` (ms), or `<unknown>` for a zero time, like translateTimestampSince. */
export function translateTimestampSince(ts: string | null | undefined, now: number): string {
  const ms = parseTime(ts);
  if (ms === undefined) return "<unknown>";
  return humanDuration((now - ms) / 1000);
}
