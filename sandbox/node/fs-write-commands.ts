// touch, rm, mkdir, mv and cp over a file tree, worded as GNU coreutils (nodes) or busybox (containers).

import { busyboxBanner } from "../images/busybox.ts";
import { runChmod } from "./chmod.ts";
import { type FileTree, FsError, type FsNode, splitPath } from "./filesystem.ts";
import { resolvePath } from "./paths.ts";
import type { CommandOutput } from "./ps.ts";

/** Which implementation's messages a tool prints. */
export type ToolFlavor = "gnu" | "busybox";

/** Where a file command runs: the tree, the working directory, the time and the wording. */
export interface FsToolEnv {
  fs: FileTree;
  cwd: string;
  now: number;
  flavor: ToolFlavor;
  /** busybox's banner for usage errors (the image's release); the default image's when absent. */
  banner?: string;
}

// procfs and sysfs refuse new entries; the model keeps them outside the tree, so creating there fails.
function guardCreate(path: string): void {
  const top = splitPath(path)[0];
  if (top === "proc" || top === "sys") throw new FsError("ENOENT", path);
}

/** Parse clustered short flags; returns the flags and operands, or the tool's invalid-option error. */
export function parseFlags(
  tool: string,
  args: readonly string[],
  allowed: string,
  env: Pick<FsToolEnv, "flavor" | "banner">,
): { flags: Set<string>; operands: string[] } | CommandOutput {
  const flavor = env.flavor;
  const flags = new Set<string>();
  const operands: string[] = [];
  let done = false;
  for (const a of args) {
    if (done || a === "-" || !a.startsWith("-")) operands.push(a);
    else if (a === "--") done = true;
    else if (a.startsWith("--")) {
      const msg =
        flavor === "gnu"
          ? `${tool}: unrecognized option '${a}'\nTry '${tool} --help' for more information.\n`
          : `${tool}: unrecognized option '${a}'\n${busyboxUsage(tool, env.banner)}`;
      return { stdout: "", stderr: msg, exitCode: 1 };
    } else
      for (const f of a.slice(1)) {
        if (!allowed.includes(f)) {
          const msg =
            flavor === "gnu"
              ? `${tool}: invalid option -- '${f}'\nTry '${tool} --help' for more information.\n`
              : `${tool}: invalid option -- '${f}'\n${busyboxUsage(tool, env.banner)}`;
          return { stdout: "", stderr: msg, exitCode: 1 };
        }
        flags.add(f);
      }
  }
  return { flags, operands };
}

// busybox prints its whole help after a bad option; the model prints the banner and the usage line only.
const BUSYBOX_USAGE: Record<string, string> = {
  rm: "rm [-irf] FILE...",
  mkdir: "mkdir [-m MODE] [-p] DIRECTORY...",
  touch: "touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...",
  cp: "cp [-arPLHpfinlsTu] SOURCE DEST",
  mv: "mv [-finT] SOURCE DEST",
  chmod: "chmod [-Rcvf] MODE[,MODE]... FILE...",
};

/** The banner and usage line busybox prints for a usage error. */
export function busyboxUsage(tool: string, banner = busyboxBanner()): string {
  return `${banner}\n\nUsage: ${BUSYBOX_USAGE[tool] ?? `${tool} [OPTIONS]`}\n`;
}

const fail = (stderr: string, exitCode = 1): CommandOutput => ({ stdout: "", stderr, exitCode });

function missing(tool: string, env: FsToolEnv, what = "operand"): CommandOutput {
  if (env.flavor === "busybox") return fail(busyboxUsage(tool, env.banner));
  return fail(`${tool}: missing ${what}\nTry '${tool} --help' for more information.\n`);
}

function errText(e: unknown): string {
  if (e instanceof FsError) return e.message;
  throw e;
}

/** Run `touch FILE...`. */
export function runTouch(args: readonly string[], env: FsToolEnv): CommandOutput {
  const p = parseFlags("touch", args, "acm", env);
  if ("exitCode" in p) return p;
  if (p.operands.length === 0) return missing("touch", env, "file operand");
  let stderr = "";
  for (const op of p.operands) {
    const path = resolvePath(env.cwd, op);
    try {
      guardCreate(path);
      env.fs.assertWritable(path);
      const node = env.fs.exists(path) ? env.fs.lookup(path) : null;
      if (node) node.mtimeMs = env.now;
      else if (!p.flags.has("c")) env.fs.writeFile(path, "", env.now);
    } catch (e) {
      const t = errText(e);
      stderr += env.flavor === "gnu" ? `touch: cannot touch '${op}': ${t}\n` : `touch: ${op}: ${t}\n`;
    }
  }
  return { stdout: "", stderr, exitCode: stderr ? 1 : 0 };
}

/** Run `rm [-rf] FILE...`. */
export function runRm(args: readonly string[], env: FsToolEnv): CommandOutput {
  const p = parseFlags("rm", args, "rRfiv", env);
  if ("exitCode" in p) return p;
  const force = p.flags.has("f");
  const recursive = p.flags.has("r") || p.flags.has("R");
  if (p.operands.length === 0) return force ? fail("", 0) : missing("rm", env);
  const cannot = env.flavor === "gnu" ? "cannot remove" : "can't remove";
  let stderr = "";
  for (const op of p.operands) {
    const path = resolvePath(env.cwd, op);
    let node: FsNode;
    try {
      node = env.fs.lookup(path, false);
    } catch (e) {
      if (!force) stderr += `rm: ${cannot} '${op}': ${errText(e)}\n`;
      continue;
    }
    if (node.kind === "dir" && !recursive) {
      stderr += `rm: ${cannot} '${op}': Is a directory\n`;
      continue;
    }
    try {
      env.fs.remove(path);
    } catch (e) {
      stderr += `rm: ${cannot} '${op}': ${errText(e)}\n`;
    }
  }
  return { stdout: "", stderr, exitCode: stderr ? 1 : 0 };
}

