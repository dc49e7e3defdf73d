// PodSpec defaults (SetDefaults_PodSpec and the volume-source defaults), shared by pods and templates.
import { VOLUME_SOURCES } from "../validation/volumes.ts";
import { defaultContainer } from "./containers.ts";
import { child, isObj, type Obj, objects, setDefault } from "./shape.ts";

const FILE_MODE = 420; // 0644

function defaultVolume(v: Obj): void {
  if (!VOLUME_SOURCES.some((s) => isObj(v[s]))) v.emptyDir = {};
  if (isObj(v.hostPath)) setDefault(v.hostPath, "type", "");
  for (const src of ["secret", "configMap", "downwardAPI", "projected"]) {
    if (isObj(v[src]) && v[src].defaultMode === undefined) v[src].defaultMode = FILE_MODE;
  }
  const items = [
    ...objects(isObj(v.downwardAPI) ? v.downwardAPI.items : undefined),
    ...objects(isObj(v.projected) ? v.projected.sources : undefined).flatMap((s) =>
      objects(isObj(s.downwardAPI) ? s.downwardAPI.items : undefined),
    ),
  ];
  for (const item of items) if (isObj(item.fieldRef)) setDefault(item.fieldRef, "apiVersion", "v1");
}

/** Fill in a pod spec's defaults (what `kubectl get -o yaml` shows on any pod or template). */
export function defaultPodSpec(spec: Obj): void {
  setDefault(spec, "dnsPolicy", "ClusterFirst");
  setDefault(spec, "restartPolicy", "Always");
  if (!isObj(spec.securityContext)) spec.securityContext = {};
  setDefault(spec, "terminationGracePeriodSeconds", 30);
  setDefault(spec, "schedulerName", "default-scheduler");
  for (const c of [...objects(spec.containers), ...objects(spec.initContainers)]) defaultContainer(c);
  for (const v of objects(spec.volumes)) defaultVolume(v);
}

/** Fill in a workload's pod template: its spec, and the `creationTimestamp: null` its metadata shows. */
export function defaultPodTemplate(template: Obj): void {
  const meta = child(template, "metadata");
  if (meta.creationTimestamp === undefined) meta.creationTimestamp = null;
  defaultPodSpec(child(template, "spec"));
}
