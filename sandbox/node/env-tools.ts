// The login shell's environment and PATH lookups: env and printenv (coreutils 8.32) and which (debianutils).
import type { CommandOutput } from "./ps.ts";

const ok = (stdout: string): CommandOutput => ({ stdout, stderr: "", exitCode: 0 });

// Shell-only variables ($?, positional ones) are not part of the environment a program receives.
function exported(env: Readonly<Record<string, string>>): Array<[string, string]> {
  return Object.entries(env).filter(([k]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k));
}

const list = (vars: Array<[string, string]>, end: string) => vars.map(([k, v]) => `${k}=${v}${end}`).join("");

/** Run `printenv [-0] [NAME...]`; bash sets `_` to the program's path in what it passes. */
export function runPrintenv(args: readonly string[], env: Readonly<Record<string, string>>): CommandOutput {
  let end = "\n";
  const names: string[] = [];
  let operands = false;
  for (const a of args) {
    if (operands) names.push(a);
    else if (a === "--") operands = true;
    else if (a === "-0" || a === "--null") end = "\0";
    else if (a.startsWith("--") && a.length > 2)
      return {
        stdout: "",
        stderr: `printenv: unrecognized option '${a}'\nTry 'printenv --help' for more information.\n`,
        exitCode: 2,
      };
    else if (a.startsWith("-") && a.length > 1 && a !== "-0") {
      const bad = [...a.slice(1)].find((f) => f !== "0") ?? "";
      return {
        stdout: "",
        stderr: `printenv: invalid option -- '${bad}'\nTry 'printenv --help' for more information.\n`,
        exitCode: 2,
      };
    } else names.push(a);
  }
  // bash sets `_` for the program it runs; a printenv started by env keeps env's.
  const found = new Map(exported(env));
  if (!found.has("_")) found.set("_", "/usr/bin/printenv");
  if (names.length === 0) return ok(list([...found], end));
  let out = "";
  let missing = false;
  for (const n of names) {
    const v = n.includes("=") ? undefined : found.get(n);
    if (v === undefined) missing = true;
    else out += `${v}${end}`;
  }
  return { stdout: out, stderr: "", exitCode: missing ? 1 : 0 };
}

/** Run a command with an environment (what `env ... COMMAND` hands on). */
export type EnvRunner = (argv: string[], env: Record<string, string>) => CommandOutput;

/** Run `env [-i] [-0] [-u NAME] [NAME=VALUE]... [COMMAND [ARG]...]`. */
export function runEnv(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  run: EnvRunner,
): CommandOutput {
  const vars = new Map(exported(env));
  // bash puts `_` (the program it runs) in the environment it passes.
  if (!vars.has("_")) vars.set("_", "/usr/bin/env");
  let end = "\n";
  let i = 0;
  const fail = (msg: string): CommandOutput => ({
    stdout: "",
    stderr: `env: ${msg}\nTry 'env --help' for more information.\n`,
    exitCode: 125,
  });
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      i++;
      break;
    }
    if (a === "-" || a === "-i" || a === "--ignore-environment") vars.clear();
    else if (a === "-0" || a === "--null") end = "\0";
    else if (a === "-u" || a === "--unset") {
      const name = args[++i];
      if (name === undefined) return fail(`option requires an argument -- 'u'`);
      vars.delete(name);
    } else if (a.startsWith("-u") && a.length > 2) vars.delete(a.slice(2));
    else if (a.startsWith("--unset=")) vars.delete(a.slice(8));
    else if (a.startsWith("--")) return fail(`unrecognized option '${a}'`);
    else if (a.startsWith("-") && a.length > 1) {
      const flags = a.slice(1);
      const bad = [...flags].find((f) => f !== "i" && f !== "0");
      if (bad !== undefined) return fail(`invalid option -- '${bad}'`);
      if (flags.includes("i")) vars.clear();
      if (flags.includes("0")) end = "\0";
    } else break;
  }
  for (; i < args.length && /^[^=]+=/.test(args[i]); i++) {
    const eq = args[i].indexOf("=");
    vars.set(args[i].slice(0, eq), args[i].slice(eq + 1));
  }
  const command = args.slice(i);
  if (command.length === 0) return ok(list([...vars], end));
  const out = run(command, Object.fromEntries(vars));
  if (out.exitCode === 127 && /command not found/.test(out.stderr))
    return { stdout: "", stderr: `env: ‘${command[0]}’: No such file or directory\n`, exitCode: 127 };
  return out;
}

/** Where a program lives on an Ubuntu 22.04 node: the PATH directories that hold it, in PATH order. */
export function programPaths(name: string): string[] {
  // Merged /usr: /bin and /sbin are links to usr/bin and usr/sbin, so each program is found twice.
  if (SBIN_ONLY.has(name)) return [`/usr/sbin/${name}`, `/sbin/${name}`];
  // iproute2 installs ip in /bin and links it from /sbin.
  if (name === "ip") return ["/usr/sbin/ip", "/usr/bin/ip", "/sbin/ip", "/bin/ip"];
  return [`/usr/bin/${name}`, `/bin/${name}`];
}

const SBIN_ONLY = new Set(["iptables", "iptables-save", "iptables-restore", "sshd", "cron"]);

/** Run `which [-a] [-s] NAME...` (the debianutils script) against the programs a node has. */
export function runWhich(args: readonly string[], installed: (name: string) => boolean): CommandOutput {
  let all = false;
  let silent = false;
  let i = 0;
  for (; i < args.length && args[i].startsWith("-") && args[i].length > 1; i++) {
    if (args[i] === "--") {
      i++;
      break;
    }
    for (const f of args[i].slice(1)) {
      if (f === "a") all = true;
      else if (f === "s") silent = true;
      // dash's getopts complains first; the script then prints its usage line to stdout.
      else
        return {
          stdout: "Usage: /usr/bin/which [-as] args\n",
          stderr: `Illegal option -${f}\n`,
          exitCode: 2,
        };
    }
  }
  const names = args.slice(i);
  let out = "";
  let failed = names.length === 0;
  for (const name of names) {
    const base = name.slice(name.lastIndexOf("/") + 1);
    const paths = installed(base) ? programPaths(base) : [];
    const hits = name.includes("/") ? paths.filter((p) => p === name) : all ? paths : paths.slice(0, 1);
    if (hits.length === 0) failed = true;
    else if (!silent) out += hits.map((p) => `${p}\n`).join("");
  }
  return { stdout: out, stderr: "", exitCode: failed ? 1 : 0 };
}
