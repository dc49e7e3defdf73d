// Run a command inside a container as `kubectl exec` does: in the container's own root filesystem and pid
// namespace, with `sh -c` scripts (pipes, redirections, $(...), for/if/while) and the image's tools.

import { busyboxBanner } from "../images/busybox.ts";
import { processEnv } from "../images/env.ts";
import { runImageTool } from "../images/tools.ts";
import { type CdShell, type CwdState, runCd, runPwd } from "../shell/cd.ts";
import { runDate } from "../shell/date.ts";
import { runPrintf } from "../shell/printf.ts";
import { runScriptText, type ScriptHost } from "../shell/script.ts";
import { ShellSyntaxError } from "../shell/tokenize.ts";
import { type NsProcess, runBusyboxPs } from "./busybox-ps.ts";
import type { ExecTarget } from "./cri-types.ts";
import { FsError } from "./filesystem.ts";
import { runCat, runLs, runReadlink } from "./fs-commands.ts";
import { runTreeCommand, treeCommands, treeMtime } from "./node-tools.ts";
import { resolvePath } from "./paths.ts";
import { runPgrep, runPidof } from "./pgrep.ts";
import { procPaths } from "./proc-fs.ts";
import type { Process } from "./processes.ts";
import type { CommandOutput } from "./ps.ts";

/** What an exec needs besides the target: the time, kubelet-managed files and the network tools. */
export interface ContainerExecOptions {
  now: number;
  /** The process environment; defaults to the container's env with HOSTNAME and HOME. */
  env?: Record<string, string>;
  /** Files the kubelet bind-mounts into every container (/etc/hosts, /etc/resolv.conf, /etc/hostname). */
  files?: Record<string, string>;
  /** Run a tool this module does not model (curl, wget, nslookup, ip...); null when it is not one. */
  external?: (argv: string[], stdin: string) => CommandOutput | null;
  /** Whether stdout is a terminal (`kubectl exec -t`); without one ls prints a name per line. */
  tty?: boolean;
  /** The directory a plain run starts in (a main-command script's after its cd); default the WorkingDir. */
  cwd?: string;
  /** The terminal's shell (`exec -it POD -- sh`) that runs this line with its own directory and variables. */
  session?: ShellSessionRun;
}

/** A line typed at an interactive shell: the shell's pid, and the status it exited with, if it did. */
export interface ShellSessionRun {
  pid: number;
  exited?: number;
}

/** What the node adds to a container's own shell at a given time: the kubelet's files and network tools. */
export type ExecHook = (t: ExecTarget, now: number) => Pick<ContainerExecOptions, "files" | "external">;

// Applets of the busybox image beyond the ones the image lists (it ships about 400).
const BUSYBOX_APPLETS = [
  ...treeCommands(),
  "date",
  "ps",
  "pgrep",
  "pidof",
  "readlink",
  "pwd",
  "env",
  "printenv",
];
// What a Debian-based image's essential packages provide (coreutils, grep, mawk, sysvinit-utils).
const DEBIAN_BASE = [
  ...treeCommands(),
  "date",
  "readlink",
  "pwd",
  "pidof",
  "env",
  "printenv",
  "ls",
  "cat",
  "id",
];

/** `exit N` inside a script: unwinds to the script's caller with N. */
class ScriptExit {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}

const out = (stdout: string, exitCode = 0): CommandOutput => ({ stdout, stderr: "", exitCode });

/** Whether a container's image is busybox (its tools and shell word things busybox's way). */
export function isBusybox(t: ExecTarget): boolean {
  return t.binaries.includes("wget");
}

