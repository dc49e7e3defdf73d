// What the default admission plugins add to a new pod: ServiceAccount (service account name and the
// kube-api-access projected volume), DefaultTolerationSeconds, and Priority (for pods without a class).

import { isMirrorPod } from "../../api/mirror-pod.ts";
import type { Pod } from "../../api/types.ts";
import { child, isObj, type Obj } from "./shape.ts";

const TOKEN_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";

// What the plugins add is the same in every pod: one frozen copy serves them all, since stored objects are
// never changed in place (a write to it would throw rather than change every pod).
const TOKEN_PROJECTION = deepFreeze({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
    { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
    {
      downwardAPI: {
        items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }],
      },
    },
  ],
});
const DEFAULT_TOLERATIONS = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"].map((key) =>
  deepFreeze({ effect: "NoExecute", key, operator: "Exists", tolerationSeconds: 300 }),
);

function deepFreeze<T>(v: T): T {
  if (typeof v === "object" && v !== null) for (const x of Object.values(v)) deepFreeze(x);
  return Object.freeze(v);
}

function tokenVolume(name: string): Obj {
  return { name, projected: TOKEN_PROJECTION };
}

// Loops rather than spread, filter and closures: this runs for every pod created.
function addTokenVolume(spec: Obj, suffix: string): void {
  if (spec.automountServiceAccountToken === false) return;
  if (allMountToken(spec.initContainers) && allMountToken(spec.containers)) return;
  const name = `kube-api-access-${suffix}`;
  if (!Array.isArray(spec.volumes)) spec.volumes = [];
  (spec.volumes as unknown[]).push(tokenVolume(name));
  // Init containers first, then the regular ones; a container listed twice gets one mount.
  mountToken(spec.initContainers, name);
  mountToken(spec.containers, name);
}

// Whether every object in an array field (none: true) already mounts something at the token's path.
function allMountToken(list: unknown): boolean {
  if (!Array.isArray(list)) return true;
  for (let i = 0; i < list.length; i++) if (isObj(list[i]) && !mountsToken(list[i])) return false;
  return true;
}

function mountsToken(c: Obj): boolean {
  const mounts = c.volumeMounts;
  if (!Array.isArray(mounts)) return false;
  for (let i = 0; i < mounts.length; i++) {
    const m = mounts[i];
    if (isObj(m) && m.mountPath === TOKEN_MOUNT_PATH) return true;
  }
  return false;
}

function mountToken(list: unknown, name: string): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (!isObj(c) || mountsToken(c)) continue;
    if (!Array.isArray(c.volumeMounts)) c.volumeMounts = [];
    (c.volumeMounts as unknown[]).push({ mountPath: TOKEN_MOUNT_PATH, name, readOnly: true });
  }
}

function addDefaultTolerations(spec: Obj): void {
  const existing = Array.isArray(spec.tolerations) ? (spec.tolerations as unknown[]) : undefined;
  const add0 = !toleratesKey(existing, DEFAULT_TOLERATIONS[0].key);
  const add1 = !toleratesKey(existing, DEFAULT_TOLERATIONS[1].key);
  if (!add0 && !add1) return;
  // A new array: the existing entries (holes read as undefined, as a spread reads them), then the defaults.
  const out: unknown[] = [];
  if (existing) for (let i = 0; i < existing.length; i++) out.push(existing[i]);
  if (add0) out.push(DEFAULT_TOLERATIONS[0]);
  if (add1) out.push(DEFAULT_TOLERATIONS[1]);
  spec.tolerations = out;
}

// Whether a toleration in the list already covers NoExecute taints with this key.
function toleratesKey(list: unknown[] | undefined, key: string): boolean {
  if (!list) return false;
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    if (isObj(t) && (t.key === key || !t.key) && (t.effect === "NoExecute" || !t.effect)) return true;
  }
  return false;
}

/** The service account a pod runs as: serviceAccountName, else the deprecated serviceAccount, else default. */
export function serviceAccountOf(pod: Pod): string {
  const spec = (pod.spec ?? {}) as { serviceAccountName?: unknown; serviceAccount?: unknown };
  if (typeof spec.serviceAccountName === "string" && spec.serviceAccountName) return spec.serviceAccountName;
  return typeof spec.serviceAccount === "string" && spec.serviceAccount ? spec.serviceAccount : "default";
}

/**
 * Apply the mutating admission plugins to a pod being created (after defaulting). `randomSuffix`
 * supplies the 5-character suffix of the `kube-api-access-<suffix>` volume.
 */
export function admitPod(pod: Pod, ctx: { randomSuffix: () => string }): void {
  const spec = child(pod as unknown as Obj, "spec");
  // The ServiceAccount plugin leaves mirror pods alone: a static pod has no service account or token.
  if (!isMirrorPod(pod)) {
    spec.serviceAccountName = serviceAccountOf(pod);
    // The deprecated field mirrors serviceAccountName in every v1 response.
    spec.serviceAccount = spec.serviceAccountName;
    addTokenVolume(spec, ctx.randomSuffix());
  }
  addDefaultTolerations(spec);
  if (!spec.priorityClassName && typeof spec.priority !== "number") spec.priority = 0;
  if (!isObj(spec) || spec.preemptionPolicy === undefined) spec.preemptionPolicy = "PreemptLowerPriority";
}
