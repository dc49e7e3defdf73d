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
    // Only the first colon separates: the expression may hold more.
    const colon = part.indexOf(":");
    if (colon < 0) {
      throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    }
    return { header: part.slice(0, colon), template: relaxedJsonPath(part.slice(colon + 1)) };
  });
}

const FILE_FORMAT =
  "Expected format is one line of space separated headers, one line of space separated column specs.";

/** Parse a `-o custom-columns-file=` template: a line of headers, then a line of column specs. */
export function parseCustomColumnsFile(text: string): CustomColumn[] {
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  if (text === "") throw new Error(`invalid template, missing header line. ${FILE_FORMAT}`);
  if (lines.length < 2 || (lines.length === 2 && lines[1] === "")) {
    throw new Error(`invalid template, missing spec line. ${FILE_FORMAT}`);
  }
  const words = (l: string) => l.split(/\s+/).filter((w) => w !== "");
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length) {
    throw new Error(
      `number of headers (${headers.length}) and field specifications (${specs.length}) don't match`,
    );
  }
  return headers.map((header, i) => ({ header, template: relaxedJsonPath(specs[i]) }));
}

/** Render one object's cells for the columns (values joined by commas, `<none>` when nothing matches). */
export function customColumnCells(obj: KubeObject, columns: readonly CustomColumn[]): string[] {
  return columns.map((c) => {
    const sets = findJsonPathResults(c.template, obj, true);
    const values: string[] = [];
    if (sets.length === 0 || sets[0].length === 0) values.push("<none>");
    for (const set of sets) for (const v of set) values.push(escapeTerminal(goV(v)));
    return values.join(",");
  });
}

// cli-runtime's EscapeTerminal: ESC and CR in values must not reach the terminal raw.
function escapeTerminal(s: string): string {
  return s.replaceAll("\u001b", "^[").replaceAll("\r", "\\r");
}

/** Render objects with custom columns, laid out like kubectl tables (headers as given, not upper-cased). */
export function renderCustomColumns(
  objects: readonly KubeObject[],
  columns: readonly CustomColumn[],
  opts: { noHeaders?: boolean } = {},
): string {
  const rows = objects.map((o) => customColumnCells(o, columns));
  return layoutRows(opts.noHeaders ? rows : [columns.map((c) => c.header), ...rows]);
}
