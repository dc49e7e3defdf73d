import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { listNotes } from "./notes-files.ts";
import { runNote } from "./run-note.ts";

const rootDir = fileURLToPath(new URL("../../", import.meta.url));
const notes = listNotes(`${rootDir}notes`);

describe("notes", () => {
  it("finds at least one note", () => {
    expect(notes.length).toBeGreaterThan(0);
  });

  for (const path of notes) {
    it(`reproduces every saved output of ${path.slice(rootDir.length)}`, async () => {
      const run = await runNote(path, rootDir);
      for (const { cell, actual } of run.cells) {
        const where = `${run.file}, cell ${cell.index + 1} (line ${cell.node.position?.start.line})`;
        // Run `npm run notes:update` to rewrite saved outputs on purpose.
        expect(actual, `${where}: output differs from the saved output`).toBe(cell.savedOutput ?? "");
      }
    });
  }
});
