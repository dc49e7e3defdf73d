// The node shell's command table: `runNodeCommand(machine, argv, ctx)` dispatches to registered handlers.

import { runDate } from "../shell/date.ts";
import { runCrictl } from "./crictl.ts";
import { runDf } from "./df.ts";
import { runEnv, runPrintenv, runWhich } from "./env-tools.ts";
import { FsError } from "./filesystem.ts";
import { runFree } from "./free.ts";
import { runCat, runLs, runReadlink, type VirtualPaths } from "./fs-commands.ts";
import { type HostnameInputs, runHostname } from "./hostname.ts";
import { runKill } from "./kill.ts";
import { runLsns } from "./lsns.ts";
import { type Machine, NODE_OS } from "./machine.ts";
import { listMounts, type Mount } from "./mounts.ts";
import { NODE_CWD, runTreeCommand, treeCommands, treeMtime } from "./node-tools.ts";
import { resolvePath } from "./paths.ts";
import { runPgrep, runPidof } from "./pgrep.ts";
import { procPaths } from "./proc-fs.ts";
import { type CommandOutput, runPs } from "./ps.ts";
import { runSs } from "./ss.ts";
import { loadAverage, memInfo, procLoadavg, procMeminfo, procUptime } from "./sysinfo.ts";
import { runSystemctl } from "./systemctl.ts";
import { runUptime } from "./uptime.ts";

export type { CommandOutput } from "./ps.ts";

/** What a command gets besides its arguments. */
export interface NodeCommandContext {
  now: number;
  stdin?: string;
  /** The net namespace the command runs in (nsenter -n, ip netns exec); the host's when absent. */
  netns?: number;
  /** The working directory relative paths resolve against; root's home when absent. */
  cwd?: string;
  /** The calling shell's variables (env, printenv); none when absent. */
  env?: Readonly<Record<string, string>>;
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

let hostAddresses: (m: Machine) => string[] = () => [];

/** Say where `hostname -I` finds a machine's interface addresses (the network model knows them). */
export function setHostAddresses(source: (m: Machine) => string[]): void {
  hostAddresses = source;
}

// Programs installed on every node that the node shell runs itself or that only run as services.
const SHELL_PROGRAMS = ["kubectl", "ssh", "sleep", "clear", "sudo", "printf", "pwd", "test"];
const SERVICE_PROGRAMS = ["kubelet", "kubeadm", "containerd", "containerd-shim-runc-v2"];
// Registered for the lessons, not programs on the node's PATH.
const NOT_ON_PATH = new Set(["explain"]);

/** Whether a program is installed on a machine (on its PATH), for which. */
export function installedOn(m: Machine, name: string): boolean {
  if (NOT_ON_PATH.has(name)) return false;
  if (name === "etcdctl") return m.role === "control-plane";
  return registry.has(name) || SHELL_PROGRAMS.includes(name) || SERVICE_PROGRAMS.includes(name);
}

/** Serve the node's /proc: its processes and the system-wide files rendered from the machine now. */
export function nodeProc(m: Machine, now: number): VirtualPaths {
  return procPaths(m.processes, {
    meminfo: () => procMeminfo(memInfo(m)),
    loadavg: () => procLoadavg(m, now),
    uptime: () => procUptime(m, now),
  });
}

function hostnameInputs(m: Machine): HostnameInputs {
  let hosts = "";
  try {
    hosts = m.fs.readFile("/etc/hosts");
  } catch {
    // No /etc/hosts: -i finds nothing.
  }
  return { hostname: m.hostname, hosts, addresses: () => hostAddresses(m) };
}

// A mount point exists even where the model keeps no directory for it (/run/lock, /dev/shm).
function pathExists(m: Machine, mounts: readonly Mount[], cwd: string, path: string): string | null {
  const full = resolvePath(cwd, path).replace(/(.)\/+$/, "$1");
  return m.fs.exists(full) || /^\/proc(\/|$)/.test(full) || mounts.some((mt) => mt.target === full)
    ? full
    : null;
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
  ls: (m, a, c) => runLs(a, m.fs, c.now, c.cwd ?? NODE_CWD, nodeProc(m, c.now)),
  cat: (m, a, c) =>
    a.length === 0 ? ok(c.stdin ?? "") : runCat(a, m.fs, c.cwd ?? NODE_CWD, nodeProc(m, c.now)),
  readlink: (m, a, c) => runReadlink(a, m.fs, c.cwd ?? NODE_CWD, nodeProc(m, c.now)),
  systemctl: (m, a, c) => runSystemctl(m.systemd, m.processes, m.journal, a, c.now),
  journalctl: (m, a) => m.journal.run(a),
  crictl: (m, a, c) => runCrictl(m.containerd, a, c.now),
  hostname: (m, a) => runHostname(a, hostnameInputs(m)),
  free: (m, a) => runFree(a, memInfo(m)),
  // The reader's login is the one user session on each node.
  uptime: (m, a, c) =>
    runUptime(a, { now: c.now, bootTime: m.bootTime, users: 1, load: loadAverage(m, c.now) }),
  df: (m, a, c) => {
    const mounts = listMounts(m);
    return runDf(a, mounts, (p) => pathExists(m, mounts, c.cwd ?? NODE_CWD, p));
  },
  printenv: (_m, a, c) => runPrintenv(a, c.env ?? {}),
  env: (m, a, c) => runEnv(a, c.env ?? {}, (argv, env) => runNodeCommand(m, argv, { ...c, env })),
  which: (m, a) => runWhich(a, (name) => installedOn(m, name)),
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
        virt: nodeProc(m, c.now),
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
