// The API server formats many timestamps per virtual second; the last one is remembered.
let lastSecond = Number.NaN;
let lastText = "";

/** Format ms since the epoch as the API server's RFC 3339 timestamp with second precision. */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(second * 1000).toISOString().replace(".000Z", "Z");
  }
  return lastText;
}

/** Parse an RFC 3339 timestamp to ms since the epoch. */
export function parseTime(s: string): number {
  return Date.parse(s);
}
