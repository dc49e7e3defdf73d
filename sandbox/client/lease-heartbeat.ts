// Writing Lease objects, shared by every lease holder: the heartbeat leases component-helpers' lease
// controller keeps (the kubelet's node lease, kube-apiserver's identity lease) and the leader-election locks.
import type { Lease } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { microTime } from "../util/time.ts";

/** Write a new spec over a lease read from the store, as a fresh object (a stored one is never changed). */
export function writeLeaseSpec(api: ApiServer, cur: Lease, spec: Lease["spec"]): void {
  api.update<Lease>("leases", { ...cur, metadata: { ...cur.metadata }, spec }, { handOff: true });
}

/**
 * Renew lease `namespace/name` now (renewTime only), or create it as `fresh(renewTime)` when it is missing,
 * as the lease controller does on each heartbeat.
 */
export function heartbeatLease(
  api: ApiServer,
  namespace: string,
  name: string,
  fresh: (renewTime: string) => Lease,
): void {
  const now = microTime(api.loop.now());
  const cur = api.tryGet<Lease>("leases", namespace, name);
  if (!cur) api.create<Lease>("leases", fresh(now));
  else writeLeaseSpec(api, cur, { ...cur.spec, renewTime: now });
}
