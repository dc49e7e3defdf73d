// Applying one `kubectl patch` to an object, as the API server does it or as kubectl itself does it
// (--dry-run=client, --local): the results agree, but the two word the same failure differently.
import type { KubeObject } from "../../api/types.ts";
import { badRequest, invalidRequest, type StatusError, unknownError } from "../../apiserver/errors.ts";
import { toCompactJson } from "../output/index.ts";
import { applyPatch, type Json, PatchFailure, type PatchType } from "../patch/index.ts";
import { CliError } from "./common.ts";

/** What every object of one `kubectl patch` is patched with. */
export interface PatchJob {
  type: PatchType;
  /** The decoded patch, or the failure decoding it (reported per object, as the server would). */
  patch: Json | PatchFailure;
  mode: "none" | "client" | "server";
}

/** The Status error the API server answers a failed patch with (field validation "Warn", the default). */
function serverPatchError(type: PatchType, e: PatchFailure): StatusError {
  const decoding = type === "strategic" ? "" : "error decoding patch: ";
  switch (e.stage) {
    case "syntax":
      return badRequest(`${decoding}${e.message}`);
    case "decode": {
      const target =
        type === "json"
          ? e.where === "item"
            ? "handlers.jsonPatchOp"
            : "[]handlers.jsonPatchOp"
          : "map[string]interface {}";
      return badRequest(`${decoding}json: cannot unmarshal ${e.message} into Go value of type ${target}`);
    }
    case "apply":
      // The server drops the library's message: a 422 with its generic text and empty details.
      return invalidRequest("the server rejected our request due to an error in our request");
    default:
      // Not a Status error in the server: it answers 500 without a reason.
      return unknownError(e.message);
  }
}

/** The message kubectl prints (after `error: `) when it applies a patch itself and it fails. */
function localPatchError(type: PatchType, e: PatchFailure): string {
  if (e.stage === "syntax" || e.stage === "decode") {
    if (type === "strategic") return "invalid JSON document";
    if (type === "merge") return "Invalid JSON Patch";
    if (e.stage === "syntax") return e.message;
    const target = e.where === "item" ? "jsonpatch.Operation" : "jsonpatch.Patch";
    return `json: cannot unmarshal ${e.message} into Go value of type ${target}`;
  }
  // kubectl rewords the library's "doc is missing key: <path>" (it keeps everything after "key: ").
  const at = e.message.indexOf("key:");
  if (e.message.includes("doc is missing key")) {
    return `Object to be patched is missing field (${e.message.slice(at + 5)})`;
  }
  return e.message;
}

function apply(job: PatchJob, kind: string, obj: KubeObject): KubeObject {
  if (job.patch instanceof PatchFailure) throw job.patch;
  return applyPatch(job.type, kind, obj as unknown as Json, job.patch) as unknown as KubeObject;
}

/** Patch an object as the API server does; throws the server's Status error. */
export function patchOnServer(job: PatchJob, kind: string, obj: KubeObject): KubeObject {
  try {
    return apply(job, kind, obj);
  } catch (e) {
    throw e instanceof PatchFailure ? serverPatchError(job.type, e) : e;
  }
}

/** Patch an object as kubectl does locally; throws kubectl's `error: ...` failure. */
export function patchLocally(job: PatchJob, kind: string, obj: KubeObject): KubeObject {
  try {
    return apply(job, kind, obj);
  } catch (e) {
    throw e instanceof PatchFailure ? new CliError(`error: ${localPatchError(job.type, e)}`) : e;
  }
}

/** Whether two objects differ in anything but the bookkeeping a write changes. */
export function changed(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => {
    const { resourceVersion: _r, generation: _g, managedFields: _m, ...meta } = o.metadata ?? {};
    return toCompactJson({ ...o, metadata: meta });
  };
  return strip(a) !== strip(b);
}
