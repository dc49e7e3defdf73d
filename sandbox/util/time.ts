/** Format ms since the epoch as the API server's RFC 3339 timestamp with second precision. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** Parse an RFC 3339 timestamp to ms since the epoch. */
export function parseTime(s: string): number {
  return Date.parse(s);
}
