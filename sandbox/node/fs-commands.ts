// `ls`, `cat` and `readlink` over a node's file tree, with GNU coreutils wording.
import { type FileTree, FsError, type FsNode } from "./filesystem.ts";
import { formatColumns, formatLong, type LsLongEntry } from "./ls-format.ts";
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

/** Run `ls [-l] [-a] [paths...]`, laid out as GNU coreutils or busybox prints it. */
export function runLs(
  args: readonly string[],
  fs: FileTree,
  now: number,
  virt?: VirtualPaths,
  flavor: "gnu" | "busybox" = "gnu",
  tty = true,
): CommandOutput {
  let long = false;
  let all = false;
  const paths: string[] = [];
  for (const a of args) {
    if (/^-[laA1h]+$/.test(a)) {
      long ||= a.includes("l");
      all ||= a.includes("a") || a.includes("A");
    } else if (a.startsWith("-")) {
      return {
        stdout: "",
        stderr: `ls: invalid option -- '${a.slice(1, 2)}'\nTry 'ls --help' for more information.\n`,
        exitCode: 2,
      };
    } else paths.push(a);
  }
  if (paths.length === 0) paths.push("/root");
  let stdout = "";
  let stderr = "";
  let exitCode = 0;
  const blocks: string[] = [];
  for (const path of paths) {
    const virtual = virt?.listDir(path);
    let entries: LsLongEntry[];
    let isDir = true;
    if (virtual) entries = virtual;
    else {
      let node: FsNode;
      try {
        node = fs.lookup(path, !long || path.endsWith("/"));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        stderr += `ls: cannot access '${path}': ${e.message}\n`;
        exitCode = 2;
        continue;
      }
      if (node.kind === "dir") {
        entries = [...node.children.entries()].map(([n, c]) => entryOf(n, c));
        if (all) entries.unshift(entryOf(".", node), entryOf("..", parentDir(fs, path, node)));
      } else {
        isDir = false;
        entries = [entryOf(path, node)];
      }
    }
    entries = entries.filter((e) => all || !e.name.startsWith(".") || !isDir);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let text = "";
    if (long) {
      if (isDir) text += `total ${entries.reduce((s, e) => s + blocksKb(e), 0)}\n`;
      text += formatLong(entries, now, flavor);
    } else if (tty) text += formatColumns(entries.map((e) => e.name));
    // Both ls implementations print one name per line when stdout is not a terminal.
    else text += entries.map((e) => `${e.name}\n`).join("");
    blocks.push(paths.length > 1 && isDir ? `${path}:\n${text}` : text);
  }
  stdout = blocks.join("\n");
  return { stdout, stderr, exitCode };
}

/** Run `cat [files...]`. */
export function runCat(args: readonly string[], fs: FileTree, virt?: VirtualPaths): CommandOutput {
  let stdout = "";
  let stderr = "";
  let exitCode = 0;
  for (const path of args) {
    const v = virt?.readFile(path);
    if (v !== null && v !== undefined) {
      stdout += v;
      continue;
    }
    try {
      stdout += fs.readFile(path);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      stderr += `cat: ${path}: ${e.message}\n`;
      exitCode = 1;
    }
  }
  return { stdout, stderr, exitCode };
}

/** Run `readlink [-f] path`. */
export function runReadlink(args: readonly string[], fs: FileTree, virt?: VirtualPaths): CommandOutput {
  const paths = args.filter((a) => !a.startsWith("-"));
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
