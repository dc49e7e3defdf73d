import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkNoteArgs, fillTemplate, newNote } from "../../scripts/new-note.ts";
import { runNote } from "./run-note.ts";

const rootDir = fileURLToPath(new URL("../../", import.meta.url));
const template = readFileSync(join(rootDir, "notes", "_template.mdx"), "utf8");

function scratchRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), "kubenotes-new-note-"));
  mkdirSync(join(dir, "notes"));
  writeFileSync(join(dir, "notes", "_template.mdx"), template);
  return dir;
}

describe("npm run note:new", () => {
  it("writes notes/<slug>.mdx with the title in its frontmatter", () => {
    const root = scratchRoot();
    const path = newNote(root, "pod-lifecycle", "Pod lifecycle");
    expect(path).toBe(join(root, "notes", "pod-lifecycle.mdx"));
    const text = readFileSync(path, "utf8");
    expect(text).toMatch(/^---\ntitle: "Pod lifecycle"\n/);
    expect(text).toContain("npm run notes:update -- notes/pod-lifecycle.mdx");
    expect(text).not.toContain("__");
  });

  it("quotes a title with double quotes so the frontmatter stays valid YAML", () => {
    expect(fillTemplate('title: "__TITLE__"', "x", 'The "pause" container')).toBe(
      'title: "The \\"pause\\" container"',
    );
  });

  it("refuses a slug that is not kebab-case", () => {
    expect(checkNoteArgs("My Topic", "t")).toMatch(/^bad slug "My Topic"/);
  });

  it("prints usage when the title is missing", () => {
    expect(checkNoteArgs("topic", undefined)).toMatch(/^usage: npm run note:new/);
  });

  it("refuses to overwrite an existing note", () => {
    const root = scratchRoot();
    newNote(root, "twice", "Once");
    expect(() => newNote(root, "twice", "Again")).toThrow("notes/twice.mdx already exists");
  });

  it("scaffolds a note whose cells all run on their cluster", async () => {
    const root = scratchRoot();
    const path = newNote(root, "runs", "Runs");
    const run = await runNote(path, root);
    expect(run.preset).toBe("default");
    expect(run.cells.map((c) => c.actual)).toEqual([
      expect.stringContaining("controlplane   Ready"),
      expect.stringContaining("+- node01"),
      "✓ the cluster has 3 nodes.",
    ]);
  });
});
