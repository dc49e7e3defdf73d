// RBAC evaluation over the cluster's Roles, ClusterRoles and their bindings, as the API server's RBAC
// authorizer does it: for requests over HTTPS, for --as, and for `auth can-i`'s SubjectAccessReview.

import type { Binding, PolicyRule, RoleObject, Subject } from "../../api/types.ts";
import type { ApiServer } from "../server.ts";
import type { AccessRequest, UserInfo } from "./types.ts";

const SA_PREFIX = "system:serviceaccount:";

function subjectMatches(user: UserInfo, s: Subject, bindingNamespace: string): boolean {
  switch (s.kind) {
    case "User":
      return s.name === user.name;
    case "Group":
      return user.groups.includes(s.name);
    case "ServiceAccount": {
      // A ServiceAccount subject without a namespace means the binding's own namespace.
      const ns = s.namespace || bindingNamespace;
      return ns !== "" && user.name === `${SA_PREFIX}${ns}:${s.name}`;
    }
    default:
      return false;
  }
}

function has(list: readonly string[] | undefined, v: string): boolean {
  return (list ?? []).includes(v);
}

function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  for (const r of rule.resources ?? []) {
    if (r === "*" || r === combined) return true;
    if (subresource && r === `*/${subresource}`) return true;
  }
  return false;
}

function urlMatches(rule: PolicyRule, path: string): boolean {
  for (const u of rule.nonResourceURLs ?? []) {
    if (u === "*" || u === path) return true;
    if (u.endsWith("*") && path.startsWith(u.replace(/\*+$/, ""))) return true;
  }
  return false;
}

/** Whether one rule allows a request (rbac RuleAllows: verbs, apiGroups, resources, resourceNames, URLs). */
export function ruleAllows(rule: PolicyRule, req: AccessRequest): boolean {
  const verbOk = has(rule.verbs, "*") || has(rule.verbs, req.verb);
  if (!verbOk) return false;
  if (req.path !== undefined) return urlMatches(rule, req.path);
  const combined = req.subresource ? `${req.resource}/${req.subresource}` : req.resource;
  const names = rule.resourceNames ?? [];
  return (
    (has(rule.apiGroups, "*") || has(rule.apiGroups, req.group)) &&
    resourceMatches(rule, combined, req.subresource) &&
    (names.length === 0 || names.includes(req.name))
  );
}

/** The rules that apply to a user in a namespace ("" for cluster scope), and the lookups that failed. */
export interface RuleSet {
  rules: PolicyRule[];
  errors: string[];
}

// Walk the rules bound to a user, ClusterRoleBindings first, then the namespace's RoleBindings, until
// `visit` returns true (as the RBAC authorizer's VisitRulesFor stops at the first rule that allows).
function visitRules(
  api: ApiServer,
  user: UserInfo,
  namespace: string,
  visit: (rule: PolicyRule) => boolean,
): { stopped: boolean; errors: string[] } {
  const errors: string[] = [];
  const bound = (b: Binding, bindingNs: string): boolean => {
    if (!(b.subjects ?? []).some((s) => subjectMatches(user, s, bindingNs))) return false;
    const ref = b.roleRef;
    const clusterScoped = ref.kind === "ClusterRole";
    const role = api.tryGet<RoleObject>(
      clusterScoped ? "clusterroles" : "roles",
      clusterScoped ? undefined : bindingNs,
      ref.name,
    );
    if (!role) {
      errors.push(
        `${clusterScoped ? "clusterrole" : "role"}.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`,
      );
      return false;
    }
    for (const r of role.rules ?? []) if (visit(r)) return true;
    return false;
  };
  for (const b of api.list<Binding>("clusterrolebindings").items)
    if (bound(b, "")) return { stopped: true, errors };
  if (namespace) {
    for (const b of api.list<Binding>("rolebindings", { namespace }).items)
      if (bound(b, namespace)) return { stopped: true, errors };
  }
  return { stopped: false, errors };
}

/** Collect the rules bound to a user: ClusterRoleBindings first, then the namespace's RoleBindings. */
export function rulesFor(api: ApiServer, user: UserInfo, namespace: string): RuleSet {
  const rules: PolicyRule[] = [];
  const { errors } = visitRules(api, user, namespace, (r) => {
    rules.push(r);
    return false;
  });
  return { rules, errors };
}

/** Decide a request as the RBAC authorizer does: allowed, or denied with its reason ("" or "RBAC: ..."). */
export function authorize(
  api: ApiServer,
  user: UserInfo,
  req: AccessRequest,
): { allowed: boolean; reason: string } {
  // system:masters bypasses authorization entirely (the API server's privileged group).
  if (user.groups.includes("system:masters")) return { allowed: true, reason: "" };
  const namespace = req.path === undefined ? req.namespace : "";
  const { stopped, errors } = visitRules(api, user, namespace, (r) => ruleAllows(r, req));
  if (stopped) return { allowed: true, reason: "" };
  if (errors.length === 0) return { allowed: false, reason: "" };
  return { allowed: false, reason: `RBAC: ${errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`}` };
}
