// bash's `kill [-s SIG | -SIG] PID...` on a node: signals a modelled process, which may exit (a
// container's main process ending stops its container; a unit's main process ending fails the unit).
import { type ProcessTable, SIG } from "./processes.ts";
import type { CommandOutput } from "./ps.ts";

// x86-64 numbers; the model acts on TERM, KILL, INT, HUP, QUIT and the other terminating signals.
const NUMBERS: Record<string, number> = {
  HUP: 1,
  INT: 2,
  QUIT: 3,
  ABRT: 6,
  KILL: 9,
  USR1: 10,
  SEGV: 11,
  USR2: 12,
  PIPE: 13,
  ALRM: 14,
  TERM: 15,
  CHLD: 17,
  CONT: 18,
  STOP: 19,
  TSTP: 20,
  WINCH: 28,
};
// Signals whose default action is not to terminate; the model has no stopped state, so they do nothing.
const HARMLESS = new Set([17, 18, 19, 20, 28]);

/** Parse a signal given as `9`, `KILL` or `SIGKILL`; null when bash would not know it. */
export function parseSignal(spec: string): number | null {
  if (/^\d+$/.test(spec)) return Number(spec) >= 1 && Number(spec) <= 64 ? Number(spec) : null;
  return NUMBERS[spec.toUpperCase().replace(/^SIG/, "")] ?? null;
}

/** Run `kill [-SIG] PID...` with bash's wording, at time `now`. */
export function runKill(args: readonly string[], processes: ProcessTable, now: number): CommandOutput {
  let sig: number = SIG.TERM;
  let rest = [...args];
  const first = rest[0];
  if (first === "-s" || first === "-n") {
    const s = parseSignal(rest[1] ?? "");
    if (s === null) return bad(`${rest[1] ?? ""}: invalid signal specification`);
    sig = s;
    rest = rest.slice(2);
  } else if (first?.startsWith("-") && first !== "--") {
    const s = parseSignal(first.slice(1));
    if (s === null) return bad(`${first.slice(1)}: invalid signal specification`);
    sig = s;
    rest = rest.slice(1);
  }
  if (rest[0] === "--") rest = rest.slice(1);
  if (rest.length === 0)
    return bad("usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]", 2);
  let stderr = "";
  for (const arg of rest) {
    if (!/^\d+$/.test(arg)) {
      stderr += `bash: kill: ${arg}: arguments must be process or job IDs\n`;
      continue;
    }
    const pid = Number(arg);
    if (!processes.get(pid)) {
      stderr += `bash: kill: (${pid}) - No such process\n`;
      continue;
    }
    if (!HARMLESS.has(sig)) processes.signal(pid, sig, now);
  }
  return { stdout: "", stderr, exitCode: stderr ? 1 : 0 };
}

function bad(msg: string, code = 1): CommandOutput {
  return { stdout: "", stderr: `bash: kill: ${msg}\n`, exitCode: code };
}
