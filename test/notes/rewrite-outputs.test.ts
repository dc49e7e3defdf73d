import { mdxToMdast } from "satteri";
import { describe, expect, it } from "vitest";
import { findCells, type MdNode } from "../../src/plugins/note-cells.ts";
import { rewriteOutputs } from "./rewrite-outputs.ts";

function rewrite(source: string, outputs: string[]): string {
  const cells = findCells(mdxToMdast(source) as MdNode);
  return rewriteOutputs(
    source,
    cells.map((cell, i) => ({ cell, actual: outputs[i] })),
  );
}

describe("notes:update", () => {
  it("replaces a saved output that changed", () => {
    const source = "```ts cell\n1;\n```\n\n```text output\nold\n```\n";
    expect(rewrite(source, ["new\nlines"])).toBe("```ts cell\n1;\n```\n\n```text output\nnew\nlines\n```\n");
  });

  it("adds an output fence after a cell that had none", () => {
    expect(rewrite("```ts cell\n1;\n```\n\nText.\n", ["out"])).toBe(
      "```ts cell\n1;\n```\n\n```text output\nout\n```\n\nText.\n",
    );
  });

  it("removes the output fence of a cell that now prints nothing", () => {
    expect(rewrite("```ts cell\n1;\n```\n\n```text output\nold\n```\n\nText.\n", [""])).toBe(
      "```ts cell\n1;\n```\n\nText.\n",
    );
  });

  it("indents the output like a cell nested in a list", () => {
    expect(rewrite("- step\n\n  ```ts cell\n  1;\n  ```\n", ["a\nb"])).toBe(
      "- step\n\n  ```ts cell\n  1;\n  ```\n\n  ```text output\n  a\n  b\n  ```\n",
    );
  });

  it("uses a longer fence when the output holds backticks", () => {
    expect(rewrite("```ts cell\n1;\n```\n", ["```"])).toBe(
      "```ts cell\n1;\n```\n\n````text output\n```\n````\n",
    );
  });
});
