// The terminal while a shell inside a container has it (`kubectl exec -it POD -- sh`): each line goes to that
// one shell process through the kubelet, until `exit` gives the terminal back to the node's shell.
import type { AttachedShell, CommandResult, KubeletAccess, ShellLine } from "../kubectl/context.ts";
import type { OutputSink } from "./types.ts";

/** One line's result, and whether the container's shell is gone afterwards. */
export interface SessionStep {
  result: CommandResult;
  ended: boolean;
}

const EXIT = /^(?:exit|logout)(?:\s+(\d+))?\s*$/;

/** Read an `exit [N]` (or `logout [N]`) line: the status it leaves with, N mod 256 or else `lastExit`. */
export function exitStatus(line: string, lastExit: number): number | undefined {
  const m = EXIT.exec(line.trim());
  if (!m) return undefined;
  return m[1] === undefined ? lastExit : Number(m[1]) & 255;
}

/** Run `line` in the attached shell (its prompt follows the shell's). `lastExit` is what a bare `exit` returns. */
export function sessionLine(
  kubelets: KubeletAccess,
  shell: AttachedShell,
  line: string,
  lastExit: number,
  sink: OutputSink,
): SessionStep {
  const text = line.trim();
  const code = exitStatus(text, lastExit);
  if (code !== undefined) {
    // The shell process itself reads the exit and ends.
    typed(kubelets, shell, `exit ${code}`);
    return leave(shell, code, sink);
  }
  if (text === "") return { result: { stdout: "", stderr: "", exitCode: lastExit }, ended: false };
  const r = typed(kubelets, shell, line);
  if (r.stdout) sink("stdout", r.stdout);
  if (r.stderr) sink("stderr", r.stderr);
  // The container went away under the shell (deleted, restarted): the session is over.
  const result = { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
  if (r.stderr.startsWith("error:")) return { result, ended: true };
  // `exit` inside a longer line, or the shell killed under the terminal.
  if (r.ended) {
    const after = leave(shell, r.exitCode, sink);
    return { ...after, result: join(result, after.result) };
  }
  if (shell.prompt !== "" && r.prompt) shell.prompt = r.prompt;
  return { result, ended: false };
}

// Hand a line to the container's shell; a kubelet without terminal sessions runs it as `sh -c LINE`.
function typed(kubelets: KubeletAccess, shell: AttachedShell, line: string): ShellLine {
  if (kubelets.shellLine)
    return kubelets.shellLine(shell.namespace, shell.pod, shell.container, shell.pid, line);
  const r = kubelets.exec(shell.namespace, shell.pod, shell.container, [shell.shell, "-c", line]);
  return { ...r, prompt: "", ended: false };
}

// The shell has exited with `code`: an interactive bash says `exit` as it leaves; ash and dash leave silently.
function leave(shell: AttachedShell, code: number, sink: OutputSink): SessionStep {
  const bye = shell.prompt !== "" && shell.shell.endsWith("bash") ? "exit\n" : "";
  if (bye) sink("stdout", bye);
  const after = shell.onExit?.(code) ?? { stdout: "", stderr: "", exitCode: code };
  if (after.stdout) sink("stdout", after.stdout);
  if (after.stderr) sink("stderr", after.stderr);
  return { result: { ...after, stdout: bye + after.stdout }, ended: true };
}

function join(a: CommandResult, b: CommandResult): CommandResult {
  return { stdout: a.stdout + b.stdout, stderr: a.stderr + b.stderr, exitCode: b.exitCode };
}
