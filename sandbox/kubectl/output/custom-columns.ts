// `-o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image`.
import type { KubeObject } from "../../api/types.ts";
import { layoutRows } from "../printers/tabwriter.ts";
import { goV } from "./go-format.ts";
import { findJsonPathResults } from "./jsonpath.ts";
import { relaxedJsonPath } from "./relaxed-path.ts";

/** One custom column: its header as written and its JSONPath template. */
export interface CustomColumn {
  header: string;
  template: string;
}

/** Parse a custom-columns spec; throws kubectl's error for a malformed entry. */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec.length === 0) throw new Error("custom-columns format specified but no custom columns given");
  return spec.split(",").map((part) => {
    const colon = part.split(":");
    if (colon.length !== 2) {
      throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    }
    return { header: colon[0], template: relaxedJsonPath(colon[1]) };
  });
}

function cell(obj: KubeObject, template: string): string {
  const sets = findJsonPathResults(template, obj, true);
  const values: string[] = [];
  if (sets.length === 0 || sets[0].length === 0) values.push("<none>");
  for (const set of sets) for (const v of set) values.push(goV(v));
  return values.join(",");
}

/** Render objects with custom columns, laid out like kubectl tables (headers as given, not upper-cased). */
export function renderCustomColumns(
  objects: readonly KubeObject[],
  columns: readonly CustomColumn[],
  opts: { noHeaders?: boolean } = {},
): string {
  const rows = objects.map((o) => columns.map((c) => cell(o, c.template)));
  return layoutRows(opts.noHeaders ? rows : [columns.map((c) => c.header), ...rows]);
}
