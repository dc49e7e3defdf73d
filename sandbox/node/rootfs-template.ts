// An image's part of a container root (skeleton plus image files), built once per files list and copied
// into each container's tree one directory level at a time, when that level is first looked into.
import type { ImageFile } from "../images/types.ts";
import { FileTree, type FsNode } from "./filesystem.ts";

type Dir = FsNode & { kind: "dir" };

// The template is built with this time in place of the container's start time; a copy substitutes it.
const STAMP = -0.5;
const templates = new WeakMap<readonly ImageFile[], Dir | null>();

/** The image's template root for a files list, or null when it must be built directly. */
export function imageTemplate(
  files: readonly ImageFile[],
  fill: (fs: FileTree, now: number, files: readonly ImageFile[]) => void,
): Dir | null {
  const known = templates.get(files);
  if (known !== undefined) return known;
  // A layer time equal to the sentinel could not be told apart from the start time: build directly.
  let built: Dir | null = null;
  if (!files.some((f) => f.mtime * 1000 === STAMP)) {
    const fs = new FileTree(STAMP);
    fill(fs, STAMP, files);
    built = fs.root;
  }
  templates.set(files, built);
  return built;
}

/** Give a container's root the template root's mode, time and (lazily copied) entries. */
export function copyTemplate(template: Dir, root: Dir, now: number): void {
  root.mode = template.mode;
  root.mtimeMs = timeOf(template, now);
  for (const [name, n] of template.children) root.children.set(name, copyNode(n, now));
}

function timeOf(n: FsNode, now: number): number {
  return n.mtimeMs === STAMP ? now : n.mtimeMs;
}

function copyNode(n: FsNode, now: number): FsNode {
  if (n.kind === "file") return { kind: "file", mode: n.mode, mtimeMs: timeOf(n, now), content: n.content };
  if (n.kind === "symlink")
    return { kind: "symlink", mode: n.mode, mtimeMs: timeOf(n, now), target: n.target };
  return new LazyDir(n, now);
}

// A copied directory whose entries are copied from the template the first time anyone reads `children`:
// most of an image's directories are never listed or walked into, so they never get a Map of their own.
// Every reader and writer reaches entries through `children`, so the copy is made before any use.
class LazyDir {
  readonly kind = "dir" as const;
  mode: number;
  mtimeMs: number;
  private src: Dir | undefined;
  private readonly now: number;
  private map: Map<string, FsNode> | undefined = undefined;

  constructor(src: Dir, now: number) {
    this.mode = src.mode;
    this.mtimeMs = timeOf(src, now);
    this.src = src;
    this.now = now;
  }

  get children(): Map<string, FsNode> {
    if (this.map === undefined) {
      const map = new Map<string, FsNode>();
      for (const [name, n] of (this.src as Dir).children) map.set(name, copyNode(n, this.now));
      this.map = map;
      this.src = undefined;
    }
    return this.map;
  }
}
