// The process table of one node: pids, parents, users, namespaces, exits.
import type { NamespaceRegistry, NsSet } from "./namespaces.ts";

/** Signal numbers used by the model (x86-64 Linux). */
export const SIG = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, TERM: 15 } as const;

const SIGNAL_NAMES: Record<number, string> = { 1: "HUP", 2: "INT", 3: "QUIT", 9: "KILL", 15: "TERM" };

/** Name a signal number the way systemd and kill -l do (`TERM`). */
export function signalName(sig: number): string {
  return SIGNAL_NAMES[sig] ?? String(sig);
}

/** An interactive shell's own state: its variables, which of them are exported, the lines read so far. */
export interface ShellMemory {
  vars: Record<string, string>;
  exported: Set<string>;
  line: number;
}

/** How a process ended. */
export interface ExitInfo {
  pid: number;
  code: number;
  /** The signal that killed it, when it died of one. */
  signal?: number;
  atMs: number;
}

/** What {@link ProcessTable.spawn} needs. */
export interface SpawnOptions {
  argv: string[];
  ppid: number;
  now: number;
  comm?: string;
  uid?: number;
  user?: string | null;
  /** Namespaces; defaults to the parent's. */
  ns?: NsSet;
  cpuRate?: number;
  stat?: string;
  vszKb?: number;
  rssKb?: number;
  threads?: number;
  kernel?: boolean;
  cgroup?: string;
  /** The process environment; defaults to the parent's, as fork keeps it. */
  env?: Readonly<Record<string, string>>;
  /** Force a pid (boot processes); otherwise the next free one. */
  pid?: number;
}

/** The clock of the program that handles a process's signals, moved to each delivery's time first. */
export interface SignalClock {
  advanceTo(now: number): void;
}

/** Config for {@link ProcessTable}. */
export interface ProcessTableConfig {
  namespaces: NamespaceRegistry;
}

/** Derive the kernel comm name from argv[0]: basename, cut to 15 characters. */
export function commFromArgv(argv: readonly string[]): string {
  const first = argv[0] ?? "";
  return first.slice(first.lastIndexOf("/") + 1).slice(0, 15);
}

// Argument vectors by their first word, a few each, shared by every process that runs the same command line
// (a pod's pause and nginx processes): never changed in place (exec gives a process a new one). Safe to
// share between clusters: an entry depends on the words alone. A command whose lines keep differing (the
// shim's names its sandbox) fills its few places and is copied as before.
const argvs = new Map<string, string[][]>();
const PER_COMMAND = 8;

