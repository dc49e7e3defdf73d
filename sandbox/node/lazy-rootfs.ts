// A container root made only when someone first looks into it: until then reads of regular files are
// answered from the image template and file writes and touches wait in a list, replayed in order once the
// tree is made, so the tree is exactly what building it at once and applying them as they came gives.
import type { ContainerMount } from "./container-rootfs.ts";
import { FileTree, type FsNode, splitPath } from "./filesystem.ts";
import { copyTemplate } from "./rootfs-template.ts";

type Dir = FsNode & { kind: "dir" };

// A file write (content set) or a touch (content undefined) waiting for the tree.
interface Op {
  names: string[];
  now: number;
  content?: string;
  mode?: number;
}

// What the template says about a path without copying it: a node, nothing there, or "ask the real tree"
// (a symlink or a non-directory on the way, where resolving needs the whole machinery).
type Peek = FsNode | undefined | null;

// A mount set's split container paths and read-only marks, shared by every container with the same
// mounts (most pods' containers have the same five): frozen, never changed. Bounded like the argv table.
export interface MountPaths {
  paths: readonly (readonly string[])[];
  marks: readonly (readonly string[])[];
  /** The last image template the set was checked against (see createRootfs), and the answer. */
  checkedIn?: Dir;
  simple?: boolean;
}
const mountPaths = new Map<string, MountPaths>();

/** Give a mount set's split container paths and read-only marks, shared by every container with that set. */
export function sharedMountPaths(mounts: readonly ContainerMount[]): MountPaths {
  let key = "";
  for (const m of mounts) key += (m.readonly ? "\nr" : "\nw") + m.containerPath;
  let known = mountPaths.get(key);
  if (known === undefined) {
    const paths = Object.freeze(mounts.map((m) => Object.freeze(splitPath(m.containerPath).slice())));
    const marks = Object.freeze(paths.filter((_, i) => mounts[i].readonly));
    known = { paths, marks };
    if (mountPaths.size >= 10_000) mountPaths.clear();
    mountPaths.set(key, known);
  }
  return known;
}

/** Hold a container root that is copied from its image template and bind mounts when first read. */
export class LazyRootfs extends FileTree {
  private readonly t0: number;
  private template: Dir | undefined;
  // The host node each mount shows, found when the container was created.
  private found: readonly FsNode[] | undefined;
  // The mounts' container paths, split: anything at, under or above one reads the real tree.
  private paths: readonly (readonly string[])[] | undefined;
  private ops: Op[] | undefined;

  /** Make a root of an image template and mounts (none nested, see createRootfs) to lay out on first use. */
  constructor(
    now: number,
    template: Dir,
    mounts: readonly ContainerMount[],
    found: readonly FsNode[],
    shared = sharedMountPaths(mounts),
  ) {
    super(now, true);
    this.t0 = now;
    this.template = template;
    this.found = found;
    const { paths, marks } = shared;
    this.paths = paths;
    // Read-only marks apply at once, as the eager build's did; the list is shared (see mountReadOnly).
    if (marks.length > 0) this.readOnly = marks as string[][];
  }

  override mountReadOnly(path: string): void {
    // The marks may be a shared mount set's list: add to a copy of this root's own.
    this.readOnly = this.readOnly.slice();
    super.mountReadOnly(path);
  }

  override get root(): Dir {
    if (this.top === undefined) this.make();
    return this.top as Dir;
  }

  override peekFile(path: string): string | undefined {
    if (this.top === undefined) {
      const names = splitPath(path);
      const ops = this.ops;
      if (ops !== undefined)
        for (let i = ops.length - 1; i >= 0; i--)
          if (ops[i].content !== undefined && same(ops[i].names, names)) return ops[i].content;
      const node = this.peek(names);
      if (node !== null) return node?.kind === "file" ? node.content : undefined;
    }
    return super.peekFile(path);
  }

  override touch(path: string, now: number): void {
    if (this.top === undefined) {
      const names = splitPath(path);
      const written = this.ops?.some((op) => op.content !== undefined && same(op.names, names));
      if (written || this.peek(names)?.kind === "file") {
        this.wait({ names, now });
        return;
      }
    }
    super.touch(path, now);
  }

  override writeFile(path: string, content: string, now: number, mode?: number): void {
    if (this.top === undefined) {
      const names = splitPath(path);
      const node = names.length > 0 ? this.peek(names) : null;
      // Deferred only where the write is sure to succeed: a writable path in an existing directory.
      if (node !== null && node?.kind !== "dir" && this.peek(names.slice(0, -1))?.kind === "dir") {
        this.assertWritable(path);
        // A touch just before goes: the write replaces the touched node, which nobody could have seen.
        const ops = this.ops;
        const last = ops?.[ops.length - 1];
        if (ops && last && last.content === undefined && same(last.names, names)) ops.pop();
        this.wait({ names, now, content, mode });
        return;
      }
    }
    super.writeFile(path, content, now, mode);
  }

  override watch(dir: string, fn: () => void): () => void {
    if (this.top === undefined) this.make();
    return super.watch(dir, fn);
  }

  private wait(op: Op): void {
    op.names = op.names.slice();
    if (this.ops === undefined) this.ops = [op];
    else this.ops.push(op);
  }

  // Walk the template (no copies); null when the answer needs the real tree.
  private peek(names: readonly string[]): Peek {
    for (const m of this.paths ?? []) if (prefixRelated(m, names)) return null;
    for (const op of this.ops ?? [])
      if (op.names.length < names.length && prefixRelated(op.names, names)) return null;
    let node: FsNode = this.template as Dir;
    for (const name of names) {
      if (node.kind !== "dir") return null;
      const next = node.children.get(name);
      if (next === undefined) return undefined;
      if (next.kind === "symlink") return null;
      node = next;
    }
    return node;
  }

  // Lay out the tree, then replay what waited. Read-only marks are lifted while the mounts are placed, as
  // the eager build placed every mount before marking any.
  private make(): void {
    const template = this.template as Dir;
    const paths = this.paths ?? [];
    const found = this.found ?? [];
    this.template = undefined;
    this.found = undefined;
    this.paths = undefined;
    const root: Dir = { kind: "dir", mode: 0o755, mtimeMs: this.t0, children: new Map() };
    this.top = root;
    const marks = this.readOnly;
    this.readOnly = [];
    copyTemplate(template, root, this.t0);
    for (let i = 0; i < paths.length; i++) this.bind(`/${paths[i].join("/")}`, found[i], this.t0);
    this.readOnly = marks;
    const ops = this.ops ?? [];
    this.ops = undefined;
    for (const op of ops) {
      const path = `/${op.names.join("/")}`;
      if (op.content === undefined) super.touch(path, op.now);
      else super.writeFile(path, op.content, op.now, op.mode);
    }
  }
}

function same(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Tell whether one path is the other or lies under it. */
export function prefixRelated(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}
