// The arithmetic of rolling updates: surge and unavailability budgets, as the deployment controller computes them.

/** Resolve an int-or-percent against a total; percentages round up for surge, down for unavailable. */
export function resolveIntOrPercent(
  v: number | string | undefined,
  total: number,
  roundUp: boolean,
  dflt: string,
): number {
  const val = v ?? dflt;
  if (typeof val === "number") return val;
  const m = /^(\d+)%$/.exec(val);
  if (!m) return Number(val) || 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** maxSurge and maxUnavailable for a deployment; both zero would stall, so unavailable becomes 1. */
export function surgeAndUnavailable(
  replicas: number,
  surge: number | string | undefined,
  unavail: number | string | undefined,
): { maxSurge: number; maxUnavailable: number } {
  const maxSurge = resolveIntOrPercent(surge, replicas, true, "25%");
  let maxUnavailable = resolveIntOrPercent(unavail, replicas, false, "25%");
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable: Math.min(maxUnavailable, replicas) };
}
