// Namespace defaults: the name label (SetDefaults_Namespace), and the finalizer and phase the
// namespace strategy sets on create.
import { child, isObj, type Obj } from "./shape.ts";

/** Fill in a namespace's defaults. */
export function defaultNamespace(ns: Obj): void {
  const meta = child(ns, "metadata");
  const labels = child(meta, "labels");
  if (typeof meta.name === "string" && meta.name) labels["kubernetes.io/metadata.name"] = meta.name;
  const spec = child(ns, "spec");
  if (!Array.isArray(spec.finalizers)) spec.finalizers = ["kubernetes"];
  if (!isObj(ns.status)) ns.status = {};
  const status = ns.status as Obj;
  if (!status.phase) status.phase = "Active";
}
