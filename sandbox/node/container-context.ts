// Build the ImageContext a container's program runs in: its namespaces, log, timers and sockets.
import { processEnv } from "../images/env.ts";
import type { ContainerSpawnOptions, ImageContext, ImageProgram } from "../images/types.ts";
import type { LogLine } from "./cri-types.ts";
import type { FileTree } from "./filesystem.ts";
import type { NsSet } from "./namespaces.ts";
import type { ProcessTable } from "./processes.ts";
import type { Proto, SocketHandler, SocketTable } from "./sockets.ts";

/** The running side of a container, as its context sees it. */
export interface ContainerRuntimeState {
  mainPid: number;
  logs: LogLine[];
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
  ) => { stdout: string; stderr: string; exitCode: number };
  /** Run a daemon's node-side behaviour; returns its cleanup, called when the container exits. */
  attach?: (daemon: string, ctx: ImageContext, pid: number) => (() => void) | undefined;
}

// A container keeps this many log lines; a real kubelet rotates at 10 MiB.
const MAX_LOG_LINES = 5000;

/** Create the context for one container start. */
export function createContainerContext(d: ContainerContextDeps): ImageContext {
  let clock = d.now;
  const st = d.state;
  const user = d.program.user;
  // What runc hands execve: the spec's env with HOSTNAME and, when unset, HOME.
  const procEnv = processEnv(d.env, d.hostname);
  const ctx: ImageContext = {
    argv: d.argv,
    env: d.env,
    hostname: d.hostname,
    podIp: d.podIp,
    now: () => clock,
    spawn(argv: string[], opts: ContainerSpawnOptions = {}) {
      const ppid = opts.parent ?? (st.mainPid > 0 ? st.mainPid : d.shimPid);
      const p = d.processes.spawn({
        argv,
        ppid,
        now: clock,
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
        env: procEnv,
      });
      if (st.mainPid <= 0) st.mainPid = p.pid;
      return p.pid;
    },
    nsPidOf: (pid) => d.processes.get(pid)?.nsPid ?? 0,
    exec(pid, argv) {
      const p = d.processes.get(pid);
      if (p) {
        p.argv = [...argv];
        p.comm = (argv[0] ?? "").split("/").pop()!.slice(0, 15);
      }
    },
    exitProcess: (pid, code) => d.processes.exit(pid, code, clock),
    exit: (code) => {
      if (st.mainPid > 0) d.processes.exit(st.mainPid, code, clock);
    },
    log(text, stream = "stdout") {
      if (st.exited) return;
      if (text.indexOf("\n") < 0) st.logs.push({ time: clock, stream, text });
      else for (const line of text.split("\n")) st.logs.push({ time: clock, stream, text: line });
      if (st.logs.length > MAX_LOG_LINES) st.logs.splice(0, st.logs.length - MAX_LOG_LINES);
    },
    schedule(delayMs, fn) {
      const at = clock + delayMs;
      const cancel = d.schedule(delayMs, () => {
        if (st.exited) return;
        clock = at;
        fn();
      });
      st.cancels.push(cancel);
      return cancel;
    },
    listen(port: number, proto: Proto, handler: SocketHandler, pid?: number, addr?: string) {
      const owner = pid ?? st.mainPid;
      d.sockets.listen({
        netns: d.ns.net,
        port,
        proto,
        pid: owner,
        ...(addr ? { addr } : {}),
        handler: (payload, info) => {
          clock = Math.max(clock, info.now);
          return handler(payload, info);
        },
      });
    },
    onSignal(pid, handler) {
      const p = d.processes.get(pid);
      if (p) {
        p.onSignal = (sig, now) => {
          clock = Math.max(clock, now);
          return handler(sig);
        };
      }
    },
    rootfs: d.rootfs,
    runScript: d.runScript ? (shell, script) => d.runScript!(shell, script, clock) : undefined,
    attach(daemon, pid) {
      const stop = d.attach?.(daemon, ctx, pid);
      if (stop) st.cancels.push(stop);
    },
  };
  return ctx;
}
