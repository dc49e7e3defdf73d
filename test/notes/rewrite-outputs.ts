import type { CellRun } from "./run-note.ts";

function fence(text: string, indent: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(Math.max(3, longest + 1));
  const body = text === "" ? [] : text.split("\n");
  return [`${ticks}text output`, ...body, ticks]
    .map((line, i) => (i === 0 || line === "" ? line : indent + line))
    .join("\n");
}

/** Rewrite a note's source so each cell's output fence holds what the cell printed. */
export function rewriteOutputs(source: string, runs: readonly CellRun[]): string {
  let text = source;
  // From the end, so earlier offsets stay valid while later parts change.
  for (const { cell, actual } of [...runs].reverse()) {
    const start = cell.node.position?.start;
    const end = cell.node.position?.end;
    if (start?.offset === undefined || end?.offset === undefined) continue;
    const indent = " ".repeat(start.column - 1);
    const output = cell.output?.position;
    if (output?.start.offset !== undefined && output.end.offset !== undefined) {
      if (cell.savedOutput === actual) continue;
      // An empty output drops the fence and the blank line before it.
      text =
        actual === ""
          ? text.slice(0, end.offset) + text.slice(output.end.offset)
          : text.slice(0, output.start.offset) + fence(actual, indent) + text.slice(output.end.offset);
    } else if (actual !== "") {
      text = `${text.slice(0, end.offset)}\n\n${indent}${fence(actual, indent)}${text.slice(end.offset)}`;
    }
  }
  return text;
}
