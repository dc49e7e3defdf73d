// Rewrite the saved outputs of notes on purpose: `npm run notes:update [-- notes/pods.mdx ...]`.
// Runs each note's cells like the doc-tests do and writes what they printed back into the note.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { listNotes } from "../test/notes/notes-files.ts";
import { rewriteOutputs } from "../test/notes/rewrite-outputs.ts";
import { runNote } from "../test/notes/run-note.ts";

const rootDir = fileURLToPath(new URL("../", import.meta.url));
const asked = process.argv.slice(2).map((path) => resolve(path));
const notes = asked.length > 0 ? asked : listNotes(`${rootDir}notes`);

let changed = 0;
for (const path of notes) {
  const run = await runNote(path, rootDir);
  const updated = rewriteOutputs(run.source, run.cells);
  const differing = run.cells.filter(({ cell, actual }) => (cell.savedOutput ?? "") !== actual).length;
  if (updated !== run.source) {
    writeFileSync(path, updated);
    changed++;
  }
  console.log(`${run.file}: ${run.cells.length} cells, ${differing} output(s) updated`);
}
console.log(`${changed} note(s) rewritten`);
