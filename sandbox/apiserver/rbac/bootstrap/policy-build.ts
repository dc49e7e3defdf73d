// How the API server's bootstrap policy is put together: the default roles (admin, edit and view filled by
// aggregation, as the controller would within a second of start) and bindings. bootstrap-policy.json holds
// the result, which every boot loads instead; test/rbac/bootstrap-policy-json.test.ts checks it is current.
import type { PolicyRule, RoleObject } from "../../../api/types.ts";
import { aggregatedRules, sameRules } from "./aggregate.ts";
import { clusterRoleBindings, namespaceRoleBindings, namespaceRoles } from "./bindings.ts";
import { clusterRoles } from "./cluster-roles.ts";
import { controllerRoles } from "./controller-roles.ts";
import { API_VERSION, binding, meta, role } from "./objects.ts";
import type { StoredTemplate } from "./templates.ts";

/** The bootstrap policy as bootstrap-policy.json stores it: distinct rules once, roles naming them by index. */
export interface EncodedPolicy {
  rules: PolicyRule[];
  templates: StoredTemplate[];
}

/** Build the bootstrap policy (ClusterRoles, ClusterRoleBindings, Roles, RoleBindings) from its specs. */
export function buildBootstrapPolicy(): StoredTemplate[] {
  const roles: RoleObject[] = [...clusterRoles(), ...controllerRoles()].map((r) => {
    const obj: RoleObject = {
      apiVersion: API_VERSION,
      kind: "ClusterRole",
      metadata: meta(r.name, undefined, true, r.labels),
      rules: r.rules,
    };
    if (r.aggregateFrom)
      obj.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { [r.aggregateFrom]: "true" } }] };
    return obj;
  });
  // The aggregation controller fills admin, edit and view within a second of start: store them filled.
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of roles) {
      if (!r.aggregationRule) continue;
      const rules = aggregatedRules(r, roles);
      if (!sameRules(rules, r.rules)) {
        r.rules = rules;
        changed = true;
      }
    }
  }
  return [
    ...roles.map((obj) => ({ plural: "clusterroles", obj })),
    ...clusterRoleBindings().map((b) => ({
      plural: "clusterrolebindings",
      obj: binding("ClusterRoleBinding", b, undefined, true),
    })),
    ...namespaceRoles().map((r) => ({
      plural: "roles",
      obj: role("Role", r.name, r.namespace, r.rules, true),
    })),
    ...namespaceRoleBindings().map((b) => ({
      plural: "rolebindings",
      obj: binding("RoleBinding", b, b.namespace, true),
    })),
  ];
}

/** Encode a policy as bootstrap-policy.json holds it: each role's rules as indexes into one list of rules. */
export function encodePolicy(templates: readonly StoredTemplate[]): EncodedPolicy {
  const rules: PolicyRule[] = [];
  const index = new Map<string, number>();
  const out = templates.map(({ plural, obj }) => {
    const r = obj as RoleObject;
    if (!r.rules) return { plural, obj };
    const refs = r.rules.map((rule) => {
      const key = JSON.stringify(rule);
      let i = index.get(key);
      if (i === undefined) {
        i = rules.push(rule) - 1;
        index.set(key, i);
      }
      return i;
    });
    return { plural, obj: { ...r, rules: refs as unknown as PolicyRule[] } };
  });
  return { rules, templates: out };
}
