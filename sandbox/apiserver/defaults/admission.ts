// What the default admission plugins add to a new pod: ServiceAccount (service account name and the
// kube-api-access projected volume), DefaultTolerationSeconds, and Priority (for pods without a class).

import { isMirrorPod } from "../../api/mirror-pod.ts";
import type { Pod } from "../../api/types.ts";
import { child, isObj, type Obj, objects } from "./shape.ts";

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

function addTokenVolume(spec: Obj, suffix: string): void {
  if (spec.automountServiceAccountToken === false) return;
  const containers = [...objects(spec.initContainers), ...objects(spec.containers)];
  const mounted = (c: Obj) => objects(c.volumeMounts).some((m) => m.mountPath === TOKEN_MOUNT_PATH);
  if (containers.every(mounted)) return;
  const name = `kube-api-access-${suffix}`;
  if (!Array.isArray(spec.volumes)) spec.volumes = [];
  (spec.volumes as unknown[]).push(tokenVolume(name));
  for (const c of containers) {
    if (mounted(c)) continue;
    if (!Array.isArray(c.volumeMounts)) c.volumeMounts = [];
    (c.volumeMounts as unknown[]).push({ mountPath: TOKEN_MOUNT_PATH, name, readOnly: true });
  }
}

function addDefaultTolerations(spec: Obj): void {
  const tolerations = objects(spec.tolerations);
  const tolerates = (key: string) =>
    tolerations.some((t) => (t.key === key || !t.key) && (t.effect === "NoExecute" || !t.effect));
  const added: Obj[] = [];
  for (const t of DEFAULT_TOLERATIONS) if (!tolerates(t.key)) added.push(t);
  if (added.length > 0)
    spec.tolerations = [...(Array.isArray(spec.tolerations) ? spec.tolerations : []), ...added];
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
