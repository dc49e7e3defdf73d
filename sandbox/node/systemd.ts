// systemd's service manager for one node: units, start/stop with owner hooks, main processes, restarts.
import type { Journal } from "./journal.ts";
import { cpuMs, type Process, type ProcessTable, SIG } from "./processes.ts";

/** How a unit's main process is started. */
export interface UnitSpawn {
  argv: string[];
  /** The kernel's command name when the process retitles itself (sshd); else from argv[0]. */
  comm?: string;
  uid?: number;
  user?: string | null;
  cpuRate?: number;
  threads?: number;
  rssKb?: number;
  vszKb?: number;
  stat?: string;
}

/** A service unit definition. */
export interface UnitSpec {
  name: string;
  description: string;
  unitPath: string;
  enabled: boolean;
  dropIns?: { dir: string; files: string[] };
  docs?: string[];
  /** The ExecStart= line as written in the unit (shown after a stop). */
  execStart: string;
  spawn: UnitSpawn;
  /** Restart=always with this RestartSec (seconds). */
  restartSec?: number;
  /** KillMode=process leaves children running on stop (containerd keeps its shims). */
  killMode?: "control-group" | "process";
  memoryKb: number;
}

/** Hooks a unit's owner registers to run the component when the unit starts or stops. */
export interface UnitHooks {
  onStart?: (now: number, mainPid: number) => void;
  onStop?: (now: number) => void;
}

/** Runtime state of a unit. */
export interface UnitState {
  spec: UnitSpec;
  active: "active" | "inactive" | "failed";
  since: number | null;
  mainPid: number;
  lastPid: number;
  lastExit: { code: number; signal?: number } | null;
  cpuUsedMs: number;
  hooks: UnitHooks[];
}

/** Config for {@link Systemd}. */
export interface SystemdConfig {
  processes: ProcessTable;
  journal: Journal;
  schedule: (delayMs: number, fn: () => void) => () => void;
}

/** Manage service units: the state machine inactive → active → inactive/failed, with hooks. */
export class Systemd {
  private readonly units = new Map<string, UnitState>();
  private readonly c: SystemdConfig;
  private stopping = new Set<string>();

  constructor(config: SystemdConfig) {
    if (!config?.processes || !config.journal || !config.schedule) {
      throw new Error("Systemd: config.processes, config.journal and config.schedule are required");
    }
    this.c = config;
    config.processes.onExit((info) => {
      for (const u of this.units.values()) {
        if (u.mainPid === info.pid && !this.stopping.has(u.spec.name))
          this.mainExited(u, info.code, info.atMs, info.signal);
      }
    });
  }

  /** Define a unit (inactive until started). */
  define(spec: UnitSpec): void {
    if (!spec.name.endsWith(".service"))
      throw new Error(`Systemd: unit name must end in .service: ${spec.name}`);
    this.units.set(spec.name, {
      spec,
      active: "inactive",
      since: null,
      mainPid: 0,
      lastPid: 0,
      lastExit: null,
      cpuUsedMs: 0,
      hooks: [],
    });
  }

  /** Register start/stop hooks for a unit; returns an unregister function. */
  registerHooks(name: string, hooks: UnitHooks): () => void {
    const u = this.mustGet(name);
    u.hooks.push(hooks);
    return () => {
      u.hooks = u.hooks.filter((h) => h !== hooks);
    };
  }

  /** Resolve `kubelet` or `kubelet.service` to a unit. */
  get(name: string): UnitState | undefined {
    return this.units.get(name.includes(".") ? name : `${name}.service`);
  }

  /** List units by name. */
  list(): UnitState[] {
    return [...this.units.values()].sort((a, b) => (a.spec.name < b.spec.name ? -1 : 1));
  }

  /** The unit's main process, when running. */
  mainProcess(name: string): Process | undefined {
    const u = this.get(name);
    return u?.mainPid ? this.c.processes.get(u.mainPid) : undefined;
  }

  private mustGet(name: string): UnitState {
    const u = this.get(name);
    if (!u) throw new Error(`Systemd: unknown unit ${name}`);
    return u;
  }

  private log(u: UnitState, now: number, message: string): void {
    this.c.journal.append({ time: now, ident: "systemd", pid: 1, unit: u.spec.name, message });
  }

