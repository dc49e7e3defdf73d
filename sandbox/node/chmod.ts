// `chmod [-R] MODE FILE...` over a file tree: octal and symbolic modes, GNU or busybox wording.
import { FsError, type FsNode } from "./filesystem.ts";
import { busyboxUsage, type FsToolEnv, parseFlags } from "./fs-write-commands.ts";
import { resolvePath } from "./paths.ts";
import type { CommandOutput } from "./ps.ts";

const UMASK = 0o022;
const WHO: Record<string, number> = { u: 0o4700, g: 0o2070, o: 0o1007, a: 0o7777 };

/** Compute the new mode bits for `spec` (`755`, `u+x`, `go-w,a+r`); null when it is not a mode. */
export function applyMode(spec: string, mode: number, isDir: boolean): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) return Number.parseInt(spec, 8);
  let out = mode & 0o7777;
  for (const clause of spec.split(",")) {
    const m = /^([ugoa]*)((?:[-+=][rwxXst]*)+)$/.exec(clause);
    if (!m) return null;
    const who = m[1] ? [...m[1]].reduce((w, c) => w | WHO[c], 0) : WHO.a;
    for (const [, op, perms] of m[2].matchAll(/([-+=])([rwxXst]*)/g)) {
      let bits = 0;
      for (const p of perms) {
        if (p === "r") bits |= 0o444;
        else if (p === "w") bits |= 0o222;
        else if (p === "x" || (p === "X" && (isDir || (out & 0o111) !== 0))) bits |= 0o111;
        else if (p === "s") bits |= 0o6000;
        else if (p === "t") bits |= 0o1000;
      }
      // Without u, g, o or a the umask's bits are left alone, as chmod(1) documents.
      bits &= m[1] ? who : ~UMASK;
      if (op === "+") out |= bits;
      else if (op === "-") out &= ~bits;
      else out = (out & ~(m[1] ? who & 0o777 : 0o777)) | bits;
    }
  }
  return out;
}

/** Run `chmod [-R] [-f] [-v] MODE FILE...`. */
export function runChmod(args: readonly string[], env: FsToolEnv): CommandOutput {
  // A symbolic mode such as -w starts with a dash but is no option.
  const modeArg = args.find((a) => /^-[rwxXst]+$/.test(a));
  const p = parseFlags(
    "chmod",
    args.filter((a) => a !== modeArg),
    "Rfcv",
    env,
  );
  if ("exitCode" in p) return p;
  const [spec, ...files] = modeArg ? [modeArg, ...p.operands] : p.operands;
  const gnu = env.flavor === "gnu";
  if (spec === undefined || files.length === 0) {
    const msg = gnu
      ? `chmod: missing operand${spec === undefined ? "" : ` after '${spec}'`}\nTry 'chmod --help' for more information.\n`
      : busyboxUsage("chmod", env.banner);
    return { stdout: "", stderr: msg, exitCode: 1 };
  }
  if (applyMode(spec, 0, false) === null) {
    const msg = gnu
      ? `chmod: invalid mode: '${spec}'\nTry 'chmod --help' for more information.\n`
      : `chmod: invalid mode '${spec}'\n`;
    return { stdout: "", stderr: msg, exitCode: 1 };
  }
  let stderr = "";
  const change = (op: string, path: string, node: FsNode, top: boolean) => {
    // chmod follows a symlink named on the command line; -R leaves the ones it meets alone.
    if (node.kind === "symlink" && !top) return;
    env.fs.assertWritable(path);
    node.mode = applyMode(spec, node.mode, node.kind === "dir") ?? node.mode;
    if (node.kind === "dir" && p.flags.has("R"))
      for (const [name, child] of node.children) change(`${op}/${name}`, `${path}/${name}`, child, false);
  };
  for (const op of files) {
    const path = resolvePath(env.cwd, op);
    try {
      change(op, path, env.fs.lookup(path), true);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      if (p.flags.has("f")) continue;
      if (!gnu) stderr += `chmod: ${op}: ${e.message}\n`;
      else if (e.message === "No such file or directory")
        stderr += `chmod: cannot access '${op}': ${e.message}\n`;
      else stderr += `chmod: changing permissions of '${op}': ${e.message}\n`;
    }
  }
  return { stdout: "", stderr, exitCode: stderr ? 1 : 0 };
}
