// PodSpec defaults (SetDefaults_PodSpec and the volume-source defaults), shared by pods and templates.
import { VOLUME_SOURCES } from "../validation/volumes.ts";
import { defaultContainer } from "./containers.ts";
import { child, isObj, type Obj, objects, setDefault } from "./shape.ts";

const FILE_MODE = 420; // 0644

const SOURCE_NAMES = new Set(VOLUME_SOURCES);

function hasSource(v: Obj): boolean {
  for (const k in v) if (SOURCE_NAMES.has(k) && isObj(v[k])) return true;
  return false;
}

function defaultMode(source: unknown): void {
  if (isObj(source) && source.defaultMode === undefined) source.defaultMode = FILE_MODE;
}

// Each downward API item's fieldRef gets apiVersion v1.
function defaultItems(downwardAPI: unknown): void {
  if (!isObj(downwardAPI) || !Array.isArray(downwardAPI.items)) return;
  for (const item of downwardAPI.items)
    if (isObj(item) && isObj(item.fieldRef)) setDefault(item.fieldRef, "apiVersion", "v1");
}

function defaultVolume(v: Obj): void {
  if (!hasSource(v)) v.emptyDir = {};
  if (isObj(v.hostPath)) setDefault(v.hostPath, "type", "");
  defaultMode(v.secret);
  defaultMode(v.configMap);
  defaultMode(v.downwardAPI);
  defaultMode(v.projected);
  defaultItems(v.downwardAPI);
  if (isObj(v.projected) && Array.isArray(v.projected.sources))
    for (const s of v.projected.sources) if (isObj(s)) defaultItems(s.downwardAPI);
}

/** Fill in a pod spec's defaults (what `kubectl get -o yaml` shows on any pod or template). */
export function defaultPodSpec(spec: Obj): void {
  setDefault(spec, "dnsPolicy", "ClusterFirst");
  setDefault(spec, "restartPolicy", "Always");
  if (!isObj(spec.securityContext)) spec.securityContext = {};
  setDefault(spec, "terminationGracePeriodSeconds", 30);
  setDefault(spec, "schedulerName", "default-scheduler");
  for (const c of objects(spec.containers)) defaultContainer(c);
  for (const c of objects(spec.initContainers)) defaultContainer(c);
  for (const v of objects(spec.volumes)) defaultVolume(v);
}

/** Fill in a workload's pod template: its spec, and the `creationTimestamp: null` its metadata shows. */
export function defaultPodTemplate(template: Obj): void {
  const meta = child(template, "metadata");
  if (meta.creationTimestamp === undefined) meta.creationTimestamp = null;
  defaultPodSpec(child(template, "spec"));
}
