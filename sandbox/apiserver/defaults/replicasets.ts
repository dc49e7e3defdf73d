// ReplicaSet defaults (apps/v1 SetDefaults_ReplicaSet).
import { defaultPodTemplate } from "./pod-spec.ts";
import { child, type Obj } from "./shape.ts";

/** Fill in a replica set's defaults. */
export function defaultReplicaSet(rs: Obj): void {
  const spec = child(rs, "spec");
  if (typeof spec.replicas !== "number") spec.replicas = 1;
  defaultPodTemplate(child(spec, "template"));
}
