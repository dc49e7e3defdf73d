// A small in-memory file tree: directories, files and symlinks with modes and times.
import { flatJoin } from "../util/flat-string.ts";

/** A directory entry. */
export type FsNode =
  | { kind: "dir"; mode: number; mtimeMs: number; children: Map<string, FsNode>; tmpfs?: boolean }
  | { kind: "file"; mode: number; mtimeMs: number; content: string }
  | { kind: "symlink"; mode: number; mtimeMs: number; target: string };

const ERRNO_TEXT = {
  ENOENT: "No such file or directory",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  EEXIST: "File exists",
  EROFS: "Read-only file system",
} as const;

// V8's knob for stack capture; other engines lack it and always capture.
const ErrorClass = Error as ErrorConstructor & { stackTraceLimit?: number };

/** A failed file operation, worded as the kernel's errno text. */
export class FsError extends Error {
  readonly code: keyof typeof ERRNO_TEXT;
  readonly path: string;

  constructor(code: FsError["code"], path: string) {
    // Shells and tools throw these for every missing file and show only the message: a stack trace is
    // pure cost (capturing one is most of building the error).
    const limit = ErrorClass.stackTraceLimit;
    if (typeof limit === "number") ErrorClass.stackTraceLimit = 0;
    super(ERRNO_TEXT[code]);
    if (typeof limit === "number") ErrorClass.stackTraceLimit = limit;
    this.code = code;
    this.path = path;
  }

  /** Give the strerror text for a code. */
  static text(code: FsError["code"]): string {
    return ERRNO_TEXT[code];
  }
}

/** Split an absolute path into its names, resolving `.` and `..`. */
export function splitPath(path: string): string[] {
  const names = split(path);
  for (let i = 0; i < names.length; i++) names[i] = intern(names[i]);
  return names;
}

// splitPath without interning: for walks that only read (names become keys only where a node is added).
function split(path: string): string[] {
  const out: string[] = [];
  const n = path.length;
  let start = 0;
  while (start < n) {
    let end = path.indexOf("/", start);
    if (end < 0) end = n;
    if (end > start) {
      const part = path.slice(start, end);
      if (part === "..") out.pop();
      else if (part !== ".") out.push(part);
    }
    start = end + 1;
  }
  return out;
}

// Every container's tree repeats the same short names (etc, usr, share, nginx...): keep one copy of each.
const interned = new Map<string, string>();
function intern(name: string): string {
  // A longer name (a pod's uid) is a slice of the path it came from, which would stay alive as long as the
  // entry: keep a copy of its own instead.
  if (name.length > 16) return flatJoin([name.slice(0, 1), name.slice(1)]);
  const known = interned.get(name);
  if (known !== undefined) return known;
  if (interned.size < 20_000) interned.set(name, name);
  return name;
}

// A failed walk: the errno and the path the error names (a symlink's target when that failed).
interface Miss {
  kind?: undefined;
  code: FsError["code"];
  path: string;
}

/** Join a relative symlink target to the directory holding the link. */
function linkTarget(dirNames: readonly string[], target: string): string {
  return target.startsWith("/") ? target : `/${dirNames.join("/")}/${target}`;
}

/** An in-memory tree rooted at `/`. */
export class FileTree {
  // The root directory; a subclass may leave it unset and make it when `root` is first read.
  protected top: (FsNode & { kind: "dir" }) | undefined;
  // Paths mounted read-only in this tree (a container's view); the same nodes stay writable elsewhere.
  protected readOnly: string[][] = [];
  // Directories watched for changes (the kubelet's manifest directory); empty in container trees.
  private watchers: { names: string[]; fn: () => void }[] | undefined;

  constructor(now: number, deferRoot = false) {
    if (!Number.isFinite(now)) throw new Error("FileTree: now must be a number (ms since epoch)");
    if (!deferRoot) this.top = { kind: "dir", mode: 0o755, mtimeMs: now, children: new Map() };
  }

  /** The root directory. */
  get root(): FsNode & { kind: "dir" } {
    return this.top as FsNode & { kind: "dir" };
  }

  /** Read a regular file's content (following symlinks); undefined when the path is not one. */
  peekFile(path: string): string | undefined {
    const node = this.find(path);
    return node?.kind === "file" ? node.content : undefined;
  }

  /** Set an existing node's modification time (following symlinks), as touch(1) does. */
  touch(path: string, now: number): void {
    this.lookup(path).mtimeMs = now;
  }

