// Run a note's cells in Node the way the page runs them: one fresh cluster per note (its
// frontmatter preset), every cell in order, compiled by the same esbuild step as the site.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { mdxToMdast } from "satteri";
import { parse } from "yaml";
import { runCell } from "../../sandbox/cells/index.ts";
import { createCluster } from "../../sandbox/index.ts";
import { compileCell } from "../../src/plugins/compile-cell.ts";
import { findCells, type MdNode, type NoteCell, notePreset } from "../../src/plugins/note-cells.ts";
import { formatCellError } from "../../src/workers/error-position.ts";

/** One cell after running: what it printed, as a saved output would hold it. */
export interface CellRun {
  cell: NoteCell;
  actual: string;
}

/** A note read from disk and run. */
export interface NoteRun {
  file: string;
  source: string;
  preset: string;
  cells: CellRun[];
}

/** Parse a note into its Markdown tree, frontmatter and cells. */
export function readNote(path: string, rootDir: string) {
  const source = readFileSync(path, "utf8");
  const file = relative(rootDir, path);
  const root = mdxToMdast(source) as MdNode;
  const yamlNode = root.children?.find((node) => node.type === "yaml");
  const frontmatter = (yamlNode?.value ? parse(yamlNode.value) : {}) as Record<string, unknown>;
  return { file, source, root, preset: notePreset(root, frontmatter ?? {}, file), cells: findCells(root) };
}

/** Trim what a cell printed to what an output fence can hold: no trailing newlines. */
export function asSavedOutput(text: string): string {
  return text.replace(/\n+$/, "");
}

/** Run every cell of a note in order on one fresh cluster and collect what each printed. */
export async function runNote(path: string, rootDir: string): Promise<NoteRun> {
  const note = readNote(path, rootDir);
  const cluster = createCluster({ preset: note.preset });
  const cells: CellRun[] = [];
  for (const cell of note.cells) {
    let text = "";
    const write = (_stream: string, chunk: string) => {
      text += chunk;
    };
    const compiled = await compileCell(cell.source);
    try {
      await runCell(compiled.js, { cluster, write });
    } catch (error) {
      text += formatCellError(error, compiled.map);
    }
    cells.push({ cell, actual: asSavedOutput(text) });
  }
  return { file: note.file, source: note.source, preset: note.preset, cells };
}
