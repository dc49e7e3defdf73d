// The `cd` and `pwd` builtins every shell keeps for itself: bash on the nodes, busybox ash and Debian's
// dash inside containers, each with its own words for a directory it cannot enter.
import type { CommandResult } from "../kubectl/context.ts";
import { logicalPath } from "../node/paths.ts";

/** Which shell's builtin runs: bash, busybox ash or dash. */
export type CdFlavor = "bash" | "ash" | "dash";

/** What cd changes: the working directory and the PWD, OLDPWD (and HOME it reads) variables. */
export interface CwdState {
  cwd: string;
  env: Record<string, string>;
}

/** Where the builtin runs: the shell's flavor and name, and how it reports errors. */
export interface CdShell {
  flavor: CdFlavor;
  /** The shell's name as invoked ($0), which starts every error: `bash`, `sh`. */
  name: string;
  /** Whether the shell reads a terminal; a busybox script's errors also name the line. */
  interactive: boolean;
  /** The input line being run (dash names it in every error). */
  line: number;
  /** Say why a path is not a directory to enter (strerror text); undefined when it is one. */
  dirError(path: string): string | undefined;
}

const result = (stdout: string, stderr = "", exitCode = 0): CommandResult => ({ stdout, stderr, exitCode });

/** Run `cd [-L|-P] [dir|-]`: no dir means $HOME, `-` means $OLDPWD (and prints where it went). */
export function runCd(args: readonly string[], st: CwdState, sh: CdShell): CommandResult {
  const ops = [...args];
  while (ops.length && /^-[LPe@]+$/.test(ops[0])) ops.shift();
  if (ops[0] === "--") ops.shift();
  else if (sh.flavor === "bash" && ops[0]?.startsWith("-") && ops[0] !== "-")
    return result(
      "",
      `${sh.name}: cd: ${ops[0].slice(0, 2)}: invalid option\ncd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n`,
      2,
    );
  // ash and dash use the first operand and ignore the rest; bash refuses.
  if (sh.flavor === "bash" && ops.length > 1) return result("", `${sh.name}: cd: too many arguments\n`, 1);
  let dest = ops[0];
  let print = false;
  if (dest === undefined) {
    dest = st.env.HOME;
    if (dest === undefined)
      return sh.flavor === "bash" ? result("", `${sh.name}: cd: HOME not set\n`, 1) : result("");
  } else if (dest === "-") {
    dest = st.env.OLDPWD;
    print = true;
    if (!dest) {
      if (sh.flavor === "bash") return result("", `${sh.name}: cd: OLDPWD not set\n`, 1);
      // ash and dash fall back to the current directory.
      dest = ".";
    }
  }
  // bash leaves the directory alone for an empty operand; the others treat it as `.`.
  if (dest === "") return result("");
  const target = logicalPath(st.cwd, dest);
  const err = sh.dirError(target);
  if (err !== undefined) return result("", cdError(sh, dest, err), sh.flavor === "bash" ? 1 : 2);
  st.env.OLDPWD = st.cwd;
  st.env.PWD = target;
  st.cwd = target;
  return result(print ? `${target}\n` : "");
}

/** Run `pwd [-L|-P]`: the directory the shell keeps (the model follows no symlinks for -P). */
export function runPwd(args: readonly string[], st: CwdState, sh: CdShell): CommandResult {
  const bad = args.find((a) => a.startsWith("-") && !/^-[LP]+$/.test(a));
  if (bad && sh.flavor === "bash")
    return result("", `${sh.name}: pwd: ${bad.slice(0, 2)}: invalid option\npwd: usage: pwd [-LP]\n`, 2);
  return result(`${st.cwd}\n`);
}

// bash names the operand and the errno text; busybox ash says it can't cd; dash names the line and gives
// no reason. Running a script (not a terminal), bash and ash name the line too.
function cdError(sh: CdShell, dest: string, err: string): string {
  if (sh.flavor === "bash")
    return `${sh.name}: ${sh.interactive ? "" : `line ${sh.line}: `}cd: ${dest}: ${err}\n`;
  if (sh.flavor === "dash") return `${sh.name}: ${sh.line}: cd: can't cd to ${dest}\n`;
  return `${sh.name}: cd: ${sh.interactive ? "" : `line ${sh.line}: `}can't cd to ${dest}: ${err}\n`;
}
