// esbuild prints each import on its own statement at the top of a cell; those statements are
// swapped for plain bindings of the API object, keeping the line count so stack lines still match.

const IMPORT_FROM = /^import\s+([\s\S]*?)\s+from\s*(["'])([^"']+)\2;?/gm;
const BARE_IMPORT = /^import\s*(["'])([^"']+)\1;?/gm;
const EXPORT_LIST = /^export\s*\{[^}]*\};?/gm;
const EXPORT_DECL = /^export\s+(?=(?:const|let|var|function|async\s+function|class)\b)/gm;

/** Name the module cells import their API from. */
export const CELL_MODULE = "kubenotes";

function keepLines(original: string, replacement: string): string {
  return replacement + "\n".repeat(original.split("\n").length - 1);
}

function binding(clause: string, api: string): string {
  const parts: string[] = [];
  const named = /\{([\s\S]*)\}/.exec(clause);
  const head = clause
    .replace(/\{[\s\S]*\}/, "")
    .replace(/,\s*$/, "")
    .trim();
  if (head.startsWith("*")) parts.push(`const ${head.replace(/^\*\s*as\s+/, "")} = ${api};`);
  else if (head) parts.push(`const ${head} = ${api};`);
  if (named) {
    const names = named[1]
      .split(",")
      .map((n) => n.trim())
      .filter(Boolean)
      .map((n) => n.replace(/\s+as\s+/, ": "));
    parts.push(`const { ${names.join(", ")} } = ${api};`);
  }
  return parts.join(" ");
}

/** Turn a compiled cell's imports of "kubenotes" into bindings of `api`, and drop `export`s. */
export function rewriteCellImports(js: string, api: string): string {
  return js
    .replace(IMPORT_FROM, (all, clause: string, _q: string, from: string) => {
      if (from !== CELL_MODULE)
        throw new SyntaxError(`a cell can only import from "${CELL_MODULE}", not "${from}"`);
      return keepLines(all, binding(clause, api));
    })
    .replace(BARE_IMPORT, (all, _q: string, from: string) => {
      if (from !== CELL_MODULE)
        throw new SyntaxError(`a cell can only import from "${CELL_MODULE}", not "${from}"`);
      return keepLines(all, "");
    })
    .replace(EXPORT_LIST, (all) => keepLines(all, ""))
    .replace(EXPORT_DECL, "");
}
