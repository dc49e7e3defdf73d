// `pgrep` (procps-ng 3.3.17) and `pidof`: find processes by name or command line.
import type { Process } from "./processes.ts";
import type { CommandOutput } from "./ps.ts";

// procps prints its whole option list after a usage error; the model prints the first lines only.
const PGREP_USAGE = "\nUsage:\n pgrep [options] <pattern>\n\nFor more details see pgrep(1).\n";

const cmdline = (p: Process) => (p.kernel || p.argv.length === 0 ? p.comm : p.argv.join(" "));

/** Run `pgrep [-a] [-l] [-f] [-x] [-c] pattern`; `self` is pgrep's own pid, which it never lists. */
export function runPgrep(args: readonly string[], procs: readonly Process[], self = -1): CommandOutput {
  const flags = new Set<string>();
  let pattern: string | undefined;
  for (const a of args) {
    if (a.startsWith("-") && a.length > 1 && pattern === undefined) {
      for (const f of a.slice(1)) {
        if (!"alfxcvi".includes(f))
          return { stdout: "", stderr: `pgrep: invalid option -- '${f}'\n${PGREP_USAGE}`, exitCode: 2 };
        flags.add(f);
      }
    } else if (pattern === undefined) pattern = a;
    else
      return {
        stdout: "",
        stderr: `pgrep: only one pattern can be provided\nTry \`pgrep --help' for more information.\n`,
        exitCode: 2,
      };
  }
  if (pattern === undefined)
    return {
      stdout: "",
      stderr: "pgrep: no matching criteria specified\nTry `pgrep --help' for more information.\n",
      exitCode: 2,
    };
  let re: RegExp;
  try {
    const src = flags.has("x") ? `^(?:${pattern})$` : pattern;
    re = new RegExp(src, flags.has("i") ? "i" : "");
  } catch {
    return { stdout: "", stderr: `pgrep: cannot compile regular expression '${pattern}'\n`, exitCode: 2 };
  }
  const hits = procs.filter(
    (p) => p.pid !== self && re.test(flags.has("f") ? cmdline(p) : p.comm) !== flags.has("v"),
  );
  if (flags.has("c")) return { stdout: `${hits.length}\n`, stderr: "", exitCode: hits.length ? 0 : 1 };
  const stdout = hits
    .map((p) =>
      flags.has("a") ? `${p.pid} ${cmdline(p)}\n` : flags.has("l") ? `${p.pid} ${p.comm}\n` : `${p.pid}\n`,
    )
    .join("");
  return { stdout, stderr: "", exitCode: hits.length ? 0 : 1 };
}

/** Run `pidof name...`: matching pids, newest first, on one line. */
export function runPidof(args: readonly string[], procs: readonly Process[]): CommandOutput {
  const names = args.filter((a) => !a.startsWith("-"));
  const hits = procs
    .filter((p) => !p.kernel)
    .filter((p) =>
      names.some((n) => n === p.comm || n === (p.argv[0] ?? "").split("/").pop() || n === p.argv[0]),
    )
    .map((p) => p.pid)
    .sort((a, b) => b - a);
  return hits.length
    ? { stdout: `${hits.join(" ")}\n`, stderr: "", exitCode: 0 }
    : { stdout: "", stderr: "", exitCode: 1 };
}
