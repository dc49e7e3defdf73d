// Build the ImageContext a container's program runs in: its namespaces, log, timers and sockets.
import { processEnv } from "../images/env.ts";
import type { ContainerSpawnOptions, ImageContext, ImageProgram } from "../images/types.ts";
import type { FileTree } from "./filesystem.ts";
import type { LineFormat, LogBuffer } from "./log-buffer.ts";
import type { NsSet } from "./namespaces.ts";
import type { ProcessTable } from "./processes.ts";
import type { Proto, SocketHandler, SocketTable } from "./sockets.ts";

/** The running side of a container, as its context sees it. */
export interface ContainerRuntimeState {
  mainPid: number;
  logs: LogBuffer;
  cancels: Array<() => void>;
  exited: boolean;
}

/** What the context needs from containerd. */
export interface ContainerContextDeps {
  processes: ProcessTable;
  sockets: SocketTable;
  schedule: (delayMs: number, fn: () => void) => () => void;
  program: ImageProgram;
  argv: string[];
  env: Record<string, string>;
  hostname: string;
  podIp: string;
  /** Whether the main process has an open stdin to read (the container's config asked for one). */
  stdinOpen?: boolean;
  ns: NsSet;
  shimPid: number;
  cgroup: string;
  now: number;
  state: ContainerRuntimeState;
  /** The container's root filesystem, for programs that read their own files (nginx's document root). */
  rootfs?: FileTree;
  /** Run `<shell> -c script` in the container's root filesystem at a given time. */
  runScript?: (
    shell: string,
    script: string,
    now: number,
    cwd?: string,
  ) => { stdout: string; stderr: string; exitCode: number };
  /** Run a daemon's node-side behaviour; returns its cleanup, called when the container exits. */
  attach?: (daemon: string, ctx: ImageContext, pid: number) => (() => void) | undefined;
}

// A container keeps this many log lines; a real kubelet rotates at 10 MiB.
const MAX_LOG_LINES = 5000;

/** Create the context for one container start. */
export function createContainerContext(d: ContainerContextDeps): ImageContext {
  return new ContainerContext(d);
}

// One object per container start with its behaviour on the prototype: a container keeps its context for
// its whole life (programs' timers and signal handlers hold it), so no closure per operation is kept.
class ContainerContext implements ImageContext {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly hostname: string;
  readonly podIp: string;
  readonly stdinOpen: boolean;
  readonly rootfs: FileTree | undefined;
  // Present (as the shared runInRoot) only when containerd can run scripts in this container.
  readonly runScript: ImageContext["runScript"];
  private clock: number;
  private readonly d: ContainerContextDeps;
  // What runc hands execve: the spec's env with HOSTNAME and, when unset, HOME.
  private readonly procEnv: Record<string, string>;

  constructor(d: ContainerContextDeps) {
    this.argv = d.argv;
    this.env = d.env;
    this.hostname = d.hostname;
    this.podIp = d.podIp;
    this.stdinOpen = d.stdinOpen === true;
    this.rootfs = d.rootfs;
    this.runScript = d.runScript ? runInRoot : undefined;
    this.clock = d.now;
    this.d = d;
    this.procEnv = processEnv(d.env, d.hostname);
  }

  now(): number {
    return this.clock;
  }

  spawn(argv: string[], opts: ContainerSpawnOptions = {}): number {
    const d = this.d;
    const st = d.state;
    const user = d.program.user;
    const ppid = opts.parent ?? (st.mainPid > 0 ? st.mainPid : d.shimPid);
    const p = d.processes.spawn({
      argv,
      ppid,
      now: this.clock,
      ns: d.ns,
      cgroup: d.cgroup,
      comm: opts.comm,
      uid: opts.uid ?? user?.uid ?? 0,
      user: opts.user !== undefined ? opts.user : user ? user.name : "root",
      cpuRate: opts.cpuRate,
      rssKb: opts.rssKb ?? 1200,
      vszKb: opts.vszKb ?? 4400,
      threads: opts.threads,
      stat: opts.stat ?? (st.mainPid > 0 ? "S" : "Ss"),
      env: this.procEnv,
    });
    if (st.mainPid <= 0) st.mainPid = p.pid;
    return p.pid;
  }

  nsPidOf(pid: number): number {
    return this.d.processes.get(pid)?.nsPid ?? 0;
  }

  exec(pid: number, argv: string[]): void {
    const p = this.d.processes.get(pid);
    if (p) {
      p.argv = [...argv];
      p.comm = (argv[0] ?? "").split("/").pop()!.slice(0, 15);
    }
  }

  exitProcess(pid: number, code: number): void {
    this.d.processes.exit(pid, code, this.clock);
  }

  exit(code: number): void {
    const st = this.d.state;
    if (st.mainPid > 0) this.d.processes.exit(st.mainPid, code, this.clock);
  }

  log(text: string, stream: "stdout" | "stderr" = "stdout"): void {
    const st = this.d.state;
    if (st.exited) return;
    const time = this.clock;
    if (text.indexOf("\n") < 0) st.logs.push(time, stream, text);
    else for (const line of text.split("\n")) st.logs.push(time, stream, line);
    st.logs.trim(MAX_LOG_LINES);
  }

  logFormatted(format: LineFormat, arg: string, stream: "stdout" | "stderr" = "stdout"): void {
    const st = this.d.state;
    if (st.exited) return;
    st.logs.pushFormatted(this.clock, stream, format, arg);
    st.logs.trim(MAX_LOG_LINES);
  }

  schedule(delayMs: number, fn: () => void): () => void {
    const st = this.d.state;
    const at = this.clock + delayMs;
    const cancel = this.d.schedule(delayMs, () => {
      if (st.exited) return;
      this.clock = at;
      fn();
    });
    st.cancels.push(cancel);
    return cancel;
  }

  listen(port: number, proto: Proto, handler: SocketHandler, pid?: number, addr?: string): void {
    const owner = pid ?? this.d.state.mainPid;
    this.d.sockets.listen({
      netns: this.d.ns.net,
      port,
      proto,
      pid: owner,
      ...(addr ? { addr } : {}),
      handler: (payload, info) => {
        this.clock = Math.max(this.clock, info.now);
        return handler(payload, info);
      },
    });
  }

  onSignal(pid: number, handler: (sig: number) => boolean): void {
    const p = this.d.processes.get(pid);
    if (p) {
      p.onSignal = handler;
      p.signalClock = this;
    }
  }

  /** Move the clock forward to a signal's delivery time (never back). */
  advanceTo(now: number): void {
    this.clock = Math.max(this.clock, now);
  }

  attach(daemon: string, pid: number): void {
    const stop = this.d.attach?.(daemon, this, pid);
    if (stop) this.d.state.cancels.push(stop);
  }

  /** Run a script through containerd at this context's time (see runScript). */
  scriptAt(
    shell: string,
    script: string,
    cwd?: string,
  ): { stdout: string; stderr: string; exitCode: number } {
    return this.d.runScript!(shell, script, this.clock, cwd);
  }
}

function runInRoot(
  this: ContainerContext,
  shell: string,
  script: string,
  cwd?: string,
): { stdout: string; stderr: string; exitCode: number } {
  return this.scriptAt(shell, script, cwd);
}