  /** Start a unit (no-op when active); spawns its main process and calls the start hooks. */
  start(name: string, now: number, pid?: number): void {
    const u = this.mustGet(name);
    if (u.active === "active") return;
    const s = u.spec.spawn;
    const p = this.c.processes.spawn({ ...s, ppid: 1, now, cgroup: `/system.slice/${u.spec.name}`, pid });
    Object.assign(u, { active: "active", since: now, mainPid: p.pid, lastPid: p.pid, lastExit: null });
    this.log(u, now, `Started ${u.spec.description}.`);
    for (const h of u.hooks) h.onStart?.(now, p.pid);
  }

  /** Stop a unit: call the stop hooks, end its processes, log as systemd does. */
  stop(name: string, now: number): void {
    const u = this.mustGet(name);
    if (u.active !== "active") {
      u.active = "inactive";
      return;
    }
    this.log(u, now, `Stopping ${u.spec.description}...`);
    this.stopping.add(u.spec.name);
    for (const h of u.hooks) h.onStop?.(now);
    const main = this.c.processes.get(u.mainPid);
    if (main) u.cpuUsedMs += cpuMs(main, now);
    if (u.spec.killMode !== "process") {
      for (const child of this.c.processes.descendants(u.mainPid).reverse())
        this.c.processes.exit(child.pid, 128 + SIG.TERM, now, SIG.TERM);
    }
    this.c.processes.exit(u.mainPid, 0, now);
    this.stopping.delete(u.spec.name);
    Object.assign(u, { active: "inactive", since: now, mainPid: 0, lastExit: { code: 0 } });
    this.log(u, now, `${u.spec.name}: Deactivated successfully.`);
    this.log(u, now, `Stopped ${u.spec.description}.`);
    this.log(u, now, `${u.spec.name}: Consumed ${formatCpu(u.cpuUsedMs)} CPU time.`);
  }

  /** Restart a unit. */
  restart(name: string, now: number): void {
    this.stop(name, now);
    this.start(name, now);
  }

  private mainExited(u: UnitState, code: number, now: number, signal?: number): void {
    const main = this.c.processes.get(u.mainPid);
    if (main) u.cpuUsedMs += cpuMs(main, now);
    Object.assign(u, {
      active: "failed",
      since: now,
      mainPid: 0,
      lastExit: signal ? { code, signal } : { code },
    });
    for (const h of u.hooks) h.onStop?.(now);
    this.log(
      u,
      now,
      signal
        ? `${u.spec.name}: Main process exited, code=killed, status=${signal}/${signalShort(signal)}`
        : `${u.spec.name}: Main process exited, code=exited, status=${code}/${exitName(code)}`,
    );
    this.log(u, now, `${u.spec.name}: Failed with result '${signal ? "signal" : "exit-code"}'.`);
    if (u.spec.restartSec !== undefined) {
      const at = now + u.spec.restartSec * 1000;
      this.c.schedule(u.spec.restartSec * 1000, () => {
        if (u.active !== "failed") return;
        this.log(u, at, `${u.spec.name}: Scheduled restart job, restart counter is at 1.`);
        this.start(u.spec.name, at);
      });
    }
  }
}

const signalShort = (sig: number) => ({ 1: "HUP", 2: "INT", 9: "KILL", 15: "TERM" })[sig] ?? String(sig);

/** Name an exit status as systemd does (`0/SUCCESS`, `1/FAILURE`). */
export function exitName(code: number): string {
  return (
    (
      {
        0: "SUCCESS",
        1: "FAILURE",
        2: "INVALIDARGUMENT",
        3: "NOTIMPLEMENTED",
        4: "NOPERMISSION",
        5: "NOTINSTALLED",
        6: "NOTCONFIGURED",
        7: "NOTRUNNING",
      } as Record<number, string>
    )[code] ?? String(code)
  );
}

/** Format CPU time as systemd's format_timespan with millisecond accuracy (`3.519s`, `712ms`, `1min 3.519s`). */
export function formatCpu(ms: number): string {
  const m = Math.floor(ms);
  if (m < 1000) return `${m}ms`;
  const min = Math.floor(m / 60000);
  const rest = m % 60000;
  const sec = `${Math.floor(rest / 1000)}${
    rest % 1000
      ? `.${String(rest % 1000)
          .padStart(3, "0")
          .replace(/0+$/, "")}`
      : ""
  }s`;
  if (min === 0) return sec;
  return rest === 0 ? `${min}min` : `${min}min ${sec}`;
}
