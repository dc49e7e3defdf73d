// `kubectl run --overrides`: change the generated object with a JSON merge patch (the default), a
// strategic merge patch or a JSON patch, as kubectl's Overrider does before sending it.
import { applyPatch, type Json, PatchFailure } from "../patch/index.ts";
import { fail } from "./common.ts";

// How kubectl's libraries word a patch of the wrong shape, per patch type.
function decodeMessage(type: string, e: PatchFailure): string {
  if (type === "json") {
    const target = e.where === "item" ? "jsonpatch.Operation" : "jsonpatch.Patch";
    return `json: cannot unmarshal ${e.message} into Go value of type ${target}`;
  }
  return type === "strategic" ? "invalid JSON document" : "Invalid JSON Patch";
}

/** Apply `--overrides` of `--override-type` to a generated object; fails as kubectl does. */
export function applyOverrides<T>(obj: T, overrides: string, type: string): T {
  if (!overrides) return obj;
  if (type !== "" && type !== "merge" && type !== "strategic" && type !== "json") {
    return fail(`invalid override type: ${type}`);
  }
  let patch: Json;
  try {
    patch = JSON.parse(overrides) as Json;
  } catch {
    fail("Invalid JSON Patch");
  }
  const kind = (obj as { kind?: string }).kind ?? "";
  try {
    return applyPatch(type === "" ? "merge" : type, kind, obj as unknown as Json, patch) as T;
  } catch (e) {
    if (!(e instanceof PatchFailure)) throw e;
    fail(e.stage === "decode" ? decodeMessage(type, e) : e.message);
  }
}
