// What a DELETE does to a stored object, as the generic registry decides it: a pod on a node waits for
// its kubelet (a grace period), finalizers hold an object until they are removed, a namespace turns
// Terminating; anything else goes at once. Also when a later update of a marked object removes it.
import type { ResourceType } from "../api/resources.ts";
import type { KubeObject } from "../api/types.ts";
import { clone } from "../util/clone.ts";
import { rfc3339 } from "../util/time.ts";
import type { DeleteOptions } from "./server-options.ts";

/** Leave the object as it is, store it marked for deletion, or remove it now. */
export type DeletePlan = { kind: "unchanged" } | { kind: "mark"; obj: KubeObject } | { kind: "remove" };

/** The grace period a delete gives: only bound, unfinished pods wait for their kubelet. */
function gracePeriodOf(rt: ResourceType, obj: KubeObject, opts: DeleteOptions): number {
  if (rt.plural !== "pods") return 0;
  const spec = obj.spec as { nodeName?: string; terminationGracePeriodSeconds?: number };
  // An unscheduled pod has no kubelet to confirm termination, so it goes at once.
  if (!spec.nodeName) return 0;
  const phase = (obj.status as { phase?: string } | undefined)?.phase;
  if (phase === "Succeeded" || phase === "Failed") return 0;
  return (
    opts.gracePeriodSeconds ??
    obj.metadata.deletionGracePeriodSeconds ??
    spec.terminationGracePeriodSeconds ??
    30
  );
}

/** Decide what deleting `cur` (the stored object) at `now` does. */
export function planDelete(rt: ResourceType, cur: KubeObject, opts: DeleteOptions, now: number): DeletePlan {
  const obj = clone(cur);
  const meta = obj.metadata;
  const finalizers = [...(meta.finalizers ?? [])];
  if (opts.propagationPolicy === "Orphan" && !finalizers.includes("orphan")) finalizers.push("orphan");
  if (opts.propagationPolicy === "Foreground" && !finalizers.includes("foregroundDeletion"))
    finalizers.push("foregroundDeletion");
  if (rt.plural === "namespaces") {
    if (meta.deletionTimestamp) return { kind: "unchanged" };
    meta.deletionTimestamp = rfc3339(now);
    meta.deletionGracePeriodSeconds = 0;
    (obj.status as { phase?: string }) = { ...(obj.status as object), phase: "Terminating" };
    return { kind: "mark", obj };
  }
  const grace = gracePeriodOf(rt, obj, opts);
  if (grace === 0 && finalizers.length === 0) return { kind: "remove" };
  // A second delete may only shorten the grace period, as the real registry allows.
  if (
    meta.deletionTimestamp &&
    grace >= (meta.deletionGracePeriodSeconds ?? 0) &&
    finalizers.length === (meta.finalizers ?? []).length
  )
    return { kind: "unchanged" };
  meta.deletionTimestamp = rfc3339(now + grace * 1000);
  meta.deletionGracePeriodSeconds = grace;
  if (finalizers.length) meta.finalizers = finalizers;
  return { kind: "mark", obj };
}

/**
 * Whether an update leaves an object marked for deletion ready to go: its last finalizer removed (a
 * namespace's spec finalizers too), and a pod's grace period over (its kubelet's final delete set it to 0).
 */
export function deletionDone(rt: ResourceType, obj: KubeObject): boolean {
  const meta = obj.metadata;
  if (!meta.deletionTimestamp || (meta.finalizers ?? []).length > 0) return false;
  if (rt.plural === "namespaces")
    return ((obj.spec as { finalizers?: string[] })?.finalizers ?? []).length === 0;
  return rt.plural !== "pods" || meta.deletionGracePeriodSeconds === 0;
}
