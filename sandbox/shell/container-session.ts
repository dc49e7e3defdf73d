// The terminal while a shell inside a container has it (`kubectl exec -it POD -- sh`): each line runs in the
// container through the kubelet, until `exit` gives the terminal back to the node's shell.
import type { AttachedShell, CommandResult, KubeletAccess } from "../kubectl/context.ts";
import type { OutputSink } from "./types.ts";

/** One line's result, and whether the container's shell is gone afterwards. */
export interface SessionStep {
  result: CommandResult;
  ended: boolean;
}

const EXIT = /^(?:exit|logout)(?:\s+(\d+))?\s*$/;

/** Run `line` in the attached shell. `lastExit` is what a bare `exit` returns. */
export function sessionLine(
  kubelets: KubeletAccess,
  shell: AttachedShell,
  line: string,
  lastExit: number,
  sink: OutputSink,
): SessionStep {
  const text = line.trim();
  const exit = EXIT.exec(text);
  if (exit) {
    const code = exit[1] === undefined ? lastExit : Number(exit[1]) & 255;
    // An interactive bash says `exit` as it leaves; ash and dash leave silently.
    const bye = shell.prompt !== "" && shell.shell.endsWith("bash") ? "exit\n" : "";
    if (bye) sink("stdout", bye);
    const after = shell.onExit?.(code) ?? { stdout: "", stderr: "", exitCode: code };
    if (after.stdout) sink("stdout", after.stdout);
    if (after.stderr) sink("stderr", after.stderr);
    return { result: { ...after, stdout: bye + after.stdout }, ended: true };
  }
  if (text === "") return { result: { stdout: "", stderr: "", exitCode: lastExit }, ended: false };
  const r = kubelets.exec(shell.namespace, shell.pod, shell.container, [shell.shell, "-c", line]);
  if (r.stdout) sink("stdout", r.stdout);
  if (r.stderr) sink("stderr", r.stderr);
  // The container went away under the shell (deleted, restarted): the session is over.
  return { result: r, ended: r.stderr.startsWith("error:") };
}