  /** Find a node, following symlinks except (optionally) the last component. */
  lookup(path: string, followLast = true, depth = 0): FsNode {
    const r = this.resolve(split(path), path, followLast, depth);
    if (r.kind === undefined) throw new FsError(r.code, r.path);
    return r;
  }

  // The walk behind lookup, without building an exception for a missing path; `path` is named in a miss
  // (undefined: the names joined).
  private resolve(
    names: readonly string[],
    path: string | undefined,
    followLast: boolean,
    depth: number,
  ): FsNode | Miss {
    if (depth > 8) return miss("ENOENT", names, path);
    let node: FsNode = this.root;
    for (let i = 0; i < names.length; i++) {
      if (node.kind === "symlink") {
        const r = this.resolve(split(node.target), node.target, true, depth + 1);
        if (r.kind === undefined) return r;
        node = r;
      }
      if (node.kind !== "dir") return miss("ENOTDIR", names, path);
      const next: FsNode | undefined = node.children.get(names[i]);
      if (!next) return miss("ENOENT", names, path);
      node = next;
      if (node.kind === "symlink" && (i < names.length - 1 || followLast)) {
        const target = linkTarget(names.slice(0, i), node.target);
        const r = this.resolve(split(target), target, true, depth + 1);
        if (r.kind === undefined) return r;
        node = r;
      }
    }
    return node;
  }

  /** Find a node as lookup does, or undefined when the path does not resolve. */
  find(path: string): FsNode | undefined {
    const r = this.resolve(split(path), path, true, 0);
    return r.kind === undefined ? undefined : r;
  }

  /** Tell whether a path exists. */
  exists(path: string): boolean {
    return this.resolve(split(path), path, true, 0).kind !== undefined;
  }

  /** Say why a path is not a directory one can enter (strerror text); undefined when it is one. */
  dirError(path: string): string | undefined {
    const r = this.resolve(split(path), path, true, 0);
    if (r.kind === undefined) return ERRNO_TEXT[r.code];
    return r.kind === "dir" ? undefined : ERRNO_TEXT.ENOTDIR;
  }

  /** Call fn after each change of a directory's entries or of the directory itself, as inotify reports it. */
  watch(dir: string, fn: () => void): () => void {
    const w = { names: splitPath(dir), fn };
    this.watchers = [...(this.watchers ?? []), w];
    return () => {
      const rest = (this.watchers ?? []).filter((x) => x !== w);
      this.watchers = rest.length > 0 ? rest : undefined;
    };
  }

  // Tell the watchers whose directory holds, is, or lies under the changed path (an ancestor moved away).
  private notify(names: readonly string[]): void {
    for (const w of this.watchers ?? []) {
      if (names.length > w.names.length + 1) continue;
      let same = true;
      for (let i = 0; i < names.length && i < w.names.length && same; i++) same = names[i] === w.names[i];
      if (same) w.fn();
    }
  }

  /** Mark a path (and everything under it) read-only in this tree, as a `ro` bind mount does. */
  mountReadOnly(path: string): void {
    this.readOnly.push(splitPath(path));
  }

  /** Throw EROFS when a path lies under a read-only mount of this tree. */
  assertWritable(path: string): void {
    if (this.readOnly.length !== 0) this.assertNamesWritable(split(path), path);
  }

  private assertNamesWritable(names: readonly string[], path: string): void {
    for (const ro of this.readOnly) {
      if (ro.length > names.length) continue;
      let under = true;
      for (let i = 0; i < ro.length && under; i++) under = names[i] === ro[i];
      if (under) throw new FsError("EROFS", path);
    }
  }

  /** Create a directory and its parents; returns the node the path ends at (a file already there stays). */
  mkdirp(path: string, now: number, mode = 0o755): FsNode {
    return this.mkdirNames(split(path), path, now, mode);
  }

  // mkdirp over split names; an error names `path` (undefined: the names joined).
  private mkdirNames(names: readonly string[], path: string | undefined, now: number, mode: number): FsNode {
    let node: FsNode = this.root;
    for (let i = 0; i < names.length; i++) {
      if (node.kind !== "dir") throw new FsError("ENOTDIR", path ?? `/${names.join("/")}`);
      let next = node.children.get(names[i]);
      if (!next) {
        if (this.readOnly.length !== 0) this.assertNamesWritable(names, path ?? `/${names.join("/")}`);
        next = node.tmpfs
          ? { kind: "dir", mode, mtimeMs: now, children: new Map(), tmpfs: true }
          : { kind: "dir", mode, mtimeMs: now, children: new Map() };
        node.children.set(intern(names[i]), next);
        if (this.watchers !== undefined) this.notify(names.slice(0, i + 1));
      }
      node = next.kind === "symlink" ? this.lookup(linkTarget(names.slice(0, i), next.target)) : next;
    }
    return node;
  }

