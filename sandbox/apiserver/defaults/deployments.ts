// Deployment defaults (apps/v1 SetDefaults_Deployment).
import { defaultPodTemplate } from "./pod-spec.ts";
import { child, type Obj, setDefault } from "./shape.ts";

/** Fill in a deployment's defaults. */
export function defaultDeployment(d: Obj): void {
  const spec = child(d, "spec");
  if (typeof spec.replicas !== "number") spec.replicas = 1;
  const strategy = child(spec, "strategy");
  setDefault(strategy, "type", "RollingUpdate");
  if (strategy.type === "RollingUpdate") {
    const ru = child(strategy, "rollingUpdate");
    setDefault(ru, "maxUnavailable", "25%");
    setDefault(ru, "maxSurge", "25%");
  }
  if (typeof spec.revisionHistoryLimit !== "number") spec.revisionHistoryLimit = 10;
  if (typeof spec.progressDeadlineSeconds !== "number") spec.progressDeadlineSeconds = 600;
  defaultPodTemplate(child(spec, "template"));
}
