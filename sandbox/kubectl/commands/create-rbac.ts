// kubectl create serviceaccount, role, clusterrole, rolebinding and clusterrolebinding: the objects
// kubectl's generators build, with their checks and words.
import { lookupResource } from "../../api/resources.ts";
import type { KubeObject } from "../../api/types.ts";
import { fail, type Run } from "./common.ts";

const RBAC_GROUP = "rbac.authorization.k8s.io";
const RBAC_VERSION = `${RBAC_GROUP}/v1`;
const STANDARD_VERBS = [
  "*",
  "get",
  "delete",
  "list",
  "create",
  "update",
  "patch",
  "watch",
  "proxy",
  "deletecollection",
  "use",
  "bind",
  "escalate",
  "impersonate",
];
const NON_RESOURCE_VERBS = ["*", "get", "post", "put", "delete", "patch", "head", "options"];

/** `kubectl create serviceaccount NAME`. */
export function buildServiceAccount(run: Run): KubeObject {
  return {
    kind: "ServiceAccount",
    apiVersion: "v1",
    metadata: { name: run.args[0], creationTimestamp: null },
  } as unknown as KubeObject;
}

interface ResourceArg {
  resource: string;
  group: string;
  subresource: string;
}

// --resource values: `pods`, `deployments.apps`, `pods/status`, or `*` alone.
function resourceArgs(values: string[]): ResourceArg[] {
  const out: ResourceArg[] = [];
  for (const v of values) {
    const slash = v.indexOf("/");
    const main = slash < 0 ? v : v.slice(0, slash);
    const dot = main.indexOf(".");
    const arg = {
      resource: dot < 0 ? main : main.slice(0, dot),
      group: dot < 0 ? "" : main.slice(dot + 1),
      subresource: slash < 0 ? "" : v.slice(slash + 1),
    };
    if (arg.resource === "*" && dot < 0 && slash < 0) return [arg];
    out.push(arg);
  }
  return out;
}

// Discovery's answer for a resource (short names resolve), or undefined when the server has none.
function resolve(r: ResourceArg): { resource: string; group: string } | undefined {
  const rt = lookupResource(r.resource);
  if (!rt || (r.group !== "" && rt.group !== r.group) || rt.plural !== rt.plural.toLowerCase())
    return undefined;
  return { resource: rt.plural, group: rt.group };
}

function verbsOf(run: Run): string[] {
  const verbs: string[] = [];
  for (const v of run.list("verb")) {
    if (v === "*") return ["*"];
    if (!verbs.includes(v)) verbs.push(v);
  }
  return verbs;
}

// kubectl checks resources through discovery; a resource it cannot find fails there.
function checkResources(run: Run, verbs: string[], resources: ResourceArg[]): void {
  for (const v of verbs)
    if (!STANDARD_VERBS.includes(v)) run.err(`Warning: '${v}' is not a standard resource verb\n`);
  for (const r of resources) {
    if (r.resource === "") fail("resource must be specified if apiGroup/subresource specified");
    if (r.resource === "*") return;
    if (!resolve(r)) fail(`the server doesn't have a resource type "${r.resource}"`);
  }
}

// One rule per API group (groups sorted), each with the resources asked for in that group.
function rulesFor(verbs: string[], resources: ResourceArg[], names: string[], urls: string[]) {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const found = resolve(r) ?? { resource: r.resource, group: r.group };
    const name = r.subresource ? `${found.resource}/${r.subresource}` : found.resource;
    const list = byGroup.get(found.group) ?? [];
    if (!list.includes(name)) list.push(name);
    byGroup.set(found.group, list);
  }
  const rules: Record<string, unknown>[] = [...byGroup.keys()].sort().map((g) => ({
    verbs,
    apiGroups: [g],
    resources: byGroup.get(g),
    ...(names.length > 0 ? { resourceNames: names } : {}),
  }));
  if (urls.length > 0) rules.push({ verbs, nonResourceURLs: urls });
  return rules;
}

/** `kubectl create role NAME --verb=... --resource=...` (or clusterrole). */
export function buildRole(run: Run, cluster: boolean): KubeObject {
  const verbs = verbsOf(run);
  const resources = resourceArgs(run.list("resource"));
  const urls = cluster ? run.list("non-resource-url") : [];
  if (verbs.length === 0) fail("at least one verb must be specified");
  if (cluster && resources.length === 0 && urls.length === 0)
    fail("one of resource or nonResourceURL must be specified");
  if (!cluster && resources.length === 0) fail("at least one resource must be specified");
  if (resources.length > 0) checkResources(run, verbs, resources);
  for (const v of urls.length > 0 ? verbs : [])
    if (!NON_RESOURCE_VERBS.includes(v)) fail(`invalid verb: '${v}' for nonResourceURL`);
  for (const u of urls) {
    if (u === "*") continue;
    if (!u.startsWith("/")) fail("nonResourceURL should start with /");
    if (u.slice(0, -1).includes("*"))
      fail("nonResourceURL only supports wildcard matches when '*' is at the end");
  }
  return {
    kind: cluster ? "ClusterRole" : "Role",
    apiVersion: RBAC_VERSION,
    metadata: { name: run.args[0], creationTimestamp: null },
    rules: rulesFor(verbs, resources, run.list("resource-name"), urls),
  } as unknown as KubeObject;
}

/** `kubectl create rolebinding|clusterrolebinding NAME --role|--clusterrole=... --user|--group|--serviceaccount=...`. */
export function buildBinding(run: Run, cluster: boolean): KubeObject {
  const role = cluster ? "" : run.str("role");
  const clusterRole = run.str("clusterrole");
  if (cluster ? !clusterRole : (role === "") === (clusterRole === ""))
    fail(cluster ? "clusterrole must be specified" : "exactly one of clusterrole or role must be specified");
  const subjects: Record<string, string>[] = [
    ...run.list("user").map((name) => ({ kind: "User", apiGroup: RBAC_GROUP, name })),
    ...run.list("group").map((name) => ({ kind: "Group", apiGroup: RBAC_GROUP, name })),
    ...run.list("serviceaccount").map((sa) => {
      const parts = sa.split(":");
      if (parts.length !== 2 || !parts[0] || !parts[1]) fail("serviceaccount must be <namespace>:<name>");
      return { kind: "ServiceAccount", namespace: parts[0], name: parts[1] };
    }),
  ];
  return {
    kind: cluster ? "ClusterRoleBinding" : "RoleBinding",
    apiVersion: RBAC_VERSION,
    metadata: { name: run.args[0], creationTimestamp: null },
    roleRef: { apiGroup: RBAC_GROUP, kind: role ? "Role" : "ClusterRole", name: role || clusterRole },
    ...(subjects.length > 0 ? { subjects } : {}),
  } as unknown as KubeObject;
}
