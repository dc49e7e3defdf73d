// `ls`, `cat` and `readlink` over a node's file tree, with GNU coreutils wording.
import { type FileTree, FsError, type FsNode } from "./filesystem.ts";
import { formatColumns, formatLong, type LsLongEntry } from "./ls-format.ts";
import { resolvePath } from "./paths.ts";
import type { CommandOutput } from "./ps.ts";

/** A read-only view the commands can consult for paths the tree does not hold (e.g. /proc). */
export interface VirtualPaths {
  /** Return long entries for a virtual directory, or null when the path is not virtual. */
  listDir(path: string): LsLongEntry[] | null;
  /** Return a virtual file's content, or null when the path is not virtual. */
  readFile(path: string): string | null;
  /** Return a virtual symlink's target, or null when the path is not virtual. */
  readlink(path: string): string | null;
}

function entryOf(name: string, node: FsNode): LsLongEntry {
  const type = node.kind === "dir" ? "d" : node.kind === "symlink" ? "l" : "-";
  const links =
    node.kind === "dir" ? 2 + [...node.children.values()].filter((c) => c.kind === "dir").length : 1;
  // tmpfs (secret and projected volumes) sizes a directory at 40 bytes plus 20 per entry, in no blocks.
  const size =
    node.kind === "dir"
      ? node.tmpfs
        ? 40 + 20 * node.children.size
        : 4096
      : node.kind === "file"
        ? new TextEncoder().encode(node.content).length
        : node.target.length;
  const base = {
    type,
    mode: node.mode,
    links,
    owner: "root",
    group: "root",
    size,
    mtimeMs: node.mtimeMs,
    name,
  } as const;
  if (node.kind === "symlink") return { ...base, target: node.target };
  return node.kind === "dir" && node.tmpfs ? { ...base, blocksKb: 0 } : base;
}

const blocksKb = (e: LsLongEntry) => e.blocksKb ?? (e.type === "l" ? 0 : Math.ceil(e.size / 4096) * 4);

/** Run `ls [-l] [-a] [-d] [paths...]` in `cwd`, laid out as GNU coreutils or busybox prints it. */
export function runLs(
  args: readonly string[],
  fs: FileTree,
  now: number,
  cwd: string,
  virt?: VirtualPaths,
  flavor: "gnu" | "busybox" = "gnu",
  tty = true,
): CommandOutput {
  let long = false;
  let all = false;
  let self = false;
  const paths: string[] = [];
  for (const a of args) {
    if (/^-[laA1hd]+$/.test(a)) {
      long ||= a.includes("l");
      all ||= a.includes("a") || a.includes("A");
      self ||= a.includes("d");
    } else if (a.startsWith("-")) {
      return {
        stdout: "",
        stderr: `ls: invalid option -- '${a.slice(1, 2)}'\nTry 'ls --help' for more information.\n`,
        exitCode: 2,
      };
    } else paths.push(a);
  }
  if (paths.length === 0) paths.push(".");
  let stderr = "";
  let exitCode = 0;
  // Operands that are not listed as directories (files, and everything under -d) print first, together.
  const loose: LsLongEntry[] = [];
  const dirs: Array<{ path: string; entries: LsLongEntry[] }> = [];
  for (const path of paths) {
    const full = resolvePath(cwd, path);
    const virtual = self ? null : virt?.listDir(full);
    if (virtual) {
      dirs.push({ path, entries: virtual });
      continue;
    }
    let node: FsNode;
    try {
      // `.`, `..` and a trailing slash name the directory itself, never a symlink the cwd went through.
      node = fs.lookup(full, !(long || self) || /(^|\/)(\.\.?)?$/.test(path));
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      // busybox names the path bare and fails with 1; coreutils quotes it and fails with 2.
      if (flavor === "busybox") stderr += `ls: ${path}: ${e.message}\n`;
      else stderr += `ls: cannot access '${path}': ${e.message}\n`;
      exitCode = flavor === "busybox" ? 1 : 2;
      continue;
    }
    if (node.kind === "dir" && !self) {
      const entries = [...node.children.entries()].map(([n, c]) => entryOf(n, c));
      if (all) entries.unshift(entryOf(".", node), entryOf("..", parentDir(fs, full, node)));
      dirs.push({ path, entries: entries.filter((e) => all || !e.name.startsWith(".")) });
    } else loose.push(entryOf(path, node));
  }
  const byName = (a: LsLongEntry, b: LsLongEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const render = (entries: LsLongEntry[], isDir: boolean): string => {
    entries.sort(byName);
    if (long)
      return `${isDir ? `total ${entries.reduce((n, e) => n + blocksKb(e), 0)}\n` : ""}${formatLong(entries, now, flavor)}`;
    if (tty) return formatColumns(entries.map((e) => e.name));
    // Both ls implementations print one name per line when stdout is not a terminal.
    return entries.map((e) => `${e.name}\n`).join("");
  };
  const blocks = [
    ...(loose.length ? [render(loose, false)] : []),
    ...dirs.map((d) =>
      paths.length > 1 ? `${d.path}:\n${render(d.entries, true)}` : render(d.entries, true),
    ),
  ];
  return { stdout: blocks.join("\n"), stderr, exitCode };
}

/** Run `cat [files...]` in `cwd`. */
export function runCat(
  args: readonly string[],
  fs: FileTree,
  cwd: string,
  virt?: VirtualPaths,
): CommandOutput {
  let stdout = "";
  let stderr = "";
  let exitCode = 0;
  for (const path of args) {
    const full = resolvePath(cwd, path);
    const v = virt?.readFile(full);
    if (v !== null && v !== undefined) {
      stdout += v;
      continue;
    }
    try {
      stdout += fs.readFile(full);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      stderr += `cat: ${path}: ${e.message}\n`;
      exitCode = 1;
    }
  }
  return { stdout, stderr, exitCode };
}

/** Run `readlink [-f] path` in `cwd`. */
export function runReadlink(
  args: readonly string[],
  fs: FileTree,
  cwd: string,
  virt?: VirtualPaths,
): CommandOutput {
  const paths = args.filter((a) => !a.startsWith("-")).map((a) => resolvePath(cwd, a));
  let stdout = "";
  let exitCode = 0;
  for (const path of paths) {
    const v = virt?.readlink(path);
    if (v !== null && v !== undefined) {
      stdout += `${v}\n`;
      continue;
    }
    try {
      const node = fs.lookup(path, false);
      if (node.kind === "symlink") stdout += `${node.target}\n`;
      else exitCode = 1;
    } catch {
      exitCode = 1;
    }
  }
  return { stdout, stderr: "", exitCode };
}

// The directory `..` names: the parent of a path (the root is its own parent).
function parentDir(fs: FileTree, path: string, self: FsNode): FsNode {
  try {
    return fs.lookup(`${path.replace(/\/+$/, "")}/..`);
  } catch {
    return self;
  }
}
