// Pod-only defaults (SetDefaults_Pod): requests from limits, service links, host-network ports.
import { defaultPodSpec } from "./pod-spec.ts";
import { child, isObj, type Obj, objects, setDefault } from "./shape.ts";

/** Fill in a pod's defaults. */
export function defaultPod(pod: Obj): void {
  const spec = child(pod, "spec");
  defaultPodSpec(spec);
  for (const c of [...objects(spec.containers), ...objects(spec.initContainers)]) {
    const res = isObj(c.resources) ? c.resources : {};
    if (!isObj(res.limits)) continue;
    const requests = child(res, "requests");
    for (const [k, v] of Object.entries(res.limits)) if (requests[k] === undefined) requests[k] = v;
  }
  if (spec.hostNetwork === true) {
    for (const c of [...objects(spec.containers), ...objects(spec.initContainers)]) {
      for (const p of objects(c.ports)) if (!p.hostPort) p.hostPort = p.containerPort;
    }
  }
  setDefault(spec, "enableServiceLinks", true);
}
