// A small in-memory file tree: directories, files and symlinks with modes and times.

/** A directory entry. */
export type FsNode =
  | { kind: "dir"; mode: number; mtimeMs: number; children: Map<string, FsNode>; tmpfs?: boolean }
  | { kind: "file"; mode: number; mtimeMs: number; content: string }
  | { kind: "symlink"; mode: number; mtimeMs: number; target: string };

/** A failed file operation, worded as the kernel's errno text. */
export class FsError extends Error {
  readonly code: "ENOENT" | "ENOTDIR" | "EISDIR" | "EEXIST" | "EROFS";
  readonly path: string;

  constructor(code: FsError["code"], path: string) {
    super(FsError.text(code));
    this.code = code;
    this.path = path;
  }

  /** Give the strerror text for a code. */
  static text(code: FsError["code"]): string {
    return {
      ENOENT: "No such file or directory",
      ENOTDIR: "Not a directory",
      EISDIR: "Is a directory",
      EEXIST: "File exists",
      EROFS: "Read-only file system",
    }[code];
  }
}

/** Split an absolute path into its names, resolving `.` and `..`. */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(intern(part));
  }
  return out;
}

// Every container's tree repeats the same short names (etc, usr, share, nginx...): keep one copy of each.
const interned = new Map<string, string>();
function intern(name: string): string {
  if (name.length > 16) return name;
  const known = interned.get(name);
  if (known !== undefined) return known;
  if (interned.size < 20_000) interned.set(name, name);
  return name;
}

/** Join a relative symlink target to the directory holding the link. */
function linkTarget(dirNames: readonly string[], target: string): string {
  return target.startsWith("/") ? target : `/${dirNames.join("/")}/${target}`;
}

/** An in-memory tree rooted at `/`. */
export class FileTree {
  readonly root: FsNode & { kind: "dir" };
  // Paths mounted read-only in this tree (a container's view); the same nodes stay writable elsewhere.
  private readonly readOnly: string[][] = [];

  constructor(now: number) {
    if (!Number.isFinite(now)) throw new Error("FileTree: now must be a number (ms since epoch)");
    this.root = { kind: "dir", mode: 0o755, mtimeMs: now, children: new Map() };
  }

  /** Find a node, following symlinks except (optionally) the last component. */
  lookup(path: string, followLast = true, depth = 0): FsNode {
    if (depth > 8) throw new FsError("ENOENT", path);
    const names = splitPath(path);
    let node: FsNode = this.root;
    for (let i = 0; i < names.length; i++) {
      if (node.kind === "symlink") node = this.lookup(node.target, true, depth + 1);
      if (node.kind !== "dir") throw new FsError("ENOTDIR", path);
      const next = node.children.get(names[i]);
      if (!next) throw new FsError("ENOENT", path);
      node = next;
      if (node.kind === "symlink" && (i < names.length - 1 || followLast))
        node = this.lookup(linkTarget(names.slice(0, i), node.target), true, depth + 1);
    }
    return node;
  }

  /** Tell whether a path exists. */
  exists(path: string): boolean {
    // Walk without building exceptions; only a path through a symlink needs the full lookup.
    let node: FsNode = this.root;
    let plain = true;
    for (const name of splitPath(path)) {
      if (node.kind === "symlink") {
        plain = false;
        break;
      }
      if (node.kind !== "dir") return false;
      const next = node.children.get(name);
      if (!next) return false;
      node = next;
    }
    if (plain && node.kind !== "symlink") return true;
    try {
      this.lookup(path);
      return true;
    } catch {
      return false;
    }
  }

  /** Mark a path (and everything under it) read-only in this tree, as a `ro` bind mount does. */
  mountReadOnly(path: string): void {
    this.readOnly.push(splitPath(path));
  }

  /** Throw EROFS when a path lies under a read-only mount of this tree. */
  assertWritable(path: string): void {
    if (this.readOnly.length === 0) return;
    const names = splitPath(path);
    for (const ro of this.readOnly)
      if (ro.length <= names.length && ro.every((n, i) => names[i] === n)) throw new FsError("EROFS", path);
  }

