// The API server and the kubelet format the same few instants over and over: remember recent ones.
const formatted = new Map<number, string>();

/** Format ms since the epoch as the API server's RFC 3339 timestamp with second precision. */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  let text = formatted.get(second);
  if (text === undefined) {
    text = new Date(second * 1000).toISOString().replace(".000Z", "Z");
    if (formatted.size >= 4096) formatted.clear();
    formatted.set(second, text);
  }
  return text;
}

/** Format ms since the epoch as a metav1.MicroTime: RFC 3339 with six fractional digits (lease times). */
export function microTime(ms: number): string {
  return `${rfc3339(ms).slice(0, -1)}.${String(Math.floor(ms) % 1000).padStart(3, "0")}000Z`;
}

/** Parse an RFC 3339 timestamp to ms since the epoch. */
export function parseTime(s: string): number {
  return Date.parse(s);
}
