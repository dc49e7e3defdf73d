// Pod-only defaults (SetDefaults_Pod): requests from limits, service links, host-network ports.
import { defaultPodSpec } from "./pod-spec.ts";
import { child, isObj, type Obj, objects, setDefault } from "./shape.ts";

// A resource with a limit and no request is requested at its limit.
function requestsFromLimits(c: Obj): void {
  const res = c.resources;
  if (!isObj(res) || !isObj(res.limits)) return;
  const limits = res.limits;
  const requests = child(res, "requests");
  for (const k in limits) if (requests[k] === undefined) requests[k] = limits[k];
}

function hostPorts(c: Obj): void {
  for (const p of objects(c.ports)) if (!p.hostPort) p.hostPort = p.containerPort;
}

/** Fill in a pod's defaults. */
export function defaultPod(pod: Obj): void {
  const spec = child(pod, "spec");
  defaultPodSpec(spec);
  for (const c of objects(spec.containers)) requestsFromLimits(c);
  for (const c of objects(spec.initContainers)) requestsFromLimits(c);
  if (spec.hostNetwork === true) {
    for (const c of objects(spec.containers)) hostPorts(c);
    for (const c of objects(spec.initContainers)) hostPorts(c);
  }
  setDefault(spec, "enableServiceLinks", true);
}
