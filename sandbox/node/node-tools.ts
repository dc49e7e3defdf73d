// The node shell's file and text commands: touch, rm, mkdir, mv, cp and the text filters reading files.
import type { DateEnv } from "../shell/date.ts";
import { TEXT_TOOLS, type TextFiles } from "../shell/text-tools.ts";
import { type FileTree, FsError } from "./filesystem.ts";
import type { VirtualPaths } from "./fs-commands.ts";
import { FILE_WRITE_COMMANDS, type ToolFlavor } from "./fs-write-commands.ts";
import { resolvePath } from "./paths.ts";

/** Where a node command runs when its caller names no working directory: root's home. */
export const NODE_CWD = "/root";

/** Give the text tools access to a tree (and its virtual /proc), relative to `cwd`; writes are stamped `now`. */
export function treeTextFiles(
  fs: FileTree,
  cwd: string,
  flavor: ToolFlavor,
  virt?: VirtualPaths,
  now = 0,
): TextFiles {
  return {
    flavor,
    read(path) {
      const full = resolvePath(cwd, path);
      const v = virt?.readFile(full);
      if (v !== null && v !== undefined) return { text: v };
      try {
        return { text: fs.readFile(full) };
      } catch (e) {
        if (e instanceof FsError) return { error: e.message };
        throw e;
      }
    },
    list(path) {
      try {
        return fs.list(resolvePath(cwd, path));
      } catch {
        return null;
      }
    },
    write(path, text) {
      try {
        // The same write as `cp` and `>` make: the file keeps its mode, the kubelet sees what they see.
        fs.writeFile(resolvePath(cwd, path), text, now);
        return undefined;
      } catch (e) {
        if (e instanceof FsError) return e.message;
        throw e;
      }
    },
  };
}

/** Commands that work on a tree, keyed by name, ready for a node or container command table. */
export function treeCommands(): string[] {
  return [...Object.keys(FILE_WRITE_COMMANDS), ...Object.keys(TEXT_TOOLS)];
}

/** Run one of {@link treeCommands} against a tree; null when the name is not one of them. */
export function runTreeCommand(
  name: string,
  args: string[],
  stdin: string,
  env: { fs: FileTree; cwd: string; now: number; flavor: ToolFlavor; banner?: string; virt?: VirtualPaths },
): { stdout: string; stderr: string; exitCode: number } | null {
  const write = FILE_WRITE_COMMANDS[name];
  if (write) return write(args, env);
  const text = TEXT_TOOLS[name];
  if (text) return text(args, stdin, treeTextFiles(env.fs, env.cwd, env.flavor, env.virt, env.now));
  return null;
}

/** Read a file's modification time from a tree, for date -r. */
export function treeMtime(fs: FileTree, cwd: string): DateEnv["mtime"] {
  return (path) => {
    try {
      return fs.lookup(resolvePath(cwd, path)).mtimeMs;
    } catch (e) {
      if (e instanceof FsError) return { error: e.message };
      throw e;
    }
  };
}
