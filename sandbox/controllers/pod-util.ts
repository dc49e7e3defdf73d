// Small facts about pods and owners that several controllers share.

import type { KubeObject, OwnerReference, Pod } from "../api/types.ts";
import { fnv32a } from "../util/fnv.ts";
import { parseTime } from "../util/time.ts";

/** An owner reference to `owner`, as a controller sets it on what it creates. */
export function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion!,
    kind: owner.kind!,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Whether the pod's Ready condition is True. */
export function isPodReady(p: Pod): boolean {
  const conds = p.status?.conditions;
  if (!conds) return false;
  for (const c of conds) if (c.type === "Ready" && c.status === "True") return true;
  return false;
}

/** Whether the pod has been Ready for at least `minReadySeconds` at `now`. */
export function isPodAvailable(p: Pod, minReadySeconds: number, now: number): boolean {
  const c = p.status?.conditions?.find((x) => x.type === "Ready" && x.status === "True");
  if (!c) return false;
  if (minReadySeconds <= 0) return true;
  return !!c.lastTransitionTime && parseTime(c.lastTransitionTime) + minReadySeconds * 1000 <= now;
}

/** Whether the pod still counts toward its controller: not terminal and not being deleted. */
export function isPodActive(p: Pod): boolean {
  return p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed" && !p.metadata.deletionTimestamp;
}

const ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

/** apimachinery's SafeEncodeString: map each character to the name alphabet. */
export function safeEncode(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/**
 * The pod-template-hash label value: the decimal 32-bit hash of the template, safe-encoded.
 * Deviation: the real hash covers Go's deep print of the template; this one covers its JSON, so values
 * differ from a real cluster's while having the same shape (`7d4b9c8f5d`).
 */
export function templateHash(template: unknown, collisionCount = 0): string {
  // Cached objects never change, so a template seen before (the same object) hashes the same.
  const memo = typeof template === "object" && template !== null && collisionCount === 0;
  const known = memo ? hashes.get(template) : undefined;
  if (known) return known;
  const text = JSON.stringify(template) + (collisionCount ? `#${collisionCount}` : "");
  // Every cluster hashes the same few manifest templates (kube-proxy, flannel, coredns): by text, once.
  let h = byText.get(text);
  if (h === undefined) {
    h = safeEncode(String(fnv32a(text)));
    if (byText.size >= 256) byText.clear();
    byText.set(text, h);
  }
  if (memo) hashes.set(template, h);
  return h;
}

const hashes = new WeakMap<object, string>();
const byText = new Map<string, string>();
