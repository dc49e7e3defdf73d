// `systemctl` as systemd 249 (Ubuntu 22.04) prints it: status, start/stop/restart, is-active, is-enabled, list-units.
import type { Journal } from "./journal.ts";
import { cpuMs, type ProcessTable } from "./processes.ts";
import type { CommandOutput } from "./ps.ts";
import { exitName, formatCpu, type Systemd, type UnitState } from "./systemd.ts";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** Format a timestamp as systemd does: `Thu 2025-01-02 03:04:05 UTC`. */
export function systemdTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} UTC`;
}

/** Format a relative time as systemd's format_timestamp_relative (`5min ago`, `1h 2min ago`). */
export function systemdAgo(ms: number): string {
  const s = Math.floor(ms / 1000);
  const min = Math.floor(s / 60);
  const h = Math.floor(s / 3600);
  const day = Math.floor(s / 86400);
  if (day >= 30) return `${Math.floor(day / 30)} months ${day % 30} days ago`;
  if (day >= 7) return `${Math.floor(day / 7)} weeks ${day % 7} days ago`;
  if (day >= 2) return `${day} days ago`;
  if (h >= 25) return `1 day ${h - 24}h ago`;
  if (h >= 6) return `${h}h ago`;
  if (h >= 1) return `${h}h ${min % 60}min ago`;
  if (min >= 5) return `${min}min ago`;
  if (min >= 1) return `${min}min ${s % 60}s ago`;
  if (s >= 1) return `${s}s ago`;
  if (ms >= 1) return `${ms}ms ago`;
  return "now";
}

/** Format bytes as systemd's format_bytes: base 1024, one decimal (`45.2M`). */
export function systemdBytes(bytes: number): string {
  const units = ["B", "K", "M", "G", "T"];
  let i = 0;
  let factor = 1;
  while (i < units.length - 1 && bytes >= factor * 1024) {
    factor *= 1024;
    i++;
  }
  if (i === 0) return `${bytes}B`;
  const tenths = Math.floor((bytes * 10) / factor);
  return `${Math.floor(tenths / 10)}.${tenths % 10}${units[i]}`;
}

const TASKS_LIMIT = 4557;

function statusText(u: UnitState, procs: ProcessTable, journal: Journal, now: number): string {
  const s = u.spec;
  const autoRestart = u.active === "failed" && s.restartSec !== undefined;
  const dot = u.active === "inactive" ? "○" : u.active === "failed" && !autoRestart ? "×" : "●";
  const out: string[] = [`${dot} ${s.name} - ${s.description}`];
  out.push(
    `     Loaded: loaded (${s.unitPath}; ${s.enabled ? "enabled" : "disabled"}; vendor preset: enabled)`,
  );
  if (s.dropIns) {
    out.push(`    Drop-In: ${s.dropIns.dir}`);
    const files = s.dropIns.files;
    files.forEach((f, i) => {
      out.push(`             ${i === files.length - 1 ? "└─" : "├─"}${f}`);
    });
  }
  const since = u.since === null ? "" : ` since ${systemdTimestamp(u.since)}; ${systemdAgo(now - u.since)}`;
  const result = u.lastExit?.signal ? "signal" : "exit-code";
  const active =
    u.active === "active"
      ? "active (running)"
      : autoRestart
        ? `activating (auto-restart) (Result: ${result})`
        : u.active === "failed"
          ? `failed (Result: ${result})`
          : "inactive (dead)";
  out.push(`     Active: ${active}${since}`);
  (s.docs ?? []).forEach((d, i) => {
    out.push(`${i === 0 ? "       Docs: " : "             "}${d}`);
  });
  const members = procs.list().filter((p) => p.cgroup === `/system.slice/${s.name}`);
  if (u.active === "active") {
    const main = procs.get(u.mainPid);
    out.push(`   Main PID: ${u.mainPid} (${main?.comm ?? "?"})`);
    out.push(`      Tasks: ${members.reduce((n, p) => n + p.threads, 0)} (limit: ${TASKS_LIMIT})`);
    out.push(`     Memory: ${systemdBytes(members.reduce((n, p) => n + p.rssKb, 0) * 1024)}`);
    out.push(`        CPU: ${formatCpu(u.cpuUsedMs + members.reduce((n, p) => n + cpuMs(p, now), 0))}`);
    out.push(`     CGroup: /system.slice/${s.name}`);
    const width = String(Math.max(...members.map((p) => p.pid))).length;
    members.forEach((p, i) => {
      const glyph = i === members.length - 1 ? "└─" : "├─";
      out.push(`             ${glyph}${String(p.pid).padStart(width)} ${p.argv.join(" ")}`);
    });
  } else if (u.lastExit && u.lastPid) {
    const how = u.lastExit.signal
      ? `code=killed, signal=${u.lastExit.signal === 15 ? "TERM" : u.lastExit.signal === 9 ? "KILL" : u.lastExit.signal}`
      : `code=exited, status=${u.lastExit.code}/${exitName(u.lastExit.code)}`;
    out.push(`    Process: ${u.lastPid} ExecStart=${s.execStart} (${how})`);
    out.push(`   Main PID: ${u.lastPid} (${how})`);
    out.push(`        CPU: ${formatCpu(u.cpuUsedMs)}`);
    if (members.length > 0) {
      out.push(`     CGroup: /system.slice/${s.name}`);
      members.forEach((p, i) => {
        out.push(`             ${i === members.length - 1 ? "└─" : "├─"}${p.pid} ${p.argv.join(" ")}`);
      });
    }
  }
  const tail = journal.forUnit(s.name).slice(-10);
  if (tail.length > 0) out.push("", ...tail.map((e) => journal.format(e)));
  return `${out.join("\n")}\n`;
}

function listUnits(sd: Systemd, all: boolean): string {
  const units = sd.list().filter((u) => all || u.active !== "inactive");
  const sub = (u: UnitState) =>
    u.active === "active"
      ? "running"
      : u.active === "failed"
        ? u.spec.restartSec !== undefined
          ? "auto-restart"
          : "failed"
        : "dead";
  const act = (u: UnitState) =>
    u.active === "failed" && u.spec.restartSec !== undefined ? "activating" : u.active;
  const rows = units.map((u) => [u.spec.name, "loaded", act(u), sub(u), u.spec.description]);
  const head = ["UNIT", "LOAD", "ACTIVE", "SUB", "DESCRIPTION"];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[], mark: string) =>
    `${mark}${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(w[i]))).join(" ")}`;
  return `${[line(head, "  "), ...rows.map((r, i) => line(r, units[i].active === "failed" ? "● " : "  "))].join("\n")}