/** Run argv in a running container; the caller has checked the container is running. */
export function runInContainer(
  t: ExecTarget,
  argv: string[],
  stdin: string,
  opts: ContainerExecOptions,
): CommandOutput {
  const busybox = isBusybox(t);
  const banner = busyboxBanner(t.busyboxVersion);
  const fs = t.rootfs;
  // The kubelet writes these once per pod; what a process later writes to them stays.
  for (const [path, text] of Object.entries(opts.files ?? {}))
    if (!fs.exists(path)) fs.writeFile(path, text, opts.now);
  const main = t.processes.get(t.pid);
  const pidNs = main?.ns.pid ?? 0;
  // A terminal's shell keeps its state in its own process; a plain exec starts from the image's.
  const shell = opts.session ? t.processes.get(opts.session.pid) : undefined;
  const memory = shell?.shell;
  // The exec'd process joins the container, so ps inside sees it, with the next pid of the namespace.
  const wantsProcs = argv.some((a) => /\b(ps|pgrep|pidof)\b|\/proc\//.test(a));
  const self =
    shell ??
    (main && wantsProcs
      ? t.processes.spawn({
          argv,
          ppid: t.shimPid,
          now: opts.now,
          ns: main.ns,
          cgroup: main.cgroup,
          rssKb: 800,
          env: opts.env ?? main.env,
        })
      : undefined);
  const nsProcs = (): Process[] => t.processes.list().filter((p) => p.ns.pid === pidNs);
  const lookup = { get: (n: number) => nsProcs().find((p) => p.nsPid === n) };
  const virt = procPaths(lookup);
  const env: Record<string, string> = memory?.vars ?? { ...(opts.env ?? processEnv(t.env, t.hostname)) };
  // The shell's variables live in env too; only these names are in a child's environment.
  const exported = memory?.exported ?? new Set(Object.keys(env));
  const here: CwdState = { cwd: shell?.cwd ?? opts.cwd ?? t.workingDir ?? "/", env };
  const environ = () => Object.entries(env).filter(([k]) => exported.has(k));
  const available = (cmd: string) =>
    t.binaries.includes(cmd) ||
    (busybox ? BUSYBOX_APPLETS : t.binaries.includes("sh") ? DEBIAN_BASE : []).includes(cmd);
  const shName = (argv[0] ?? "sh").split("/").pop() ?? "sh";
  const flavor = busybox ? "ash" : shName === "bash" ? "bash" : "dash";
  const line = memory?.line ?? 1;
  const cdShell: CdShell = {
    flavor,
    name: shName,
    interactive: memory !== undefined,
    line,
    dirError: (path) => (virt.listDir(path) ? undefined : fs.dirError(path)),
  };

  const command = (words: string[], input: string, inScript: boolean): CommandOutput => {
    const name = (words[0] ?? "").split("/").pop() ?? "";
    const args = words.slice(1);
    if (inScript && name === "cd") return runCd(args, here, cdShell);
    if (inScript && name === "pwd") return runPwd(args, here, cdShell);
    if (inScript && ["export", ":"].includes(name)) {
      for (const a of args) {
        const m = /^([A-Za-z_]\w*)(?:=(.*))?$/.exec(a);
        if (!m || name !== "export") continue;
        if (m[2] !== undefined) env[m[1]] = m[2];
        exported.add(m[1]);
      }
      return out("");
    }
    if (inScript && name === "exit")
      throw new ScriptExit(args[0] === undefined ? Number(env["?"] ?? 0) : Number(args[0]) & 255);
    if (inScript && name === "printf") return runPrintf(args, busybox ? "sh" : "sh: 1");
    if (inScript && name === "echo")
      return out(args[0] === "-n" ? args.slice(1).join(" ") : `${args.join(" ")}\n`);
    if (!available(name)) {
      if (!inScript)
        return {
          stdout: "",
          stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${words[0]}": executable file not found in $PATH: unknown\n`,
          exitCode: 126,
        };
      const stderr =
        flavor === "bash"
          ? `bash: ${memory ? "" : `line ${line}: `}${words[0]}: command not found\n`
          : `${flavor === "ash" ? `${shName}:` : `${shName}: ${line}:`} ${words[0]}: not found\n`;
      return { stdout: "", stderr, exitCode: 127 };
    }
    const tree = runTreeCommand(name, args, input, {
      fs,
      cwd: here.cwd,
      now: opts.now,
      flavor: busybox ? "busybox" : "gnu",
      banner,
      virt,
    });
    if (tree) return tree;
    switch (name) {
      case "sh":
      case "ash":
      case "bash":
        return args[0] === "-c" ? script(args[1] ?? "", input, name) : out("");
      case "echo":
        return out(args[0] === "-n" ? args.slice(1).join(" ") : `${args.join(" ")}\n`);
      case "true":
      case "sleep":
        return out("");
      case "false":
        return out("", 1);
      case "pwd":
        return out(`${here.cwd}\n`);
      case "hostname":
        return out(`${t.hostname}\n`);
      case "id":
        return out("uid=0(root) gid=0(root) groups=0(root)\n");
      case "whoami":
        return out("root\n");
      case "printenv":
      case "env": {
        const vars = new Map(environ());
        if (name === "printenv" && args.length) {
          const found = args.filter((a) => vars.has(a));
          return out(found.map((a) => `${vars.get(a)}\n`).join(""), found.length === args.length ? 0 : 1);
        }
        return out([...vars].map(([k, v]) => `${k}=${v}\n`).join(""));
      }
      case "date":
        return runDate(args, {
          now: opts.now,
          flavor: busybox ? "busybox" : "gnu",
          mtime: treeMtime(fs, here.cwd),
        });
      case "cat":
        return args.length === 0 ? out(input) : cat(args);
      case "ls":
        return runLs(args, fs, opts.now, here.cwd, virt, busybox ? "busybox" : "gnu", opts.tty ?? false);
      case "readlink":
        return runReadlink(args, fs, here.cwd, virt);
      case "ps":
        return withChild(["ps", ...args], () => runBusyboxPs(args, nsView(), opts.now, banner));
      case "pgrep":
        return withChild(["pgrep", ...args], (pid) => {
          const r = runPgrep(args, nsProcs(), pid);
          return {
            ...r,
            stdout: r.stdout.replace(/^\d+/gm, (n) => String(t.processes.get(Number(n))?.nsPid ?? n)),
          };
        });
      case "pidof": {
        const r = runPidof(args, nsProcs());
        return {
          ...r,
          stdout: r.stdout.replace(/\d+/g, (n) => String(t.processes.get(Number(n))?.nsPid ?? n)),
        };
      }
    }
    // The image's own executables (`nginx -v`, `redis-server --version`) answer for their version.
    const own = runImageTool(t.tools, words);
    if (own) return own;
    return (
      opts.external?.(words, input) ?? {
        stdout: "",
        stderr: `${name}: this command is not modelled inside containers\n`,
        exitCode: 126,
      }
    );
  };

  const cat = (args: string[]): CommandOutput => {
    const r = runCat(args, fs, here.cwd, virt);
    if (!busybox) return r;
    return {
      ...r,
      stderr: r.stderr.replace(/^cat: (.*): (No such file or directory)$/gm, "cat: can't open '$1': $2"),
    };
  };

  const nsView = (): NsProcess[] =>
    nsProcs().map((p) => {
      const parent = t.processes.get(p.ppid);
      return { proc: p, pid: p.nsPid, ppid: parent && parent.ns.pid === pidNs ? parent.nsPid : 0 };
    });

  const withChild = (childArgv: string[], fn: (pid: number) => CommandOutput): CommandOutput => {
    if (!self || !main) return fn(-1);
    const isSelf = argv.length > 0 && argv[0] === childArgv[0];
    const child = isSelf
      ? self
      : t.processes.spawn({
          argv: childArgv,
          ppid: self.pid,
          now: opts.now,
          ns: main.ns,
          cgroup: main.cgroup,
        });
    try {
      return fn(child.pid);
    } finally {
      if (!isSelf) t.processes.exit(child.pid, 0, opts.now);
    }
  };

  const script = (text: string, input: string, name: string): CommandOutput => {
    const host: ScriptHost = {
      flavor: flavor === "ash" ? "sh" : flavor,
      env,
      run: (words, stdin2, _sink, assigns) => {
        const saved = { ...env };
        const added = Object.keys(assigns).filter((k) => !exported.has(k));
        Object.assign(env, assigns);
        for (const k of added) exported.add(k);
        try {
          return command(words, stdin2, true);
        } finally {
          // A prefix assignment lasts for its one command (a special builtin's would stay; not modelled).
          if (Object.keys(assigns).length) {
            for (const k of Object.keys(assigns)) delete env[k];
            Object.assign(env, saved);
            for (const k of added) exported.delete(k);
          }
        }
      },
      readFile: (path) => {
        const full = resolvePath(here.cwd, path);
        const v = virt.readFile(full);
        if (v !== null) return { text: v };
        try {
          return { text: fs.readFile(full) };
        } catch (e) {
          if (e instanceof FsError) return { error: e.message };
          throw e;
        }
      },
      writeFile: (path, content, append) => {
        const full = resolvePath(here.cwd, path);
        if (/^\/(proc|sys)(\/|$)/.test(full)) return "No such file or directory";
        try {
          if (append) fs.appendFile(full, content, opts.now);
          else fs.writeFile(full, content, opts.now);
          return undefined;
        } catch (e) {
          if (e instanceof FsError) return e.message;
          throw e;
        }
      },
    };
    let acc: CommandOutput = { stdout: "", stderr: "", exitCode: 0 };
    try {
      return runScriptText(host, text, input, (st, chunk) => {
        acc = { ...acc, [st]: acc[st] + chunk };
      });
    } catch (e) {
      // Output already produced stays; the sink saw it as it streamed.
      if (e instanceof ScriptExit) {
        if (opts.session) opts.session.exited = e.code;
        return { ...acc, exitCode: e.code };
      }
      if (!(e instanceof ShellSyntaxError)) throw e;
      return { stdout: "", stderr: `${name}: ${e.message}\n`, exitCode: 2 };
    }
  };

  try {
    return command(argv, stdin, false);
  } finally {
    if (shell) shell.cwd = here.cwd;
    else if (self) t.processes.exit(self.pid, 0, opts.now);
  }
}
