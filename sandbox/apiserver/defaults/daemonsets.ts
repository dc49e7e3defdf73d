// DaemonSet defaults (apps/v1 SetDefaults_DaemonSet).
import { defaultPodTemplate } from "./pod-spec.ts";
import { child, isObj, type Obj, setDefault } from "./shape.ts";

/** Fill in a daemon set's defaults. */
export function defaultDaemonSet(ds: Obj): void {
  const spec = child(ds, "spec");
  const strategy = child(spec, "updateStrategy");
  setDefault(strategy, "type", "RollingUpdate");
  if (strategy.type === "RollingUpdate") {
    const ru = child(strategy, "rollingUpdate");
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = 1;
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = 0;
  }
  if (typeof spec.revisionHistoryLimit !== "number") spec.revisionHistoryLimit = 10;
  if (isObj(spec.template) || spec.template === undefined) defaultPodTemplate(child(spec, "template"));
}
