// kubectl exec, and the pod and container choice `logs` shares: pick them as kubectl does, then ask the kubelet.
import type { Deployment, Job, Pod, ReplicaSet } from "../../api/types.ts";
import type { CommandResult } from "../context.ts";
import { selectorString } from "../printers/index.ts";
import { attachShell, isInteractiveShell, warnWithoutTerminal } from "./attach-shell.ts";
import { fail, type Run } from "./common.ts";

/** Find the pods of `POD`, `pod/POD`, `deploy/NAME`, `rs/NAME` or `job/NAME` (a workload's pods, sorted by name). */
export function podsFor(run: Run, ref: string): Pod[] {
  const api = run.ctx.api;
  const ns = run.namespace;
  const slash = ref.indexOf("/");
  if (slash < 0) return [api.get<Pod>("pods", ns, ref)];
  const type = ref.slice(0, slash);
  const name = ref.slice(slash + 1);
  if (["pod", "pods", "po"].includes(type)) return [api.get<Pod>("pods", ns, name)];
  let selector: string;
  if (["deployment", "deployments", "deploy", "deployment.apps"].includes(type))
    selector = selectorString(api.get<Deployment>("deployments", ns, name).spec.selector);
  else if (["replicaset", "replicasets", "rs"].includes(type))
    selector = selectorString(api.get<ReplicaSet>("replicasets", ns, name).spec.selector);
  else if (["job", "jobs", "job.batch"].includes(type))
    selector = selectorString(api.get<Job>("jobs", ns, name).spec.selector);
  else return fail(`cannot attach to ${type}: selector for ${type} not implemented`);
  const pods = api.list<Pod>("pods", { namespace: ns, labelSelector: selector }).items;
  if (pods.length === 0) fail(`timed out waiting for the condition`);
  return pods;
}

/** Find the one pod `logs` or `exec` talks to: a workload's first pod. */
function podFor(run: Run, ref: string): Pod {
  return podsFor(run, ref)[0];
}

/** Choose the container: -c, else the only one, else the default-container annotation, else the first with a note. */
export function containerFor(run: Run, pod: Pod, given: string, quiet = false): string {
  if (given) return given;
  const names = pod.spec.containers.map((c) => c.name);
  if (names.length === 1) return names[0];
  const annotated = pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"];
  if (annotated && names.includes(annotated)) return annotated;
  const all = [...names, ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)];
  if (!quiet) run.err(`Defaulted container "${names[0]}" out of: ${all.join(", ")}\n`);
  return names[0];
}

/** Run `kubectl exec POD [-c C] -- COMMAND...`. */
export function runExec(run: Run): number {
  const pod = podFor(run, run.args[0]);
  const argv = run.afterDash.length > 0 ? run.afterDash : run.args.slice(1);
  if (argv.length === 0) fail("you must specify at least one command for the container");
  const container = containerFor(run, pod, run.str("container"));
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed")
    fail(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const ns = pod.metadata.namespace ?? "default";
  const name = pod.metadata.name ?? "";
  // -t with -i asks for a terminal; kubectl says when its own input is not one and streams plainly.
  if (run.bool("stdin")) warnWithoutTerminal(run);
  // `-i` with a bare shell and nothing piped in: the lines typed next go to that shell (a missing shell
  // fails as the runtime says, below).
  if (run.bool("stdin") && run.ctx.stdin === "" && isInteractiveShell(argv) && run.ctx.attach) {
    const kubelets = run.ctx.kubelets;
    // The session's shell is one process in the container, started now; it keeps its state between lines.
    const started = kubelets.openShell
      ? kubelets.openShell(ns, name, container, argv[0])
      : kubelets.exec(ns, name, container, [argv[0], "-c", ":"]);
    if ("pid" in started || started.exitCode === 0) {
      attachShell(run, pod, container, argv[0], exitStatus, "pid" in started ? started : undefined);
      return 0;
    }
  }
  const r = run.ctx.kubelets.exec(ns, name, container, argv, run.bool("stdin") ? run.ctx.stdin : undefined);
  run.out(r.stdout);
  run.err(r.stderr);
  // A failure before the stream opened (kubectl's own or the API server's) ends without the remote status line.
  if (r.exitCode !== 0 && !r.stderr.startsWith("error:") && !r.stderr.startsWith("Error from server"))
    run.err(`command terminated with exit code ${r.exitCode}\n`);
  return r.exitCode;
}

// How `kubectl exec` ends once its attached shell exits.
function exitStatus(code: number): CommandResult {
  const stderr = code === 0 ? "" : `command terminated with exit code ${code}\n`;
  return { stdout: "", stderr, exitCode: code };
}