LOAD   = Reflects whether the unit definition was properly loaded.
ACTIVE = The high-level unit activation state, i.e. generalization of SUB.
SUB    = The low-level unit activation state, values depend on unit type.
${units.length} loaded units listed.${all ? "" : " Pass --all to see loaded but inactive units, too."}
To show all installed unit files use 'systemctl list-unit-files'.
`;
}

/** Run `systemctl ...` against a node's systemd. */
export function runSystemctl(
  sd: Systemd,
  procs: ProcessTable,
  journal: Journal,
  args: readonly string[],
  now: number,
): CommandOutput {
  const words = args.filter((a) => !a.startsWith("-"));
  const [verb, ...names] = words;
  const ok = (stdout = ""): CommandOutput => ({ stdout, stderr: "", exitCode: 0 });
  const unitName = (n: string) => (n.includes(".") ? n : `${n}.service`);
  if (verb === undefined || verb === "list-units") {
    return ok(listUnits(sd, args.includes("--all") || args.includes("-a")));
  }
  if (names.length === 0) return { stdout: "", stderr: `Too few arguments.\n`, exitCode: 1 };
  let stdout = "";
  let stderr = "";
  let exitCode = 0;
  for (const n of names) {
    const u = sd.get(n);
    switch (verb) {
      case "status":
        if (!u) {
          stderr += `Unit ${unitName(n)} could not be found.\n`;
          exitCode = 4;
          break;
        }
        stdout += (stdout ? "\n" : "") + statusText(u, procs, journal, now);
        if (u.active !== "active") exitCode = 3;
        break;
      case "is-active":
        if (!u || u.active === "inactive") {
          stdout += "inactive\n";
          exitCode = 3;
        } else if (u.active === "failed") {
          stdout += u.spec.restartSec !== undefined ? "activating\n" : "failed\n";
          exitCode = 3;
        } else stdout += "active\n";
        break;
      case "is-enabled":
        if (!u) {
          stderr += `Failed to get unit file state for ${unitName(n)}: No such file or directory\n`;
          exitCode = 1;
        } else {
          stdout += u.spec.enabled ? "enabled\n" : "disabled\n";
          if (!u.spec.enabled) exitCode = 1;
        }
        break;
      case "start":
      case "stop":
      case "restart":
        if (!u) {
          stderr += `Failed to ${verb} ${unitName(n)}: Unit ${unitName(n)} not ${verb === "stop" ? "loaded" : "found"}.\n`;
          exitCode = 5;
          break;
        }
        if (verb === "start") sd.start(u.spec.name, now);
        else if (verb === "stop") sd.stop(u.spec.name, now);
        else sd.restart(u.spec.name, now);
        break;
      default:
        return { stdout: "", stderr: `Unknown command verb ${verb}.\n`, exitCode: 1 };
    }
  }
  return { stdout, stderr, exitCode };
}
