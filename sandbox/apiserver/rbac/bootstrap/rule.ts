// Short builders for the PolicyRules of the bootstrap policy, so the tables below read like Kubernetes'
// own rbacv1helpers.NewRule(verbs...).Groups(...).Resources(...).
import type { PolicyRule } from "../../../api/types.ts";

/** The read verbs most roles grant together. */
export const READ = "get list watch";
/** The write verbs the aggregated edit role grants on most resources. */
export const WRITE = "create delete deletecollection patch update";

const words = (s: string) => s.split(" ");

/** A resource rule: API groups, resources and verbs (space-separated), and resource names if any. */
export function rule(
  groups: readonly string[],
  resources: string,
  verbs: string,
  names?: string,
): PolicyRule {
  // Keys in the Go struct's order, as the API server would encode them.
  const r: PolicyRule = { verbs: words(verbs), apiGroups: [...groups], resources: words(resources) };
  if (names !== undefined) r.resourceNames = words(names);
  return r;
}

/** A rule on the core group ("") only. */
export function core(resources: string, verbs: string, names?: string): PolicyRule {
  return rule([""], resources, verbs, names);
}

/** A non-resource URL rule. */
export function urls(paths: string, verbs: string): PolicyRule {
  return { verbs: words(verbs), nonResourceURLs: words(paths) };
}

/** The rule every component that records events has (eventsRule()). */
export function eventsRule(): PolicyRule {
  return rule(["", "events.k8s.io"], "events", "create patch update");
}
