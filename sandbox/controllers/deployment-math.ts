// The arithmetic of rolling updates: surge and unavailability budgets, as the deployment controller computes them.

import type { Deployment, ReplicaSet } from "../api/types.ts";

type Budgets = { maxSurge: number; maxUnavailable: number };

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

const budgetsOf = new WeakMap<Deployment["spec"], Budgets>();

/** maxSurge and maxUnavailable of a deployment's spec (computed once per spec object). */
export function budgets(d: Deployment): Budgets {
  let b = budgetsOf.get(d.spec);
  if (!b) {
    b = surgeAndUnavailable(
      d.spec.replicas ?? 1,
      d.spec.strategy?.rollingUpdate?.maxSurge,
      d.spec.strategy?.rollingUpdate?.maxUnavailable,
    );
    budgetsOf.set(d.spec, b);
  }
  return b;
}

/** Size a rolling update's new ReplicaSet at creation: what the surge budget leaves (NewRSNewReplicas). */
export function replicasOnCreate(d: Deployment, olds: readonly ReplicaSet[], replicas: number): number {
  if (olds.length === 0) return replicas;
  const current = olds.reduce((a, o) => a + (o.spec.replicas ?? 0), 0);
  const room = replicas + budgets(d).maxSurge - current;
  return room > 0 ? Math.min(room, replicas) : 0;
}
