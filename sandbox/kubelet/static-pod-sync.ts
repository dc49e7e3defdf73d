// Bring the kubelet's static pods in line with its file source: a pod whose manifest went away or changed
// is killed (a changed manifest is a new pod: new config hash, hence new uid), and each wanted pod without
// one gets its mirror pod in the API, which the kubelet then runs.

import { isMirrorPod, MIRROR_ANNOTATION } from "../api/mirror-pod.ts";
import type { Node, Pod } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { rfc3339 } from "../util/time.ts";
import type { PodRecord } from "./pod-state.ts";
import type { KubeletLog } from "./pod-worker.ts";
import type { StaticPodWant } from "./static-pod-source.ts";
import { mirrorPod } from "./static-pods.ts";

/** What reconciling needs from the kubelet. */
export interface StaticPodHost {
  api: ApiServer;
  nodeName: string;
  records: ReadonlyMap<string, PodRecord>;
  /** Kill a static pod with its grace period; its mirror is deleted once it has stopped. */
  terminate(rec: PodRecord): void;
  journal: KubeletLog;
}

/** The config hash a mirror pod carries (its static pod's uid). */
export function mirrorHash(pod: Pod): string | undefined {
  return pod.metadata.annotations?.[MIRROR_ANNOTATION];
}

/** The mirror pod key (`namespace/name-node`) of a wanted static pod. */
export function mirrorKey(want: StaticPodWant, nodeName: string): string {
  return `${want.namespace}/${want.name}-${nodeName}`;
}

/** Move the record of a static pod this kubelet runs to its new mirror pod's uid; returns it. */
export function adoptMirror(records: Map<string, PodRecord>, api: ApiServer, p: Pod): PodRecord | undefined {
  const key = `${p.metadata.namespace}/${p.metadata.name}`;
  for (const rec of records.values()) {
    if (!isMirrorPod(rec.pod) || rec.killing || rec.uid === p.metadata.uid || rec.key !== key) continue;
    if (api.tryGet<Pod>("pods", p.metadata.namespace, p.metadata.name!)?.metadata.uid !== p.metadata.uid)
      continue;
    records.delete(rec.uid);
    rec.uid = p.metadata.uid!;
    rec.pod = p;
    records.set(rec.uid, rec);
    return rec;
  }
  return undefined;
}

/** Whether the file source holds the static pod a mirror pod stands for, as it is now. */
export function wantsMirror(wants: ReadonlyMap<string, StaticPodWant>, nodeName: string, p: Pod): boolean {
  const key = `${p.metadata.namespace}/${p.metadata.name}`;
  for (const want of wants.values())
    if (mirrorKey(want, nodeName) === key && want.hash === mirrorHash(p)) return true;
  return false;
}

/** Mark a static pod removed from its source for the pod worker to kill with its grace period; returns it. */
export function markRemoved(rec: PodRecord, now: number): PodRecord {
  const grace = rec.pod.spec.terminationGracePeriodSeconds ?? 30;
  const meta = { ...rec.pod.metadata, deletionTimestamp: rfc3339(now), deletionGracePeriodSeconds: grace };
  rec.pod = { ...rec.pod, metadata: meta };
  return rec;
}

/** Kill the static pods no longer wanted as they are, and post a mirror for each wanted pod lacking one. */
export function reconcileStaticPods(host: StaticPodHost, wants: ReadonlyMap<string, StaticPodWant>): void {
  const byKey = new Map<string, StaticPodWant>();
  for (const want of wants.values()) byKey.set(mirrorKey(want, host.nodeName), want);
  // Mirror keys of the static pods running or stopping; a running one may have lost its mirror pod.
  const stopping = new Set<string>();
  for (const rec of host.records.values()) {
    if (!isMirrorPod(rec.pod)) continue;
    if (!rec.killing && byKey.get(rec.key)?.hash !== mirrorHash(rec.pod)) host.terminate(rec);
    if (rec.killing) stopping.add(rec.key);
  }
  let node: Node | undefined;
  let nodeRead = false;
  for (const [key, want] of byKey) {
    // Still stopping: the pod worker starts the new pod once the old one is gone.
    if (stopping.has(key)) continue;
    const name = key.slice(want.namespace.length + 1);
    const cur = host.api.tryGet<Pod>("pods", want.namespace, name);
    if (cur && (!isMirrorPod(cur) || mirrorHash(cur) === want.hash)) continue;
    if (cur) deleteNow(host.api, cur);
    if (!nodeRead) {
      node = host.api.tryGet<Node>("nodes", undefined, host.nodeName);
      nodeRead = true;
    }
    const pod = mirrorPod(want.yaml, want.file, host.nodeName, node, host.api.loop.now());
    if (!pod) continue;
    try {
      // mirrorPod built it from a private copy of the parsed manifest: hand it over uncopied.
      host.api.create("pods", pod, { handOff: true });
    } catch (err) {
      host.journal(
        `"Failed creating a mirror pod" err="${err instanceof Error ? err.message : String(err)}" pod="${pod.metadata.namespace}/${pod.metadata.name}"`,
        "kubelet.go:1990",
        "E",
      );
    }
  }
}

/** Delete a pod at once (an orphaned or outdated mirror pod). */
export function deleteNow(api: ApiServer, pod: Pod): void {
  try {
    api.delete("pods", pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0 });
  } catch {
    // Already gone.
  }
}