  // The directory holding a path's last name (which `names` loses), or the error a kernel would give.
  private parentOf(names: string[], path: string): FsNode & { kind: "dir" } {
    if (names.length === 0) throw new FsError("EISDIR", path);
    const name = names.pop() as string;
    const dir = this.resolve(names, undefined, true, 0);
    names.push(name);
    if (dir.kind === undefined) throw new FsError(dir.code, dir.path);
    if (dir.kind !== "dir") throw new FsError("ENOTDIR", path);
    return dir;
  }

  /** Write (create or replace) a file; the parent directory must exist. */
  writeFile(path: string, content: string, now: number, mode?: number): void {
    const names = split(path);
    if (this.readOnly.length !== 0) this.assertNamesWritable(names, path);
    const dir = this.parentOf(names, path);
    const name = names[names.length - 1];
    const old = dir.children.get(name);
    if (old?.kind === "dir") throw new FsError("EISDIR", path);
    dir.children.set(intern(name), {
      kind: "file",
      mode: mode ?? (old?.kind === "file" ? old.mode : 0o644),
      mtimeMs: now,
      content,
    });
    dir.mtimeMs = now;
    if (this.watchers !== undefined) this.notify(names);
  }

  /** Append to a file, creating it when missing. */
  appendFile(path: string, content: string, now: number): void {
    const node = this.resolve(split(path), path, true, 0);
    let before = "";
    if (node.kind === undefined) {
      if (node.code !== "ENOENT") throw new FsError(node.code, node.path);
    } else if (node.kind === "dir") throw new FsError("EISDIR", path);
    else if (node.kind === "file") before = node.content;
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
    const names = split(path);
    if (this.readOnly.length !== 0) this.assertNamesWritable(names, path);
    const dir = this.parentOf(names, path);
    const name = names[names.length - 1];
    if (dir.children.has(name)) throw new FsError("EEXIST", path);
    dir.children.set(intern(name), { kind: "symlink", mode: 0o777, mtimeMs: now, target });
    if (this.watchers !== undefined) this.notify(names);
  }

  /** Remove a file, symlink or directory tree; returns false when missing, throws EROFS when read-only. */
  remove(path: string): boolean {
    const names = split(path);
    if (this.readOnly.length !== 0) this.assertNamesWritable(names, path);
    const name = names.pop();
    if (name === undefined) return false;
    const dir = this.resolve(names, undefined, true, 0);
    const removed = dir.kind === "dir" && dir.children.delete(name);
    if (removed && this.watchers !== undefined) this.notify([...names, name]);
    return removed;
  }

  /** Move a node to a new path (rename); the target's parent must exist. */
  rename(from: string, to: string, now: number): void {
    this.assertWritable(from);
    this.assertWritable(to);
    const fromNames = split(from);
    const srcDir = this.parentOf(fromNames, from);
    const srcName = fromNames[fromNames.length - 1];
    const node = srcDir.children.get(srcName);
    if (!node) throw new FsError("ENOENT", from);
    const toNames = split(to);
    const dstDir = this.parentOf(toNames, to);
    const dstName = toNames[toNames.length - 1];
    const old = dstDir.children.get(dstName);
    if (old?.kind === "dir" && node.kind !== "dir") throw new FsError("EISDIR", to);
    srcDir.children.delete(srcName);
    dstDir.children.set(intern(dstName), node);
    srcDir.mtimeMs = now;
    dstDir.mtimeMs = now;
    if (this.watchers !== undefined) {
      this.notify(fromNames);
      this.notify(toNames);
    }
  }

  /** Place an existing node (e.g. another tree's directory) at a path, as a bind mount does. */
  bind(path: string, node: FsNode, now: number): void {
    const names = split(path);
    const name = names.pop();
    if (name === undefined) throw new FsError("EEXIST", path);
    this.assertWritable(path);
    this.mkdirNames(names, undefined, now, 0o755);
    names.push(name);
    const dir = this.parentOf(names, path);
    dir.children.set(intern(name), node);
    if (this.watchers !== undefined) this.notify(names);
  }

  /** List a directory's entry names in byte order. */
  list(path: string): string[] {
    const node = this.lookup(path);
    if (node.kind !== "dir") throw new FsError("ENOTDIR", path);
    return [...node.children.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

function miss(code: FsError["code"], names: readonly string[], path: string | undefined): Miss {
  return { code, path: path ?? `/${names.join("/")}` };
}
