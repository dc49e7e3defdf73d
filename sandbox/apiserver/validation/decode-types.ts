// The API server decodes a request body into typed Go structs before anything else; a JSON value of the
// wrong type there is a decode failure (400 BadRequest, "cannot be handled as a Kind"), not a field
// error. YAML 1.1 booleans (`enabled: yes` in a ConfigMap) are the classic way to get one.
// The model checks the string, integer and string-map fields readers write most often.

type Json = unknown;
type Check = { path: string; struct: string; type: "string" | "int32" | "map[string]string" };

const META: Check[] = [
  { path: "metadata.name", struct: "ObjectMeta", type: "string" },
  { path: "metadata.generateName", struct: "ObjectMeta", type: "string" },
  { path: "metadata.namespace", struct: "ObjectMeta", type: "string" },
  { path: "metadata.labels", struct: "ObjectMeta", type: "map[string]string" },
  { path: "metadata.annotations", struct: "ObjectMeta", type: "map[string]string" },
];

function containerChecks(prefix: string): Check[] {
  return ["containers", "initContainers"].flatMap((list) => [
    { path: `${prefix}.${list}[].name`, struct: "Container", type: "string" as const },
    { path: `${prefix}.${list}[].image`, struct: "Container", type: "string" as const },
    { path: `${prefix}.${list}[].env[].name`, struct: "EnvVar", type: "string" as const },
    { path: `${prefix}.${list}[].env[].value`, struct: "EnvVar", type: "string" as const },
    { path: `${prefix}.${list}[].ports[].containerPort`, struct: "ContainerPort", type: "int32" as const },
    { path: `${prefix}.${list}[].command[]`, struct: "Container", type: "string" as const },
    { path: `${prefix}.${list}[].args[]`, struct: "Container", type: "string" as const },
  ]);
}

const POD_TEMPLATE: Check[] = [
  { path: "spec.template.metadata.labels", struct: "ObjectMeta", type: "map[string]string" },
  { path: "spec.template.spec.nodeSelector", struct: "PodSpec", type: "map[string]string" },
  ...containerChecks("spec.template.spec"),
];

const CHECKS: Record<string, { kind: string; checks: Check[] }> = {
  pods: {
    kind: "Pod",
    checks: [
      { path: "spec.nodeName", struct: "PodSpec", type: "string" },
      { path: "spec.nodeSelector", struct: "PodSpec", type: "map[string]string" },
      ...containerChecks("spec"),
    ],
  },
  configmaps: {
    kind: "ConfigMap",
    checks: [{ path: "data", struct: "ConfigMap", type: "map[string]string" }],
  },
  secrets: {
    kind: "Secret",
    checks: [{ path: "stringData", struct: "Secret", type: "map[string]string" }],
  },
  services: {
    kind: "Service",
    checks: [
      { path: "spec.selector", struct: "ServiceSpec", type: "map[string]string" },
      { path: "spec.ports[].port", struct: "ServicePort", type: "int32" },
      { path: "spec.ports[].name", struct: "ServicePort", type: "string" },
    ],
  },
  deployments: {
    kind: "Deployment",
    checks: [{ path: "spec.replicas", struct: "DeploymentSpec", type: "int32" }, ...POD_TEMPLATE],
  },
  replicasets: {
    kind: "ReplicaSet",
    checks: [{ path: "spec.replicas", struct: "ReplicaSetSpec", type: "int32" }, ...POD_TEMPLATE],
  },
  daemonsets: { kind: "DaemonSet", checks: POD_TEMPLATE },
  namespaces: { kind: "Namespace", checks: [] },
};

function jsonKind(v: Json): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "object";
  if (typeof v === "boolean") return "bool";
  return typeof v === "number" ? "number" : "string";
}

function mismatch(v: Json, type: Check["type"]): string | undefined {
  if (v === undefined || v === null) return undefined;
  const k = jsonKind(v);
  if (type === "string") return k === "string" ? undefined : k;
  if (type === "int32") {
    if (k !== "number") return k;
    return Number.isInteger(v) ? undefined : `number ${v}`;
  }
  return k === "object" ? undefined : k;
}

// A path split once: each part's key, whether it is a list (`[]`), and the dotted field the message names.
type Compiled = { keys: string[]; lists: boolean[]; field: string; struct: string; type: Check["type"] };
const compiled = new Map<string, { kind: string; checks: Compiled[] }>();

function compiledFor(plural: string): { kind: string; checks: Compiled[] } | undefined {
  let c = compiled.get(plural);
  if (!c) {
    const entry = CHECKS[plural];
    if (!entry) return undefined;
    c = {
      kind: entry.kind,
      checks: [...META, ...entry.checks].map((x) => {
        const parts = x.path.split(".");
        const keys = parts.map((p) => (p.endsWith("[]") ? p.slice(0, -2) : p));
        return {
          keys,
          lists: parts.map((p) => p.endsWith("[]")),
          field: keys.join("."),
          struct: x.struct,
          type: x.type,
        };
      }),
    };
    compiled.set(plural, c);
  }
  return c;
}

/** Check the values at a dotted path (`a.b[].c`); returns Go's message for the first mistyped one. */
function check(v: Json, c: Compiled, i: number): string | undefined {
  if (i === c.keys.length) {
    const field = c.field;
    if (c.type === "map[string]string" && v !== null && typeof v === "object" && !Array.isArray(v)) {
      for (const k in v as Record<string, Json>) {
        const bad = mismatch((v as Record<string, Json>)[k], "string");
        if (bad)
          return `json: cannot unmarshal ${bad} into Go struct field ${c.struct}.${field} of type string`;
      }
      return undefined;
    }
    const bad = mismatch(v, c.type);
    return bad
      ? `json: cannot unmarshal ${bad} into Go struct field ${c.struct}.${field} of type ${c.type}`
      : undefined;
  }
  if (typeof v !== "object" || v === null) return undefined;
  const next = (v as Record<string, Json>)[c.keys[i]];
  if (!c.lists[i]) return check(next, c, i + 1);
  if (!Array.isArray(next)) return undefined;
  for (let j = 0; j < next.length; j++) {
    const m = check(next[j], c, i + 1);
    if (m) return m;
  }
  return undefined;
}

/** The BadRequest message for a body with a wrongly typed common field, or undefined. */
export function typeDecodeError(plural: string, body: unknown): string | undefined {
  const entry = compiledFor(plural);
  if (!entry || typeof body !== "object" || body === null) return undefined;
  for (let i = 0; i < entry.checks.length; i++) {
    const c = entry.checks[i];
    const m = check(body, c, 0);
    if (m) {
      const version = (body as { apiVersion?: string }).apiVersion?.split("/").at(-1) ?? "v1";
      return `${entry.kind} in version "${version}" cannot be handled as a ${entry.kind}: ${m}`;
    }
  }
  return undefined;
}
