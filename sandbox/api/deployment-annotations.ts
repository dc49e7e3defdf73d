// A Deployment's annotations and its ReplicaSets': the controller copies the Deployment's own onto the current
// ReplicaSet (deployment_util.go's copyDeploymentAnnotationsToReplicaSet), and `kubectl rollout undo` copies a
// ReplicaSet's back onto the Deployment; both leave out kubectl's last-applied configuration and the
// controller's bookkeeping. That is how `kubernetes.io/change-cause` reaches `kubectl rollout history`.

export const REVISION = "deployment.kubernetes.io/revision";
export const REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
export const DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

const NOT_COPIED = new Set([
  "kubectl.kubernetes.io/last-applied-configuration",
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  "deprecated.deployment.rollback.to",
]);

/** Whether an annotation is bookkeeping that stays with its object (never copied either way). */
export function staysPut(key: string): boolean {
  return NOT_COPIED.has(key);
}

/** The Deployment's annotations that `current` (a ReplicaSet's) lacks or holds otherwise; undefined if none. */
export function annotationsToCopy(
  deployment: Record<string, string> | undefined,
  current: Record<string, string> | undefined,
): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const k in deployment) {
    if (NOT_COPIED.has(k) || current?.[k] === deployment[k]) continue;
    out ??= {};
    out[k] = deployment[k];
  }
  return out;
}
