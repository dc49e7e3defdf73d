// A terminal's shell inside a container (`kubectl exec -it POD -- sh`): one process for the whole session,
// which keeps its working directory and variables between lines, and goes when the container does.
import {
  type ContainerExecOptions,
  isBusybox,
  runInContainer,
  type ShellSessionRun,
} from "./container-exec.ts";
import type { ExecTarget } from "./cri-types.ts";
import { tildeDir } from "./paths.ts";
import type { Process } from "./processes.ts";
import type { CommandOutput } from "./ps.ts";

/** What one line at the terminal's shell gave: its output and status, the prompt it prints next, and whether it exited. */
export interface ShellLineOutput extends CommandOutput {
  prompt: string;
  ended: boolean;
}

/** Start `shell` in a running container as a terminal session's process; its pid and first prompt, or why it cannot run. */
export function openContainerShell(
  t: ExecTarget,
  shell: string,
  opts: ContainerExecOptions,
): { pid: number; prompt: string } | CommandOutput {
  // The runtime refuses a shell the image does not ship before any process starts.
  const check = runInContainer(t, [shell, "-c", ":"], "", opts);
  const main = t.processes.get(t.pid);
  if (check.exitCode !== 0 || !main) return check;
  const p = t.processes.spawn({
    argv: [shell],
    ppid: t.shimPid,
    now: opts.now,
    ns: main.ns,
    cgroup: main.cgroup,
    rssKb: 1700,
    vszKb: 4400,
    stat: "Ss+",
    env: opts.env ?? main.env,
  });
  remember(t, p);
  return { pid: p.pid, prompt: shellPrompt(t, p) };
}

/** Run one line typed at the terminal's shell `pid` (or, when absent, at the container's main process). */
export function containerShellLine(
  t: ExecTarget,
  pid: number | undefined,
  line: string,
  opts: ContainerExecOptions,
): ShellLineOutput {
  const main = t.processes.get(t.pid);
  const p = t.processes.get(pid ?? t.pid);
  // SIGKILL's status: the shell was killed (or its container went) under the terminal.
  if (!p || !main || p.ns.pid !== main.ns.pid)
    return { stdout: "", stderr: "", exitCode: 137, prompt: "", ended: true };
  const memory = remember(t, p);
  memory.line++;
  const session: ShellSessionRun = { pid: p.pid };
  const r = runInContainer(t, [p.argv[0] ?? "sh", "-c", line], "", { ...opts, session });
  if (session.exited === undefined) return { ...r, prompt: shellPrompt(t, p), ended: false };
  t.processes.exit(p.pid, session.exited, opts.now);
  return { ...r, exitCode: session.exited, prompt: "", ended: true };
}

// The shell's state, made when it starts reading lines: PWD is exported as ash, dash and bash set it.
function remember(t: ExecTarget, p: Process) {
  if (p.shell) return p.shell;
  const cwd = p.cwd ?? t.workingDir ?? "/";
  const vars: Record<string, string> = { ...(p.env ?? {}), PWD: cwd };
  p.cwd = cwd;
  p.shell = { vars, exported: new Set(Object.keys(vars)), line: 0 };
  return p.shell;
}

/** The prompt a shell prints as root: bash `root@host:dir# `, busybox ash `dir # `, dash a bare `# `. */
export function shellPrompt(t: ExecTarget, p: Process): string {
  const name = (p.argv[0] ?? "sh").split("/").pop();
  const dir = tildeDir(p.cwd ?? "/", p.shell?.vars.HOME);
  if (isBusybox(t)) return `${dir} # `;
  if (name === "bash") return `root@${t.hostname.split(".")[0]}:${dir}# `;
  return "# ";
}
