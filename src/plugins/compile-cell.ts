import { transform } from "esbuild";

// Keep these in step with the browser's compiler worker (src/workers/compiler.ts), so an
// unedited cell runs exactly as an edited copy of it would.
const TRANSFORM_OPTIONS = {
  loader: "ts",
  format: "esm",
  target: "es2022",
  sourcemap: "external",
  sourcefile: "cell.ts",
  sourcesContent: false,
} as const;

/** A cell compiled to JavaScript, with a v3 source map back to the cell's TypeScript. */
export interface CompiledCell {
  js: string;
  map: string;
}

/** Why a cell did not compile, at a 1-based line and column of the cell's own source. */
export class CellCompileError extends Error {
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  constructor(line: number, column: number, reason: string) {
    super(`${line}:${column}: ${reason}`);
    this.name = "CellCompileError";
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

/** Compile one cell's TypeScript with native esbuild, as the site ships it. */
export async function compileCell(source: string): Promise<CompiledCell> {
  try {
    const result = await transform(source, TRANSFORM_OPTIONS);
    // Compact JSON: the map ships inside the page next to the cell.
    return { js: result.code, map: JSON.stringify(JSON.parse(result.map)) };
  } catch (error) {
    const first = (
      error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }
    ).errors?.[0];
    if (!first) throw error;
    throw new CellCompileError(first.location?.line ?? 1, (first.location?.column ?? 0) + 1, first.text);
  }
}
