// Patches as kubectl and the API server apply them: JSON merge patch (RFC 7386), strategic merge patch
// and JSON patch (RFC 6902), over decoded JSON. Used by `kubectl patch` and `kubectl run --overrides`.
//
//   parsePatchText(text)                       YAML or JSON text -> JSON (apimachinery's yaml.ToJSON)
//   applyPatch(type, kind, doc, patch)         -> patched copy; throws PatchFailure
import { parseAllDocuments } from "yaml";
import { clone } from "../../util/clone.ts";
import { goYamlMessage } from "../../util/go-yaml-errors.ts";
import { parseGoJson } from "./go-json.ts";
import { applyJsonPatch } from "./json-patch.ts";
import { strategicMergePatch } from "./strategic.ts";
import { isMap, type Json, type JsonMap, jsonType, PatchFailure } from "./types.ts";

export { listMerge } from "./merge-keys.ts";
export { isMap, type Json, type JsonMap, jsonType, PatchFailure } from "./types.ts";
export { applyJsonPatch, strategicMergePatch };

/** The three patch types `kubectl patch --type` accepts. */
export type PatchType = "json" | "merge" | "strategic";

// evanphx/json-patch's MergePatch: a null deletes, values new to the document lose their nulls.
function pruneNulls(v: Json): Json {
  if (Array.isArray(v)) return v.map(pruneNulls);
  if (!isMap(v)) return v;
  const out: JsonMap = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = pruneNulls(x);
  return out;
}

function mergeInto(target: JsonMap, patch: JsonMap): JsonMap {
  const out: JsonMap = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    const cur = out[k];
    if (v === null) delete out[k];
    else if (isMap(cur) && isMap(v)) out[k] = mergeInto(cur, v);
    else out[k] = pruneNulls(v);
  }
  return out;
}

/** Apply an RFC 7386 JSON merge patch to a copy of `doc`; throws PatchFailure "decode" for a non-object. */
export function mergePatch(doc: Json, patch: Json): Json {
  if (!isMap(patch)) throw new PatchFailure("decode", jsonType(patch), "map");
  return mergeInto(isMap(doc) ? clone(doc) : {}, patch);
}

/** Apply a patch of `type` to a copy of `doc`, an object of `kind` (strategic merge keys depend on it). */
export function applyPatch(type: PatchType, kind: string, doc: Json, patch: Json): Json {
  if (type === "json") return applyJsonPatch(doc, patch);
  if (type === "merge") return mergePatch(doc, patch);
  return strategicMergePatch(kind, doc, patch);
}

/**
 * Turn patch text into JSON as apimachinery's yaml.ToJSON does: text starting with `{` is JSON (a
 * syntax error throws PatchFailure "syntax" with Go's wording, which kubectl leaves to the server to
 * report); anything else is YAML 1.1 (an error throws Error with go-yaml's `yaml: ...` wording).
 */
export function parsePatchText(text: string): Json {
  if (text.trimStart().startsWith("{")) {
    try {
      return parseGoJson(text) as Json;
    } catch (e) {
      throw new PatchFailure("syntax", (e as Error).message);
    }
  }
  const [doc] = parseAllDocuments(text, { uniqueKeys: false, version: "1.1" });
  if (!doc) return null;
  const errors = doc.errors.filter((e) => e.code !== "DUPLICATE_KEY");
  if (errors.length > 0) {
    // An unclosed flow collection fails at the end of the text, whose 0-based line go-yaml names.
    const flow = /^Flow (sequence|map) must end/.exec(errors[0].message);
    const endLine = text.split("\n").length - 1;
    if (flow) {
      const at = endLine > 0 ? `line ${endLine}: ` : "";
      throw new Error(`yaml: ${at}did not find expected ',' or '${flow[1] === "map" ? "}" : "]"}'`);
    }
    const msg = goYamlMessage(errors, 0);
    // go-yaml names no line for a problem on the first line of the text.
    throw new Error(`yaml: ${text.includes("\n") ? msg : msg.replace(/^line \d+: /, "")}`);
  }
  return (doc.toJS() ?? null) as Json;
}
