// Handing the terminal to a shell inside a container, as `kubectl exec -it POD -- sh` and
// `kubectl run -it ... -- sh` do: the lines that follow run in the container until `exit`.
import type { Pod } from "../../api/types.ts";
import type { AttachedShell, CommandResult } from "../context.ts";
import type { Run } from "./common.ts";

const SHELLS = new Set(["sh", "ash", "bash", "dash"]);

/** Whether argv starts an interactive shell: a shell named with no script or arguments. */
export function isInteractiveShell(argv: string[]): boolean {
  return argv.length === 1 && SHELLS.has(argv[0].split("/").pop() ?? "");
}

// The prompt each shell prints as root: bash shows user, host (the pod's name) and directory; busybox's
// ash shows the directory; Debian's dash a bare `# `. Busybox-based images are told by their name.
function promptFor(pod: Pod, container: string, shell: string): string {
  const name = shell.split("/").pop();
  if (name === "bash") return `root@${pod.spec.hostname ?? pod.metadata.name}:/# `;
  const image = pod.spec.containers.find((c) => c.name === container)?.image ?? "";
  return /busybox|alpine/.test(image) ? "/ # " : "# ";
}

/** Whether kubectl's own input is a terminal (the browser's xterm, an interactive shell). */
export function hasTerminal(run: Run): boolean {
  return run.ctx.tty ?? run.ctx.interactive;
}

/** Say, as kubectl does, that -t falls back to plain streams when its input is not a terminal. */
export function warnWithoutTerminal(run: Run): void {
  if (run.bool("tty") && !hasTerminal(run))
    run.err("Unable to use a TTY - input is not a terminal or the right kind of file\n");
}

/**
 * Attach the terminal to `shell` in the container, when a terminal follows (the shell's run); returns
 * false where none does, and the caller runs the shell once with empty input instead. `started` is the
 * shell process exec started, with its first prompt; without it the terminal talks to the main process.
 */
export function attachShell(
  run: Run,
  pod: Pod,
  container: string,
  shell: string,
  onExit?: (code: number) => CommandResult,
  started?: { pid: number; prompt: string },
): boolean {
  if (!run.ctx.attach) return false;
  const tty = run.bool("tty");
  const terminal = hasTerminal(run);
  const session: AttachedShell = {
    namespace: pod.metadata.namespace ?? "default",
    pod: pod.metadata.name ?? "",
    container,
    shell,
    prompt: tty && terminal ? (started?.prompt ?? promptFor(pod, container, shell)) : "",
    ...(started ? { pid: started.pid } : {}),
    ...(onExit ? { onExit } : {}),
  };
  run.ctx.attach(session);
  return true;
}
