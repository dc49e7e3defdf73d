import { mdxToJs, mdxToMdast } from "satteri";
import { describe, expect, it } from "vitest";
import { findCells, type MdNode } from "../../src/plugins/note-cells.ts";
import { remarkCells } from "../../src/plugins/remark-cells.ts";

const plugin = remarkCells({
  rootDir: "/repo",
  notesDir: "/repo/notes",
  cellComponent: "/repo/src/components/Cell.astro",
});

const NOTE = [
  "---",
  "title: Pods",
  "cluster: no-cni",
  "---",
  "",
  "# Pods",
  "",
  "```ts cell",
  'import { $ } from "kubenotes";',
  "await $`kubectl get pods`;",
  "```",
  "",
  "```text output",
  "No resources found in default namespace.",
  "```",
  "",
  "```ts cell",
  "const n: number = 1;",
  "```",
  "",
  "```text output",
  "stray",
  "```",
  "",
].join("\n");

async function compile(source: string, frontmatter: Record<string, unknown>, path = "/repo/notes/pods.mdx") {
  const result = await mdxToJs(source, {
    mdastPlugins: [plugin],
    fileURL: new URL(`file://${path}`),
    jsxImportSource: "astro",
    data: { astro: { frontmatter } },
  });
  return result.code;
}

describe("findCells", () => {
  it("pairs a cell with the output fence right after it", () => {
    const cells = findCells(mdxToMdast(NOTE) as MdNode);
    expect(cells.map((c) => [c.index, c.savedOutput])).toEqual([
      [0, "No resources found in default namespace."],
      [1, "stray"],
    ]);
  });

  it("leaves an output fence that follows no cell alone", () => {
    const source = "```text output\norphan\n```\n\n```ts cell\n1;\n```\n";
    const cells = findCells(mdxToMdast(source) as MdNode);
    expect(cells).toHaveLength(1);
    expect(cells[0].savedOutput).toBeNull();
  });

  it("finds cells nested in lists", () => {
    const source = "- step\n\n  ```ts cell\n  1;\n  ```\n";
    expect(findCells(mdxToMdast(source) as MdNode).map((c) => c.source)).toEqual(["1;"]);
  });
});

describe("remark-cells", () => {
  it("gives each cell a stable id from the note slug and its index", async () => {
    const code = await compile(NOTE, { title: "Pods", cluster: "no-cni" });
    expect(code).toContain('id: "pods#0"');
    expect(code).toContain('id: "pods#1"');
  });

  it("passes the saved output and drops the output fence from the page", async () => {
    const code = await compile(NOTE, { cluster: "no-cni" });
    expect(code).toContain('output: "No resources found in default namespace."');
    expect(code).not.toContain("language-text");
  });

  it("precompiles each cell with esbuild", async () => {
    const code = await compile(NOTE, { cluster: "no-cni" });
    expect(code).toContain('js: "const n = 1;\\n"');
  });

  it("wraps the note in one kn-notebook naming preset, note and cell count", async () => {
    const code = await compile(NOTE, { cluster: "no-cni" });
    expect(code).toMatch(/"data-preset": "no-cni",\s*"data-note": "pods",\s*"data-cells": "2"/);
  });

  it("names nested notes by their path under notes/", async () => {
    const code = await compile("```ts cell\n1;\n```\n", {}, "/repo/notes/day-0/pods.mdx");
    expect(code).toContain('id: "day-0/pods#0"');
    expect(code).toContain('"data-preset": "default"');
  });

  it("fails with file, line and column when a cell does not compile", async () => {
    const broken = NOTE.replace("const n: number = 1;", "const n x = 1;");
    await expect(compile(broken, {})).rejects.toThrow(
      'notes/pods.mdx:18:9: cell 2 does not compile: Expected ";" but found "x"',
    );
  });

  it("fails with the line of the field when the cluster preset is unknown", async () => {
    await expect(compile(NOTE.replace("no-cni", "nope"), { cluster: "nope" })).rejects.toThrow(
      /^notes\/pods\.mdx:3:10: unknown cluster preset "nope"/,
    );
  });

  it("leaves MDX outside notes/ alone", async () => {
    const code = await compile(NOTE, {}, "/repo/src/other.mdx");
    expect(code).not.toContain("KubenotesCell");
  });
});
