import { createCellApi } from "./api.ts";
import { formatValues } from "./format.ts";
import { rewriteCellImports } from "./imports.ts";
import type { CellEnv, CellWrite } from "./types.ts";

type AsyncFunctionConstructor = new (...args: string[]) => (...args: unknown[]) => Promise<unknown>;

// The constructor of async functions is not a global; borrowing it lets top-level await work.
const AsyncFunction = (async () => {}).constructor as AsyncFunctionConstructor;

/** Name the parameter the API object is passed in as; cells never see it unless they import. */
export const CELL_API_PARAM = "__kubenotes";

/**
 * Lines before a cell's first line in the function `runCell` builds ("async function
 * anonymous(...\n) {\n"); subtract them from a stack line to get the compiled cell's line.
 */
export const CELL_HEADER_LINES = 2;

type CellConsole = Record<"log" | "info" | "debug" | "warn" | "error", (...values: unknown[]) => void>;

function cellConsole(write: CellWrite): CellConsole {
  const out = (...values: unknown[]) => write("stdout", formatValues(values));
  const err = (...values: unknown[]) => write("stderr", formatValues(values));
  return { log: out, info: out, debug: out, warn: err, error: err };
}

/**
 * Run one compiled cell (esbuild ESM output) against a cluster, sending what it prints to
 * `env.write`. Rejects with whatever the cell threw, stack lines relative to the function
 * header (see CELL_HEADER_LINES), so the caller can point at the cell's own line.
 */
export async function runCell(js: string, env: CellEnv): Promise<void> {
  const body = rewriteCellImports(js, CELL_API_PARAM);
  const cell = new AsyncFunction(CELL_API_PARAM, "console", body);
  await cell(createCellApi(env), cellConsole(env.write));
}
