// Read `-f` manifests as kubectl's resource builder does: YAML or JSON, several documents, `List` kinds,
// and its error texts. Documents are yielded in order; a parse or validation error ends its file there.

import { parseAllDocuments } from "yaml";
import { type ResourceType, resourceForKind } from "../api/resources.ts";
import type { KubeObject } from "../api/types.ts";
import { goYamlMessage } from "../util/go-yaml-errors.ts";
import type { KubectlContext } from "./context.ts";

/** One item of a manifest stream: an object with its type, or an error line (without `error: `). */
export type ManifestItem =
  | { ok: true; obj: KubeObject; rt: ResourceType; source: string }
  | { ok: false; message: string; source: string };

/** A path that does not exist: kubectl checks every path before reading any. */
export class MissingPathError extends Error {}

const SCHEMA_HINT = "if you choose to ignore these errors, turn validation off with --validate=false";

/** Read every `-f` argument; throws MissingPathError before reading anything if a path is missing. */
export function readManifests(ctx: KubectlContext, paths: string[]): ManifestItem[] {
  const texts = paths.map((p) => {
    if (p === "-") return { source: "STDIN", text: ctx.stdin };
    const text = ctx.readFile(p);
    if (text === undefined) throw new MissingPathError(`the path "${p}" does not exist`);
    return { source: p, text };
  });
  return texts.flatMap(({ source, text }) => parseManifest(text, source));
}

/** Parse one file's text into items; stops at the first document that cannot be read. */
export function parseManifest(text: string, source: string): ManifestItem[] {
  const out: ManifestItem[] = [];
  // kubectl reads YAML through go-yaml v2, i.e. YAML 1.1: `0644` is octal and `yes`/`on` are booleans.
  for (const doc of parseAllDocuments(text, { uniqueKeys: false, version: "1.1" })) {
    const errors = doc.errors.filter((e) => e.code !== "DUPLICATE_KEY");
    if (errors.length > 0) {
      const base = docStartLine(text, errors[0].linePos?.[0]?.line ?? 1);
      out.push({
        ok: false,
        source,
        message: `error parsing ${source}: error converting YAML to JSON: yaml: ${goYamlMessage(errors, base)}`,
      });
      return out;
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    if (typeof value !== "object" || Array.isArray(value)) {
      const t = Array.isArray(value) ? "array" : typeof value === "boolean" ? "bool" : typeof value;
      out.push({
        ok: false,
        source,
        message: `error parsing ${source}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${t} into Go value of type map[string]interface {}`,
      });
      return out;
    }
    const obj = value as KubeObject;
    const objs = obj.kind === "List" && Array.isArray(obj.items) ? (obj.items as KubeObject[]) : [obj];
    for (const o of objs) {
      const item = toItem(o, source);
      out.push(item);
      if (!item.ok && item.message.startsWith("error validating")) return out;
    }
  }
  return out;
}

function toItem(obj: KubeObject, source: string): ManifestItem {
  const missing: string[] = [];
  if (!obj.apiVersion) missing.push("apiVersion not set");
  if (!obj.kind) missing.push("kind not set");
  if (missing.length > 0) {
    const detail = missing.length === 1 ? missing[0] : `[${missing.join(", ")}]`;
    return {
      ok: false,
      source,
      message: `error validating "${source}": error validating data: ${detail}; ${SCHEMA_HINT}`,
    };
  }
  obj.metadata ??= {};
  const rt = resourceForKind(String(obj.kind), String(obj.apiVersion));
  if (!rt) {
    const m = obj.metadata;
    return {
      ok: false,
      source,
      message: `resource mapping not found for name: "${m.name ?? ""}" namespace: "${m.namespace ?? ""}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`,
    };
  }
  return { ok: true, obj, rt, source };
}

// kubectl splits the stream at `---` lines and parses each document alone, so go-yaml's line numbers
// count from the document's first line. Returns the number of lines before the document.
function docStartLine(text: string, errorLine: number): number {
  const lines = text.split("\n");
  let base = 0;
  for (let i = 0; i < errorLine - 1 && i < lines.length; i++) if (/^---/.test(lines[i])) base = i + 1;
  return base;
}
