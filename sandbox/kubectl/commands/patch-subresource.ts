// `kubectl patch --subresource=scale|status`: patch the autoscaling/v1 Scale of a workload, or only the
// status of an object, as the scale and status endpoints do.
import { type ResourceType, WITH_SCALE_SUBRESOURCE, WITH_STATUS_SUBRESOURCE } from "../../api/resources.ts";
import type { KubeObject, LabelSelector } from "../../api/types.ts";
import { invalid, invalidError, noSuchPath } from "../../apiserver/errors.ts";
import { selectorString } from "../printers/index.ts";
import type { Run } from "./common.ts";
import { changed, type PatchJob, patchLocally, patchOnServer } from "./patch-apply.ts";

/** What a patch produced: the object to print, its type, and whether anything changed. */
export interface Patched {
  obj: KubeObject;
  rt: ResourceType;
  didPatch: boolean;
}

const SCALE_TYPE: ResourceType = {
  plural: "scale",
  singular: "scale",
  kind: "Scale",
  group: "autoscaling",
  version: "v1",
  namespaced: true,
  shortNames: [],
  etcdPrefix: "",
  verbs: ["get", "patch", "update"],
};

interface Workload extends KubeObject {
  spec: { replicas?: number; selector?: LabelSelector };
  status?: { replicas?: number };
}

function scaleOf(w: Workload): KubeObject {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = w.metadata;
  return {
    kind: "Scale",
    apiVersion: "autoscaling/v1",
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: w.spec.replicas ?? 1 },
    status: { replicas: w.status?.replicas ?? 0, selector: selectorString(w.spec.selector) },
  } as KubeObject;
}

/** Patch a deployment's or replica set's Scale and write the new replica count back. */
export function patchScale(run: Run, job: PatchJob, rt: ResourceType, live: KubeObject): Patched {
  if (!WITH_SCALE_SUBRESOURCE.has(rt.plural)) throw noSuchPath();
  const scale = scaleOf(live as Workload);
  if (job.mode === "client") {
    const out = patchLocally(job, "Scale", scale);
    return { obj: out, rt: SCALE_TYPE, didPatch: changed(scale, out) };
  }
  const patched = patchOnServer(job, "Scale", scale) as KubeObject & { spec?: { replicas?: unknown } };
  const replicas = patched.spec?.replicas;
  if (typeof replicas !== "number" || replicas < 0) {
    throw invalidError("Scale", "autoscaling", live.metadata.name ?? "", [
      invalid("spec.replicas", replicas ?? null, "must be greater than or equal to 0"),
    ]);
  }
  if (replicas === (live as Workload).spec.replicas) return { obj: scale, rt: SCALE_TYPE, didPatch: false };
  const next = { ...(live as Workload), spec: { ...(live as Workload).spec, replicas } };
  const written = run.ctx.api.update<Workload>(rt.plural, next, { dryRun: job.mode === "server" });
  return { obj: scaleOf(written), rt: SCALE_TYPE, didPatch: true };
}

/** Patch an object through its status endpoint: only the patched status is kept. */
export function patchStatus(run: Run, job: PatchJob, rt: ResourceType, live: KubeObject): Patched {
  if (!WITH_STATUS_SUBRESOURCE.has(rt.plural)) throw noSuchPath();
  if (job.mode === "client") {
    const out = patchLocally(job, rt.kind, live);
    return { obj: out, rt: rt, didPatch: changed(live, out) };
  }
  const patched = patchOnServer(job, rt.kind, live);
  const next = { ...live, status: patched.status };
  if (!changed(next, live)) return { obj: live, rt: rt, didPatch: false };
  // Deviation: the model's status writes have no server dry run, so one prints the patched object unsaved.
  if (job.mode === "server") return { obj: next, rt: rt, didPatch: true };
  return { obj: run.ctx.api.updateStatus<KubeObject>(rt.plural, next), rt: rt, didPatch: true };
}
