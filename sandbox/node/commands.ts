// The node shell's command table: `runNodeCommand(machine, argv, ctx)` dispatches to registered handlers.

import { runDate } from "../shell/date.ts";
import { runCrictl } from "./crictl.ts";
import { FsError } from "./filesystem.ts";
import { runCat, runLs, runReadlink } from "./fs-commands.ts";
import { runKill } from "./kill.ts";
import { runLsns } from "./lsns.ts";
import { type Machine, NODE_OS } from "./machine.ts";
import { NODE_CWD, runTreeCommand, treeCommands, treeMtime } from "./node-tools.ts";
import { resolvePath } from "./paths.ts";
import { runPgrep, runPidof } from "./pgrep.ts";
import { procPaths } from "./proc-fs.ts";
import { type CommandOutput, runPs } from "./ps.ts";
import { runSs } from "./ss.ts";
import { runSystemctl } from "./systemctl.ts";

export type { CommandOutput } from "./ps.ts";

/** What a command gets besides its arguments. */
export interface NodeCommandContext {
  now: number;
  stdin?: string;
  /** The net namespace the command runs in (nsenter -n, ip netns exec); the host's when absent. */
  netns?: number;
  /** The working directory relative paths resolve against; root's home when absent. */
  cwd?: string;
}

/** A node command: argv without the command name. */
export type NodeCommandHandler = (machine: Machine, args: string[], ctx: NodeCommandContext) => CommandOutput;

const ok = (stdout: string): CommandOutput => ({ stdout, stderr: "", exitCode: 0 });
const registry = new Map<string, NodeCommandHandler>();

/** Register (or replace) a node command; other components add ip, iptables, etcdctl, curl here. */
export function registerNodeCommand(name: string, handler: NodeCommandHandler): void {
  if (!/^[A-Za-z0-9_.-]+$/.test(name))
    throw new Error(`registerNodeCommand: bad command name ${JSON.stringify(name)}`);
  registry.set(name, handler);
}

/** List the registered command names. */
export function nodeCommandNames(): string[] {
  return [...registry.keys()].sort();
}

function uname(m: Machine, args: string[]): CommandOutput {
  const fields: Record<string, string> = {
    s: "Linux",
    n: m.hostname,
    r: NODE_OS.kernelRelease,
    v: NODE_OS.kernelVersion,
    m: "x86_64",
    p: "x86_64",
    i: "x86_64",
    o: "GNU/Linux",
  };
  if (args.length === 0) return ok("Linux\n");
  const want = new Set<string>();
  for (const a of args) {
    if (a === "-a" || a === "--all") for (const f of "snrvmpio") want.add(f);
    else if (/^-[snrvmpio]+$/.test(a)) for (const f of a.slice(1)) want.add(f);
    else
      return {
        stdout: "",
        stderr: `uname: invalid option -- '${a.replace(/^-+/, "")}'\nTry 'uname --help' for more information.\n`,
        exitCode: 1,
      };
  }
  return ok(
    `${"snrvmpio"
      .split("")
      .filter((f) => want.has(f))
      .map((f) => fields[f])
      .join(" ")}\n`,
  );
}

const BUILTINS: Record<string, NodeCommandHandler> = {
  ps: (m, a, c) => runPs(a, m.processes.list(), { now: c.now, memTotalKb: m.memTotalKb }),
  lsns: (m, a) =>
    runLsns(a, { procs: m.processes.list(), nsfsMounts: m.netns.nsfsMounts(), netnsIds: m.netns.nsids() }),
  ls: (m, a, c) => runLs(a, m.fs, c.now, c.cwd ?? NODE_CWD, procPaths(m.processes)),
  cat: (m, a, c) =>
    a.length === 0 ? ok(c.stdin ?? "") : runCat(a, m.fs, c.cwd ?? NODE_CWD, procPaths(m.processes)),
  readlink: (m, a, c) => runReadlink(a, m.fs, c.cwd ?? NODE_CWD, procPaths(m.processes)),
  systemctl: (m, a, c) => runSystemctl(m.systemd, m.processes, m.journal, a, c.now),
  journalctl: (m, a) => m.journal.run(a),
  crictl: (m, a, c) => runCrictl(m.containerd, a, c.now),
  hostname: (m) => ok(`${m.hostname}\n`),
  uname,
  whoami: () => ok("root\n"),
  id: () => ok("uid=0(root) gid=0(root) groups=0(root)\n"),
  echo: (_m, a) => (a[0] === "-n" ? ok(a.slice(1).join(" ")) : ok(`${a.join(" ")}\n`)),
  pgrep: (m, a) => runPgrep(a, m.processes.list()),
  pidof: (m, a) => runPidof(a, m.processes.list()),
  ss: (m, a, c) =>
    runSs(a, m.sockets.list(c.netns ?? m.namespaces.initial.net), (pid) => m.processes.get(pid)),
  date: (m, a, c) => runDate(a, { now: c.now, flavor: "gnu", mtime: treeMtime(m.fs, c.cwd ?? NODE_CWD) }),
  kill: (m, a, c) => runKill(a, m.processes, c.now),
  true: () => ok(""),
  false: () => ({ stdout: "", stderr: "", exitCode: 1 }),
};
for (const [name, handler] of Object.entries(BUILTINS)) registerNodeCommand(name, handler);
for (const name of treeCommands())
  registerNodeCommand(
    name,
    (m, a, c) =>
      runTreeCommand(name, a, c.stdin ?? "", {
        fs: m.fs,
        cwd: c.cwd ?? NODE_CWD,
        now: c.now,
        flavor: "gnu",
        virt: procPaths(m.processes),
      }) ?? ok(""),
  );

/** Run one command line (already split into words) on a node; `> file` and `>> file` redirect stdout. */
export function runNodeCommand(
  machine: Machine,
  argv: readonly string[],
  ctx: NodeCommandContext,
): CommandOutput {
  const words = [...argv];
  let redirect: { path: string; append: boolean } | null = null;
  const r = words.findIndex((w) => w === ">" || w === ">>");
  if (r >= 0) {
    const path = words[r + 1];
    if (!path)
      return { stdout: "", stderr: "bash: syntax error near unexpected token `newline'\n", exitCode: 2 };
    redirect = { path, append: words[r] === ">>" };
    words.splice(r, 2);
  }
  const [name, ...args] = words;
  if (name === undefined) return ok("");
  const handler = registry.get(name);
  if (!handler) return { stdout: "", stderr: `bash: ${name}: command not found\n`, exitCode: 127 };
  const out = handler(machine, args, ctx);
  if (!redirect) return out;
  const target = resolvePath(ctx.cwd ?? NODE_CWD, redirect.path);
  try {
    if (redirect.append) machine.fs.appendFile(target, out.stdout, ctx.now);
    else machine.fs.writeFile(target, out.stdout, ctx.now);
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    return { stdout: "", stderr: `${out.stderr}bash: ${redirect.path}: ${e.message}\n`, exitCode: 1 };
  }
  return { ...out, stdout: "" };
}
