/** Run a compiled cell as a blob: module, so the kernel needs no 'unsafe-eval' in the page's policy. */
import {
  CELL_API_PARAM,
  type CellEnv,
  type CellWrite,
  createCellApi,
  formatValues,
  rewriteCellImports,
} from "../../sandbox/cells/index.ts";

/** Name cell modules in stack traces (a sourceURL comment; error-position.ts matches it). */
export const CELL_MODULE_NAME = "kubenotes-cell.js";

/** Count the lines before a cell's first line in the module `runCellModule` builds. */
export const CELL_MODULE_HEADER_LINES = 1;

type CellFunction = (api: unknown, console: unknown) => Promise<unknown>;

function cellConsole(write: CellWrite) {
  const out = (...values: unknown[]) => write("stdout", formatValues(values));
  const err = (...values: unknown[]) => write("stderr", formatValues(values));
  return { log: out, info: out, debug: out, warn: err, error: err };
}

// The kernel worker inherits the page's CSP, which forbids evaluating strings; a blob: module
// (script-src blob:) runs the cell instead. Unlike sandbox's runCell (an AsyncFunction, used by
// the Node doc-tests) the body is module code, so strict mode, as TypeScript modules are anyway.
/** Run one compiled cell against a cluster; rejects with whatever the cell threw. */
export async function runCellModule(js: string, env: CellEnv): Promise<void> {
  const body = rewriteCellImports(js, CELL_API_PARAM);
  const source = `export default async function cell(${CELL_API_PARAM}, console) {\n${body}\n}\n//# sourceURL=${CELL_MODULE_NAME}\n`;
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  let cell: CellFunction;
  try {
    cell = ((await import(/* @vite-ignore */ url)) as { default: CellFunction }).default;
  } finally {
    URL.revokeObjectURL(url);
  }
  await cell(createCellApi(env), cellConsole(env.write));
}