function sharedArgv(argv: readonly string[]): string[] {
  let known = argvs.get(argv[0]);
  if (known === undefined) {
    if (argvs.size >= 10_000) argvs.clear();
    known = [];
    argvs.set(argv[0], known);
  }
  for (const shared of known) if (sameWords(shared, argv)) return shared;
  if (known.length >= PER_COMMAND) return [...argv];
  const shared = Object.freeze([...argv]) as string[];
  known.push(shared);
  return shared;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * One process (or kernel thread) on the node; made by ProcessTable.spawn. Every field is set in one
 * order, the optional ones too, so all processes share one shape with their fields in the object (an
 * object literal grown by env, cwd or onSignal kept a separate property array).
 */
export class Process {
  pid: number;
  ppid: number;
  uid: number;
  /** User name as /etc/passwd has it; null when the uid has no entry (the pause image runs as 65535). */
  user: string | null;
  /** The 15-character kernel command name (`/proc/<pid>/comm`). */
  comm: string;
  argv: string[];
  startMs: number;
  /** Fraction of one CPU the process burns on average; gives ps its C and TIME columns. */
  cpuRate: number;
  /** ps STAT letters, e.g. `Ss`, `Ssl`, `I<`. */
  stat: string;
  vszKb: number;
  rssKb: number;
  threads: number;
  kernel: boolean;
  ns: NsSet;
  /** The pid as seen inside the process's own pid namespace. */
  nsPid: number;
  cgroup: string;
  /** The environment execve gave it (`/proc/<pid>/environ`); undefined where the model does not track it. */
  env: Readonly<Record<string, string>> | undefined;
  /** Its working directory (`/proc/<pid>/cwd`); undefined where the model does not track it. */
  cwd: string | undefined;
  /** What an interactive shell keeps between the lines typed at it; only terminal shells have it. */
  shell: ShellMemory | undefined;
  /** Answer a signal; return true when handled (the process decides whether to exit). */
  onSignal: ((sig: number) => boolean) | undefined;
  /** The handler's clock (its container context), kept here so no wrapper closure per handler is needed. */
  signalClock: SignalClock | undefined;

  constructor(pid: number, opts: SpawnOptions, ns: NsSet, nsPid: number, parent: Process | undefined) {
    this.pid = pid;
    this.ppid = opts.ppid;
    this.uid = opts.uid ?? 0;
    this.user = opts.user === undefined ? "root" : opts.user;
    this.comm = opts.comm ?? commFromArgv(opts.argv);
    this.argv = sharedArgv(opts.argv);
    this.startMs = opts.now;
    this.cpuRate = opts.cpuRate ?? 0;
    this.stat = opts.stat ?? "S";
    this.vszKb = opts.vszKb ?? 0;
    this.rssKb = opts.rssKb ?? 0;
    this.threads = opts.threads ?? 1;
    this.kernel = opts.kernel ?? false;
    this.ns = ns;
    this.nsPid = nsPid;
    this.cgroup = opts.cgroup ?? parent?.cgroup ?? "/";
    this.env = opts.env ?? parent?.env;
    this.cwd = undefined;
    this.shell = undefined;
    this.onSignal = undefined;
    this.signalClock = undefined;
  }
}

/** Keep the node's processes: deterministic pid allocation, spawn, signals, exits and reparenting. */
export class ProcessTable {
  private readonly procs = new Map<number, Process>();
  private readonly exitListeners = new Set<(info: ExitInfo) => void>();
  private readonly nsPidNext = new Map<number, number>();
  private nextPid = 1;
  private readonly namespaces: NamespaceRegistry;

  constructor(config: ProcessTableConfig) {
    if (!config?.namespaces) throw new Error("ProcessTable: config.namespaces is required");
    this.namespaces = config.namespaces;
  }

  /** Start a process; its pid is the next free one unless forced. */
  spawn(opts: SpawnOptions): Process {
    if (!Array.isArray(opts.argv) || opts.argv.length === 0) throw new Error("spawn: argv must not be empty");
    const parent = this.procs.get(opts.ppid);
    if (opts.ppid !== 0 && !parent) throw new Error(`spawn: parent pid ${opts.ppid} does not exist`);
    const pid = opts.pid ?? this.allocate();
    if (this.procs.has(pid)) throw new Error(`spawn: pid ${pid} is in use`);
    this.nextPid = Math.max(this.nextPid, pid + 1);
    const ns = opts.ns ?? parent?.ns ?? this.namespaces.initial;
    const p = new Process(pid, opts, ns, this.allocateNsPid(ns.pid, pid), parent);
    this.procs.set(pid, p);
    // Threads share the pid space, so a multi-threaded process uses up pids after its own.
    this.nextPid += Math.max(0, p.threads - 1);
    return p;
  }

  /** Skip pids, as short-lived helpers and threads do on a real machine. */
  reservePids(count: number): void {
    this.nextPid += count;
  }

  /** Look up a live process. */
  get(pid: number): Process | undefined {
    return this.procs.get(pid);
  }

  /** List live processes by pid. */
  list(): Process[] {
    return [...this.procs.values()].sort((a, b) => a.pid - b.pid);
  }

  /** List the live children of a process. */
  children(pid: number): Process[] {
    const out: Process[] = [];
    for (const p of this.procs.values()) if (p.ppid === pid) out.push(p);
    return out.length > 1 ? out.sort((a, b) => a.pid - b.pid) : out;
  }

  /** List a process and all its live descendants, parents first. */
  descendants(pid: number): Process[] {
    const out: Process[] = [];
    const walk = (id: number) => {
      for (const c of this.children(id)) {
        out.push(c);
        walk(c.pid);
      }
    };
    walk(pid);
    return out;
  }

  /** Listen for process exits; returns an unsubscribe function. */
  onExit(listener: (info: ExitInfo) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  /** Deliver a signal: a handler may take it; an init of a pid namespace ignores unhandled ones but KILL. */
  signal(pid: number, sig: number, now: number): boolean {
    const p = this.procs.get(pid);
    if (!p) return false;
    if (sig !== SIG.KILL && p.onSignal) {
      p.signalClock?.advanceTo(now);
      if (p.onSignal(sig)) return true;
    }
    if (sig !== SIG.KILL && this.isNamespaceInit(p)) return true;
    this.exit(pid, 128 + sig, now, sig);
    return true;
  }

  /** End a process with an exit code; an init of a pid namespace takes its namespace with it. */
  exit(pid: number, code: number, now: number, signal?: number): void {
    const p = this.procs.get(pid);
    if (!p) return;
    this.procs.delete(pid);
    const info: ExitInfo = signal === undefined ? { pid, code, atMs: now } : { pid, code, signal, atMs: now };
    if (this.isNamespaceInit(p)) {
      const members: Process[] = [];
      for (const other of this.procs.values()) if (other.ns.pid === p.ns.pid) members.push(other);
      members.sort((a, b) => a.pid - b.pid);
      for (const other of members) this.exit(other.pid, 128 + SIG.KILL, now, SIG.KILL);
    }
    let reaper = 0;
    for (const child of this.procs.values()) {
      if (child.ppid !== pid) continue;
      if (reaper === 0) reaper = this.reaperFor(p);
      child.ppid = reaper;
    }
    for (const listener of [...this.exitListeners]) listener(info);
  }

  private isNamespaceInit(p: Process): boolean {
    return p.nsPid === 1 && p.ns.pid !== this.namespaces.initial.pid;
  }

  // Orphans go to the nearest live ancestor that is a child subreaper (the shim), else to init.
  private reaperFor(p: Process): number {
    let cur = this.procs.get(p.ppid);
    while (cur) {
      if (cur.comm.startsWith("containerd-shim")) return cur.pid;
      cur = this.procs.get(cur.ppid);
    }
    return 1;
  }

  private allocate(): number {
    while (this.procs.has(this.nextPid)) this.nextPid++;
    return this.nextPid++;
  }

  private allocateNsPid(pidNs: number, hostPid: number): number {
    if (pidNs === this.namespaces.initial.pid) return hostPid;
    const n = this.nsPidNext.get(pidNs) ?? 1;
    this.nsPidNext.set(pidNs, n + 1);
    return n;
  }
}

/** Compute the CPU time a process has used by `now`, in milliseconds. */
export function cpuMs(p: Process, now: number): number {
  return Math.floor(Math.max(0, now - p.startMs) * p.cpuRate);
}
