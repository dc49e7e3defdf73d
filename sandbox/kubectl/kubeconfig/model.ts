// A kubeconfig as kubectl holds it in memory (clientcmd's api.Config: stanzas keyed by name), and its
// conversion to and from the v1 file form (name-sorted lists) that files and `kubectl config view` show.
import { parse } from "yaml";
import { clone } from "../../util/clone.ts";
import { toYaml } from "../output/index.ts";

/** One named stanza's body, kept as parsed so fields the model does not know survive a rewrite. */
export type Stanza = Record<string, unknown>;

/** A kubeconfig: current context, preferences, and clusters, contexts and users by name. */
export interface KubeConfig {
  currentContext: string;
  preferences: Stanza;
  clusters: Map<string, Stanza>;
  contexts: Map<string, Stanza>;
  users: Map<string, Stanza>;
}

/** A config with nothing in it (what a missing file loads as). */
export function emptyConfig(): KubeConfig {
  return { currentContext: "", preferences: {}, clusters: new Map(), contexts: new Map(), users: new Map() };
}

/** Copy a config deeply enough that editing its stanzas leaves the original alone. */
export function cloneConfig(c: KubeConfig): KubeConfig {
  const copy = (m: Map<string, Stanza>) => new Map([...m].map(([k, v]) => [k, clone(v)]));
  return {
    currentContext: c.currentContext,
    preferences: clone(c.preferences),
    clusters: copy(c.clusters),
    contexts: copy(c.contexts),
    users: copy(c.users),
  };
}

/** A string field of a stanza ("" when unset). */
export function field(s: Stanza | undefined, key: string): string {
  const v = s?.[key];
  return typeof v === "string" ? v : "";
}

function namedList(v: unknown, body: string): Map<string, Stanza> {
  const out = new Map<string, Stanza>();
  if (!Array.isArray(v)) return out;
  for (const item of v) {
    if (typeof item !== "object" || item === null) continue;
    const name = (item as Stanza).name;
    const inner = (item as Stanza)[body];
    // clientcmd keeps the first stanza of a name when a file repeats it.
    if (typeof name === "string" && !out.has(name)) {
      out.set(name, typeof inner === "object" && inner !== null ? (inner as Stanza) : {});
    }
  }
  return out;
}

/** Parse kubeconfig YAML; throws the YAML library's error for text that is not YAML. */
export function parseKubeconfig(text: string): KubeConfig {
  // go-yaml, which kubectl's loader uses, reads YAML 1.1.
  const doc = parse(text, { version: "1.1" }) as unknown;
  if (doc === null || doc === undefined || typeof doc !== "object" || Array.isArray(doc))
    return emptyConfig();
  const d = doc as Stanza;
  return {
    currentContext: typeof d["current-context"] === "string" ? d["current-context"] : "",
    preferences: typeof d.preferences === "object" && d.preferences !== null ? (d.preferences as Stanza) : {},
    clusters: namedList(d.clusters, "cluster"),
    contexts: namedList(d.contexts, "context"),
    users: namedList(d.users, "user"),
  };
}

// Field order of the v1 Go structs, which `-o json` follows; YAML output sorts keys anyway.
const CLUSTER_FIELDS = [
  "server",
  "tls-server-name",
  "insecure-skip-tls-verify",
  "certificate-authority",
  "certificate-authority-data",
  "proxy-url",
  "disable-compression",
];
const CONTEXT_FIELDS = ["cluster", "user", "namespace"];
const USER_FIELDS = [
  "client-certificate",
  "client-certificate-data",
  "client-key",
  "client-key-data",
  "token",
  "tokenFile",
  "as",
  "as-uid",
  "as-groups",
  "as-user-extra",
  "username",
  "password",
  "auth-provider",
  "exec",
];

function ordered(s: Stanza, order: string[], required: string[]): Stanza {
  const out: Stanza = {};
  for (const k of order) {
    if (s[k] !== undefined && s[k] !== null && s[k] !== "") out[k] = s[k];
    else if (required.includes(k)) out[k] = "";
  }
  for (const [k, v] of Object.entries(s)) if (!(k in out) && !order.includes(k)) out[k] = v;
  return out;
}

function toList(m: Map<string, Stanza>, body: string, order: string[], required: string[]): unknown[] | null {
  if (m.size === 0) return null;
  return [...m.keys()].sort().map((name) => ({ name, [body]: ordered(m.get(name)!, order, required) }));
}

/** The v1 `Config` object, fields in Go struct order; empty lists are null, as kubectl prints them. */
export function toV1(c: KubeConfig): Record<string, unknown> {
  return {
    kind: "Config",
    apiVersion: "v1",
    preferences: c.preferences,
    // v1.Cluster's server and v1.Context's cluster and user have no omitempty.
    clusters: toList(c.clusters, "cluster", CLUSTER_FIELDS, ["server"]),
    users: toList(c.users, "user", USER_FIELDS, []),
    contexts: toList(c.contexts, "context", CONTEXT_FIELDS, ["cluster", "user"]),
    "current-context": c.currentContext,
  };
}

/** Render a config as kubectl writes a kubeconfig file (keys sorted, as sigs.k8s.io/yaml does). */
export function serializeKubeconfig(c: KubeConfig): string {
  return toYaml(toV1(c));
}
