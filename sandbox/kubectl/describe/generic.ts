// The generic describer kubectl falls back to for kinds without their own describer.
import type { Event, KubeObject } from "../../api/types.ts";
import { describeEvents } from "./events.ts";
import { cmp, printAnnotations, printLabels } from "./multiline.ts";
import { type DescribeWriter, tabbedString } from "./writer.ts";

const SKIP = new Set([
  ".metadata.managedFields",
  ".metadata.name",
  ".metadata.namespace",
  ".metadata.labels",
  ".metadata.annotations",
]);
const ACRONYMS = new Set(["API", "URL", "UID", "OSB", "GUID"]);

/** Describe any object as Name/Namespace/Labels/Annotations then its fields as an indented, titled dump. */
export function describeGeneric(obj: KubeObject, events: Event[] | null, now: number): string {
  return tabbedString((w) => {
    w.write(0, `Name:\t${obj.metadata.name ?? ""}\n`);
    w.write(0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
    printLabels(w, "Labels", obj.metadata.labels);
    printAnnotations(w, "Annotations", obj.metadata.annotations);
    printContent(w, 0, obj as Record<string, unknown>, "");
    if (events) describeEvents(w, events, now);
  });
}

function printContent(
  w: DescribeWriter,
  level: number,
  content: Record<string, unknown>,
  prefix: string,
): void {
  for (const field of Object.keys(content).sort(cmp)) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (value === undefined || SKIP.has(path)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (isMap(child)) printContent(w, level + 1, child, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else if (isMap(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value, path);
    } else {
      w.write(level, `${smartLabel(field)}:\t${goValue(value)}\n`);
    }
  }
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function goValue(v: unknown): string {
  return v === null ? "<nil>" : String(v);
}

/** Turn a camelCase field name into kubectl's title: `apiVersion` → `API Version`. */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return splitCamelCase(field)
    .filter((part) => part !== "_")
    .map((part) =>
      ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : part[0].toUpperCase() + part.slice(1),
    )
    .join(" ");
}

// The splitting rules of github.com/fatih/camelcase.
function splitCamelCase(src: string): string[] {
  const classOf = (ch: string) =>
    /\p{Ll}/u.test(ch) ? 1 : /\p{Lu}/u.test(ch) ? 2 : /\p{Nd}/u.test(ch) ? 3 : 4;
  const runs: string[][] = [];
  let last = 0;
  for (const ch of src) {
    const c = classOf(ch);
    if (c === last) runs[runs.length - 1].push(ch);
    else runs.push([ch]);
    last = c;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (classOf(runs[i][0]) === 2 && classOf(runs[i + 1][0]) === 1) {
      runs[i + 1].unshift(runs[i].pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(""));
}
