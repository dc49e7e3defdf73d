// Find cells in a note's Markdown tree. Works on any mdast-shaped tree: the one satteri hands
// the build plugin, or one parsed in Node by the doc-tests.
import { CLUSTER_PRESETS, isClusterPreset } from "../notes-schema.ts";

/** A point in a source file, 1-based like editors count. */
export interface SourcePoint {
  line: number;
  column: number;
  offset?: number;
}

/** The parts of an mdast node this module reads. */
export interface MdNode {
  type: string;
  lang?: string | null;
  meta?: string | null;
  value?: string;
  children?: readonly MdNode[];
  position?: { start: SourcePoint; end: SourcePoint };
}

/** One cell found in a note, with its saved output when it has one. */
export interface NoteCell {
  /** 0-based position among the note's cells. */
  index: number;
  source: string;
  node: MdNode;
  output: MdNode | null;
  /** The saved output text, or null when the cell has no output block. */
  savedOutput: string | null;
}

function hasWord(meta: string | null | undefined, word: string): boolean {
  return (meta ?? "").split(/\s+/).includes(word);
}

/** Tell whether a node is a ```ts cell fence. */
export function isCellFence(node: MdNode): boolean {
  return (
    node.type === "code" && (node.lang === "ts" || node.lang === "typescript") && hasWord(node.meta, "cell")
  );
}

/** Tell whether a node is a ```text output fence. */
export function isOutputFence(node: MdNode): boolean {
  return node.type === "code" && node.lang === "text" && hasWord(node.meta, "output");
}

/** List a note's cells in document order, each paired with the output fence right after it. */
export function findCells(root: MdNode): NoteCell[] {
  const cells: NoteCell[] = [];
  const walk = (parent: MdNode): void => {
    const children = parent.children ?? [];
    children.forEach((node, i) => {
      if (isCellFence(node)) {
        const next = children[i + 1];
        const output = next && isOutputFence(next) ? next : null;
        const savedOutput = output ? (output.value ?? "") : null;
        cells.push({ index: cells.length, source: node.value ?? "", node, output, savedOutput });
      } else if (node.children) {
        walk(node);
      }
    });
  };
  walk(root);
  return cells;
}

/** Return where a cell's first code line starts (the line after its opening fence). */
export function cellCodeStart(cell: NoteCell): SourcePoint {
  const start = cell.node.position?.start ?? { line: 1, column: 1 };
  return { line: start.line + 1, column: start.column };
}

/** A note problem with the file, line and column it is at. */
export class NoteError extends Error {
  constructor(file: string, at: SourcePoint, reason: string) {
    super(`${file}:${at.line}:${at.column}: ${reason}`);
    this.name = "NoteError";
  }
}

/** Check a note's `cluster` field and return its preset; throw a NoteError pointing at the field. */
export function notePreset(root: MdNode, frontmatter: Record<string, unknown>, file: string): string {
  const value = frontmatter.cluster;
  if (value === undefined) return "default";
  if (isClusterPreset(value)) return value;
  const yamlNode = root.children?.find((node) => node.type === "yaml");
  const lines = (yamlNode?.value ?? "").split("\n");
  const row = lines.findIndex((line) => /^cluster\s*:/.test(line));
  const line = (yamlNode?.position?.start.line ?? 1) + 1 + Math.max(row, 0);
  const column = row >= 0 ? (/^cluster\s*:\s*/.exec(lines[row])?.[0].length ?? 0) + 1 : 1;
  const expected = CLUSTER_PRESETS.join(", ");
  throw new NoteError(
    file,
    { line, column },
    `unknown cluster preset ${JSON.stringify(value)} (expected one of: ${expected}, N from 1 to 1000)`,
  );
}

/** Name a note by its path under notes/, without the extension: "pods", "day-0/pods". */
export function noteSlug(relativePath: string): string {
  return relativePath.replace(/\\/g, "/").replace(/\.mdx?$/, "");
}
