// What `kubectl wait --for=…` waits for: parse the flag and check one object against it (kubectl's wait package).
import type { KubeObject } from "../../api/types.ts";
import { findJsonPathResults, goV, relaxedJsonPath } from "../output/index.ts";
import { parseJsonPath } from "../output/jsonpath-parse.ts";
import { fail } from "./common.ts";

/** A parsed `--for`: deletion, creation, or a check run on each version of the object. */
export type WaitFor =
  | { kind: "delete" }
  | { kind: "create" }
  | { kind: "check"; check: (obj: KubeObject) => boolean };

/** Parse `--for` as kubectl's conditionFuncFor does, failing with its error texts. */
export function parseWaitFor(value: string): WaitFor {
  const lower = value.toLowerCase();
  if (lower === "delete") return { kind: "delete" };
  if (lower === "create") return { kind: "create" };
  if (value.startsWith("condition=")) {
    const spec = value.slice("condition=".length);
    const eq = spec.indexOf("=");
    const name = eq < 0 ? spec : spec.slice(0, eq);
    const want = eq < 0 ? "true" : spec.slice(eq + 1);
    return { kind: "check", check: (obj) => conditionMet(obj, name, want) };
  }
  if (value.startsWith("jsonpath=")) return jsonPathWait(value.slice("jsonpath=".length));
  return fail(`unrecognized condition: ${JSON.stringify(value)}`);
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

// A condition counts only once the controller has observed the object's current generation.
function conditionMet(obj: KubeObject, name: string, want: string): boolean {
  const status = (obj as { status?: { conditions?: unknown; observedGeneration?: number } }).status;
  const conditions = Array.isArray(status?.conditions) ? status.conditions : [];
  for (const c of conditions as Record<string, unknown>[]) {
    if (typeof c.type !== "string" || !same(c.type, name) || typeof c.status !== "string") continue;
    const generation = obj.metadata.generation;
    const observed =
      typeof c.observedGeneration === "number" ? c.observedGeneration : status?.observedGeneration;
    if (generation !== undefined && observed !== undefined && observed < generation) return false;
    return same(c.status, want);
  }
  return false;
}

// Split on single `=`; `==` stays inside a part (kubectl's splitJSONPathInput).
function splitOnEquals(input: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < input.length; i++) {
    if (input[i] !== "=") cur += input[i];
    else if (input[i + 1] === "=") {
      cur += "==";
      i++;
    } else {
      out.push(cur);
      cur = "";
    }
  }
  return [...out, cur];
}

function jsonPathWait(input: string): WaitFor {
  const parts = splitOnEquals(input);
  if (parts.length > 2)
    fail(
      "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
    );
  let template: string;
  try {
    template = relaxedJsonPath(parts[0]);
  } catch (e) {
    return fail((e as Error).message);
  }
  const want = parts.length === 2 ? parts[1].replace(/^['"]+|['"]+$/g, "") : undefined;
  if (want === "")
    fail(
      "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
    );
  if (template === "") fail("jsonpath expression cannot be empty");
  try {
    parseJsonPath(template);
  } catch (e) {
    fail((e as Error).message);
  }
  return { kind: "check", check: (obj) => jsonPathMet(template, obj, want) };
}

function jsonPathMet(template: string, obj: KubeObject, want: string | undefined): boolean {
  const sets = findJsonPathResults(template, obj, true);
  if (sets.length === 0 || sets[0].length === 0) return false;
  if (sets.length > 1) fail("given jsonpath expression matches more than one list");
  if (sets[0].length > 1) fail("given jsonpath expression matches more than one value");
  if (want === undefined) return true;
  const v = sets[0][0];
  if (typeof v === "object" && v !== null)
    fail("jsonpath leads to a nested object or list which is not supported");
  return goV(v).trim() === want.trim();
}
