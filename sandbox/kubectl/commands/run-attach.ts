// kubectl run -i / --attach: wait for the new pod to run, attach to its container (its output streams to the
// terminal, or the terminal goes to its shell), then with --rm delete the pod. With --restart=Never (or
// OnFailure) the container's exit code becomes kubectl's.
import type { Pod } from "../../api/types.ts";
import type { CommandResult } from "../context.ts";
import { attachShell, isInteractiveShell } from "./attach-shell.ts";
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
  if (!run.bool("quiet")) run.err("If you don't see a command prompt, try pressing enter.\n");
  const argv = [...(pod.spec.containers[0].command ?? []), ...(pod.spec.containers[0].args ?? [])];
  const live = current(run, ns, name);
  if (run.bool("stdin") && isInteractiveShell(argv) && phaseOf(live) === "Running" && live) {
    const after = (code: number): CommandResult => {
      const ended =
        run.bool("tty") && (run.ctx.tty ?? run.ctx.interactive) && restart === "Always"
          ? `Session ended, resume using 'kubectl attach ${name} -c ${container} -i -t' command when the pod is running\n`
          : "";
      const removed = remove();
      return { stdout: ended + removed.stdout, stderr: removed.stderr, exitCode: code };
    };
    if (attachShell(run, live, container, argv[0], after)) return 0;
  }
  // Attached to a command: its output streams until it exits.
  run.ctx.waitUntil(() => firstRunEnded(current(run, ns, name)), COMMAND_LIMIT_MS);
  const logs = run.ctx.kubelets.logs(ns, name, container, {});
  if ("text" in logs) run.out(logs.text);
  if (restart === "Always") return finish(remove());
  // --restart=Never or OnFailure: kubectl waits for the pod to finish and returns the container's code.
  run.ctx.waitUntil(() => {
    const p = phaseOf(current(run, ns, name));
    return p === "Succeeded" || (p === "Failed" && restart === "Never");
  }, COMMAND_LIMIT_MS);
  const done = current(run, ns, name);
  const removed = remove();
  run.out(removed.stdout);
  run.err(removed.stderr);
  const phase = phaseOf(done);
  if (phase === "Succeeded") return 0;
  const terminated = done?.status?.containerStatuses?.[0]?.state?.terminated;
  if (phase === "Failed") {
    if (!terminated || terminated.exitCode === 0) fail(`pod ${ns}/${name} failed with unknown exit code`);
    run.err(`pod ${ns}/${name} terminated (${terminated.reason ?? ""})\n${terminated.message ?? ""}`);
    return terminated.exitCode;
  }
  return fail(`pod ${ns}/${name} left in phase ${phase}`);
}