  /** Create a directory and its parents. */
  mkdirp(path: string, now: number, mode = 0o755): void {
    let node: FsNode = this.root;
    const names = splitPath(path);
    for (let i = 0; i < names.length; i++) {
      if (node.kind !== "dir") throw new FsError("ENOTDIR", path);
      let next = node.children.get(names[i]);
      if (!next) {
        this.assertWritable(path);
        next = {
          kind: "dir",
          mode,
          mtimeMs: now,
          children: new Map(),
          ...(node.tmpfs ? { tmpfs: true } : {}),
        };
        node.children.set(names[i], next);
      }
      node = next.kind === "symlink" ? this.lookup(linkTarget(names.slice(0, i), next.target)) : next;
    }
  }

  private parentOf(path: string): { dir: FsNode & { kind: "dir" }; name: string } {
    const names = splitPath(path);
    const name = names.pop();
    if (name === undefined) throw new FsError("EISDIR", path);
    const dir = this.lookup(`/${names.join("/")}`);
    if (dir.kind !== "dir") throw new FsError("ENOTDIR", path);
    return { dir, name };
  }

  /** Write (create or replace) a file; the parent directory must exist. */
  writeFile(path: string, content: string, now: number, mode?: number): void {
    this.assertWritable(path);
    const { dir, name } = this.parentOf(path);
    const old = dir.children.get(name);
    if (old?.kind === "dir") throw new FsError("EISDIR", path);
    dir.children.set(name, {
      kind: "file",
      mode: mode ?? (old?.kind === "file" ? old.mode : 0o644),
      mtimeMs: now,
      content,
    });
    dir.mtimeMs = now;
  }

  /** Append to a file, creating it when missing. */
  appendFile(path: string, content: string, now: number): void {
    let before = "";
    try {
      before = this.readFile(path);
    } catch (e) {
      if (!(e instanceof FsError) || e.code !== "ENOENT") throw e;
    }
    this.writeFile(path, before + content, now);
  }

  /** Read a file's content. */
  readFile(path: string): string {
    const node = this.lookup(path);
    if (node.kind === "dir") throw new FsError("EISDIR", path);
    if (node.kind !== "file") throw new FsError("ENOENT", path);
    return node.content;
  }

  /** Create a symlink. */
  symlink(target: string, path: string, now: number): void {
    this.assertWritable(path);
    const { dir, name } = this.parentOf(path);
    if (dir.children.has(name)) throw new FsError("EEXIST", path);
    dir.children.set(name, { kind: "symlink", mode: 0o777, mtimeMs: now, target });
  }

  /** Remove a file, symlink or directory tree; returns false when missing, throws EROFS when read-only. */
  remove(path: string): boolean {
    this.assertWritable(path);
    try {
      const { dir, name } = this.parentOf(path);
      return dir.children.delete(name);
    } catch {
      return false;
    }
  }

  /** Move a node to a new path (rename); the target's parent must exist. */
  rename(from: string, to: string, now: number): void {
    this.assertWritable(from);
    this.assertWritable(to);
    const src = this.parentOf(from);
    const node = src.dir.children.get(src.name);
    if (!node) throw new FsError("ENOENT", from);
    const dst = this.parentOf(to);
    const old = dst.dir.children.get(dst.name);
    if (old?.kind === "dir" && node.kind !== "dir") throw new FsError("EISDIR", to);
    src.dir.children.delete(src.name);
    dst.dir.children.set(dst.name, node);
    src.dir.mtimeMs = now;
    dst.dir.mtimeMs = now;
  }

  /** Place an existing node (e.g. another tree's directory) at a path, as a bind mount does. */
  bind(path: string, node: FsNode, now: number): void {
    const names = splitPath(path);
    const name = names.pop();
    if (name === undefined) throw new FsError("EEXIST", path);
    this.assertWritable(path);
    this.mkdirp(`/${names.join("/")}`, now);
    const { dir } = this.parentOf(path);
    dir.children.set(name, node);
  }

  /** List a directory's entry names in byte order. */
  list(path: string): string[] {
    const node = this.lookup(path);
    if (node.kind !== "dir") throw new FsError("ENOTDIR", path);
    return [...node.children.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}
