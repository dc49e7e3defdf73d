// The build step for cells. Astro 7 runs Markdown through satteri, whose mdast plugins see
// the same tree a remark plugin would; this is that plugin. Each ```ts cell fence (and the
// ```text output fence after it) becomes one <KubenotesCell> element, and the note's content
// is wrapped in one <kn-notebook> element naming its cluster preset.
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type {
  MdastNode,
  MdastPluginDefinition,
  MdastPluginEntry,
  MdxJsxFlowElement,
  PluginFactoryContext,
} from "satteri";
import { CellCompileError, compileCell } from "./compile-cell.ts";
import { highlightCell } from "./highlight-cell.ts";
import { cellCodeStart, findCells, type MdNode, NoteError, notePreset, noteSlug } from "./note-cells.ts";

/** Configure where notes live and which component renders a cell. */
export interface CellsPluginOptions {
  /** The repository root; error messages name files relative to it. */
  rootDir: string;
  /** The folder of notes; MDX outside it is left alone. */
  notesDir: string;
  /** Absolute path of the component that renders one cell (src/components/Cell.astro). */
  cellComponent: string;
}

const CELL_TAG = "KubenotesCell";

function attribute(name: string, value: string) {
  return { type: "mdxJsxAttribute" as const, name, value };
}

function offsetOf(node: MdNode): number {
  return node.position?.start.offset ?? -1;
}

/** Build the cells plugin: compile, highlight and wrap each cell of each note at build time. */
export function remarkCells(options: CellsPluginOptions): MdastPluginEntry {
  return ({ fileURL }: PluginFactoryContext) => {
    if (!fileURL) return undefined;
    const path = fileURLToPath(fileURL);
    const inNotes = relative(options.notesDir, path);
    if (inNotes.startsWith("..")) return undefined;
    return cellsPlugin(options, relative(options.rootDir, path), noteSlug(inNotes));
  };
}

function cellsPlugin(options: CellsPluginOptions, file: string, slug: string): MdastPluginDefinition {
  const elements = new Map<number, MdxJsxFlowElement>();
  const outputs = new Set<number>();
  let preset = "default";
  return {
    name: "kubenotes-cells",
    options: { position: true },
    async before(root, ctx) {
      const frontmatter = (ctx.data.astro as { frontmatter?: Record<string, unknown> } | undefined)
        ?.frontmatter;
      preset = notePreset(root as MdNode, frontmatter ?? {}, file);
      for (const cell of findCells(root as MdNode)) {
        const start = cellCodeStart(cell);
        let compiled: Awaited<ReturnType<typeof compileCell>>;
        try {
          compiled = await compileCell(cell.source);
        } catch (error) {
          if (!(error instanceof CellCompileError)) throw error;
          const at = { line: start.line + error.line - 1, column: start.column + error.column - 1 };
          throw new NoteError(file, at, `cell ${cell.index + 1} does not compile: ${error.reason}`);
        }
        const attributes = [
          attribute("index", String(cell.index)),
          attribute("id", `${slug}#${cell.index}`),
          attribute("source", cell.source),
          attribute("js", compiled.js),
          attribute("map", compiled.map),
          attribute("html", await highlightCell(cell.source)),
        ];
        if (cell.savedOutput !== null) attributes.push(attribute("output", cell.savedOutput));
        elements.set(offsetOf(cell.node), {
          type: "mdxJsxFlowElement",
          name: CELL_TAG,
          attributes,
          children: [],
        });
        if (cell.output) outputs.add(offsetOf(cell.output));
      }
    },
    code(node, ctx) {
      const key = offsetOf(node as MdNode);
      if (outputs.has(key)) ctx.removeNode(node);
      return elements.get(key);
    },
    after(root, ctx) {
      // Frontmatter and import/export statements must stay top-level; the rest is the notebook.
      const isTopLevel = (node: MdastNode) =>
        node.type === "yaml" || node.type === "toml" || node.type === "mdxjsEsm";
      const notebook: MdxJsxFlowElement = {
        type: "mdxJsxFlowElement",
        name: "kn-notebook",
        attributes: [
          attribute("class", "kn-notebook"),
          attribute("data-preset", preset),
          attribute("data-note", slug),
          attribute("data-cells", String(elements.size)),
        ],
        children: root.children.filter((node) => !isTopLevel(node)) as MdxJsxFlowElement["children"],
      };
      const esm = {
        type: "mdxjsEsm" as const,
        value: `import ${CELL_TAG} from ${JSON.stringify(options.cellComponent)};`,
      };
      const imports = elements.size > 0 ? [esm] : [];
      ctx.replaceNode(root, {
        type: "root",
        children: [...root.children.filter(isTopLevel), ...imports, notebook],
      });
    },
  };
}
