// Which lists a strategic merge patch merges rather than replaces, and by which key.
// Deviation: real Kubernetes reads patchStrategy/patchMergeKey from the Go struct tags of each kind;
// the model recognises the same fields by their name and the name of the field holding them.

/** How a list merges: by the value of `key` in each element, or as a set of scalars when key is "". */
export interface ListMerge {
  key: string;
}

const POD_SPEC_LISTS: Record<string, string> = {
  containers: "name",
  initContainers: "name",
  ephemeralContainers: "name",
  volumes: "name",
  imagePullSecrets: "name",
  hostAliases: "ip",
  topologySpreadConstraints: "topologyKey",
  schedulingGates: "name",
  resourceClaims: "name",
};

const CONTAINER_LISTS: Record<string, string> = {
  ports: "containerPort",
  env: "name",
  volumeMounts: "mountPath",
  volumeDevices: "devicePath",
};

const CONTAINER_FIELDS = new Set(["containers", "initContainers", "ephemeralContainers"]);

// A pod spec sits at `spec` (pods) or `spec.template.spec` (workloads).
function isPodSpec(path: readonly string[]): boolean {
  const p = path.join(".");
  return p === "spec" || p.endsWith("template.spec");
}

/**
 * The merge rule of the list at `path` (field names from the object's root, list indices left out)
 * for an object of `kind`; undefined when the list is replaced whole (tolerations, args, command...).
 */
export function listMerge(kind: string, path: readonly string[]): ListMerge | undefined {
  const field = path[path.length - 1];
  const parent = path.slice(0, -1);
  const holder = parent[parent.length - 1];
  if (kind !== "Service" && isPodSpec(parent) && field in POD_SPEC_LISTS)
    return { key: POD_SPEC_LISTS[field] };
  if (holder !== undefined && CONTAINER_FIELDS.has(holder) && field in CONTAINER_LISTS) {
    return { key: CONTAINER_LISTS[field] };
  }
  const at = path.join(".");
  if (at === "metadata.finalizers") return { key: "" };
  if (at === "metadata.ownerReferences") return { key: "uid" };
  if (at === "status.conditions") return { key: "type" };
  if (kind === "Service" && at === "spec.ports") return { key: "port" };
  if (kind === "Node" && at === "status.addresses") return { key: "type" };
  if (kind === "Node" && at === "spec.podCIDRs") return { key: "" };
  if (kind === "Pod" && at === "status.podIPs") return { key: "ip" };
  if (kind === "ServiceAccount" && at === "secrets") return { key: "name" };
  return undefined;
}