/** Run `mkdir [-p] DIR...`. */
export function runMkdir(args: readonly string[], env: FsToolEnv): CommandOutput {
  const p = parseFlags("mkdir", args, "pv", env);
  if ("exitCode" in p) return p;
  if (p.operands.length === 0) return missing("mkdir", env);
  const cannot = env.flavor === "gnu" ? "cannot create directory" : "can't create directory";
  let stderr = "";
  for (const op of p.operands) {
    const path = resolvePath(env.cwd, op);
    try {
      guardCreate(path);
      if (p.flags.has("p")) {
        if (env.fs.exists(path) && env.fs.lookup(path).kind !== "dir") throw new FsError("EEXIST", path);
        env.fs.mkdirp(path, env.now);
        continue;
      }
      if (env.fs.exists(path)) throw new FsError("EEXIST", path);
      const parent = `/${splitPath(path).slice(0, -1).join("/")}`;
      if (env.fs.lookup(parent).kind !== "dir") throw new FsError("ENOTDIR", path);
      env.fs.mkdirp(path, env.now);
    } catch (e) {
      stderr += `mkdir: ${cannot} '${op}': ${errText(e)}\n`;
    }
  }
  return { stdout: "", stderr, exitCode: stderr ? 1 : 0 };
}

function copyNode(node: FsNode, now: number): FsNode {
  if (node.kind === "dir")
    return {
      kind: "dir",
      mode: node.mode,
      mtimeMs: now,
      children: new Map([...node.children].map(([k, v]) => [k, copyNode(v, now)])),
    };
  return { ...node, mtimeMs: now };
}

// Where SOURCE lands: inside DEST when DEST is a directory, else at DEST.
function destination(env: FsToolEnv, src: string, dest: string, many: boolean): string | FsError {
  const to = resolvePath(env.cwd, dest);
  const isDir = env.fs.exists(to) && env.fs.lookup(to).kind === "dir";
  if (many && !isDir) return new FsError("ENOTDIR", dest);
  return isDir ? `${to.replace(/\/$/, "")}/${splitPath(src).pop() ?? ""}` : to;
}

/** Run `cp [-r] SOURCE... DEST` or `mv SOURCE... DEST`. */
function copyOrMove(tool: "cp" | "mv", args: readonly string[], env: FsToolEnv): CommandOutput {
  const p = parseFlags(tool, args, tool === "cp" ? "rRafpv" : "fiv", env);
  if ("exitCode" in p) return p;
  const ops = p.operands;
  if (ops.length === 0) return missing(tool, env, "file operand");
  if (ops.length === 1)
    return env.flavor === "gnu"
      ? fail(
          `${tool}: missing destination file operand after '${ops[0]}'\nTry '${tool} --help' for more information.\n`,
        )
      : fail(busyboxUsage(tool, env.banner));
  const dest = ops[ops.length - 1];
  const gnu = env.flavor === "gnu";
  let stderr = "";
  for (const op of ops.slice(0, -1)) {
    const from = resolvePath(env.cwd, op);
    let node: FsNode;
    try {
      node = env.fs.lookup(from, false);
    } catch (e) {
      stderr += `${tool}: ${gnu ? "cannot stat" : "can't stat"} '${op}': ${errText(e)}\n`;
      continue;
    }
    if (tool === "cp" && node.kind === "dir" && !["r", "R", "a"].some((f) => p.flags.has(f))) {
      stderr += gnu
        ? `cp: -r not specified; omitting directory '${op}'\n`
        : `cp: omitting directory '${op}'\n`;
      continue;
    }
    const to = destination(env, from, dest, ops.length > 2);
    try {
      if (to instanceof FsError) throw to;
      guardCreate(to);
      if (tool === "mv") env.fs.rename(from, to, env.now);
      else if (node.kind === "file") env.fs.writeFile(to, node.content, env.now, node.mode);
      else env.fs.bind(to, copyNode(node, env.now), env.now);
    } catch (e) {
      const t = errText(e);
      if (to instanceof FsError) stderr += `${tool}: target '${dest}': ${t}\n`;
      else if (gnu)
        stderr +=
          tool === "cp"
            ? `cp: cannot create regular file '${dest}': ${t}\n`
            : `mv: cannot move '${op}' to '${dest}': ${t}\n`;
      else stderr += tool === "cp" ? `cp: can't create '${to}': ${t}\n` : `mv: can't rename '${op}': ${t}\n`;
    }
  }
  return { stdout: "", stderr, exitCode: stderr ? 1 : 0 };
}

/** The file-changing commands, by name. */
export const FILE_WRITE_COMMANDS: Record<string, (args: readonly string[], env: FsToolEnv) => CommandOutput> =
  {
    touch: runTouch,
    rm: runRm,
    mkdir: runMkdir,
    cp: (a, e) => copyOrMove("cp", a, e),
    mv: (a, e) => copyOrMove("mv", a, e),
    chmod: (a, e) => runChmod(a, e),
  };
