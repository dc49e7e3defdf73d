// kubectl run -i / --attach: wait for the new pod to run, attach to its container (its output streams to the
// terminal, or the terminal goes to its shell), then with --rm delete the pod. With --restart=Never (or
// OnFailure) the container's exit code becomes kubectl's.
import type { Pod } from "../../api/types.ts";
import type { CommandResult } from "../context.ts";
import { attachShell, hasTerminal, isInteractiveShell, warnWithoutTerminal } from "./attach-shell.ts";
import { errorText, fail, type Run } from "./common.ts";

/** How long a command run in the attached container may take, in virtual time (as a shell's `sleep`). */
const COMMAND_LIMIT_MS = 86_400_000;

function current(run: Run, ns: string, name: string): Pod | undefined {
  return run.ctx.api.tryGet<Pod>("pods", ns, name);
}

function phaseOf(pod: Pod | undefined): string {
  return pod?.status?.phase ?? "";
}

// The container's first run is over: it terminated now or earlier (a restart keeps it in lastState).
function firstRunEnded(pod: Pod | undefined): boolean {
  const s = pod?.status?.containerStatuses?.[0];
  return !!s && (s.state?.terminated !== undefined || s.lastState?.terminated !== undefined);
}

/** Attach to the pod `kubectl run` just created; returns kubectl's exit code. */
export function attachRun(run: Run, pod: Pod): number {
  const ns = pod.metadata.namespace ?? "default";
  const name = pod.metadata.name ?? "";
  const container = pod.spec.containers[0].name;
  const restart = pod.spec.restartPolicy ?? "Always";
  const remove = (): CommandResult => {
    if (!run.bool("rm")) return { stdout: "", stderr: "", exitCode: 0 };
    try {
      run.ctx.api.delete("pods", ns, name);
      return { stdout: `pod "${name}" deleted\n`, stderr: "", exitCode: 0 };
    } catch (e) {
      return { stdout: "", stderr: errorText(e), exitCode: 1 };
    }
  };
  const finish = (r: CommandResult): number => {
    run.out(r.stdout);
    run.err(r.stderr);
    return r.exitCode;
  };
  const started = run.ctx.waitUntil(() => {
    const p = phaseOf(current(run, ns, name));
    return p === "Running" || p === "Succeeded" || p === "Failed";
  }, run.num("pod-running-timeout"));
  if (!started) {
    finish(remove());
    fail("timed out waiting for the condition");
  }
  const argv = [...(pod.spec.containers[0].command ?? []), ...(pod.spec.containers[0].args ?? [])];
  const live = current(run, ns, name);
  const shell = run.bool("stdin") && isInteractiveShell(argv) && phaseOf(live) === "Running" && live;
  // attach sets up the terminal (warning when there is none) before its prompt hint.
  warnWithoutTerminal(run);
  if (!run.bool("quiet")) run.err("If you don't see a command prompt, try pressing enter.\n");
  // The container's main process is the shell: the terminal goes to it, and its exit ends the container.
  const afterShell = (code: number): CommandResult => {
    run.ctx.kubelets.closeStdin?.(ns, name, container, code);
    if (restart === "Always") {
      const ended =
        run.bool("tty") && hasTerminal(run)
          ? `Session ended, resume using 'kubectl attach ${name} -c ${container} -i -t' command when the pod is running\n`
          : "";
      const removed = remove();
      return { stdout: ended + removed.stdout, stderr: removed.stderr, exitCode: 0 };
    }
    return exitCode(run, ns, name, restart, remove);
  };
  if (shell && attachShell(run, shell, container, argv[0], afterShell)) return 0;
  // Attached to a command: its output streams until it exits.
  run.ctx.waitUntil(() => firstRunEnded(current(run, ns, name)), COMMAND_LIMIT_MS);
  const logs = run.ctx.kubelets.logs(ns, name, container, {});
  if ("text" in logs) run.out(logs.text);
  if (restart === "Always") return finish(remove());
  const r = exitCode(run, ns, name, restart, remove);
  return finish(r);
}

// --restart=Never or OnFailure: kubectl waits for the pod to finish, removes it (--rm) and returns the
// container's exit code, with kubectl's words for a failed one.
function exitCode(
  run: Run,
  ns: string,
  name: string,
  restart: string,
  remove: () => CommandResult,
): CommandResult {
  run.ctx.waitUntil(() => {
    const p = phaseOf(current(run, ns, name));
    return p === "Succeeded" || (p === "Failed" && restart === "Never");
  }, COMMAND_LIMIT_MS);
  const done = current(run, ns, name);
  const removed = remove();
  const phase = phaseOf(done);
  if (phase === "Succeeded") return removed;
  const terminated = done?.status?.containerStatuses?.[0]?.state?.terminated;
  const failed = (stderr: string, exitCode: number) => ({
    stdout: removed.stdout,
    stderr: removed.stderr + stderr,
    exitCode,
  });
  if (phase !== "Failed") return failed(`error: pod ${ns}/${name} left in phase ${phase}\n`, 1);
  if (!terminated || terminated.exitCode === 0)
    return failed(`error: pod ${ns}/${name} failed with unknown exit code\n`, 1);
  return failed(
    `pod ${ns}/${name} terminated (${terminated.reason ?? ""})\n${terminated.message ?? ""}`,
    terminated.exitCode,
  );
}
