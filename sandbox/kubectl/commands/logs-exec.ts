// kubectl logs and exec: pick the pod and container as kubectl does, then ask the pod's kubelet.
import type { Deployment, Pod, ReplicaSet } from "../../api/types.ts";
import { StatusError } from "../../apiserver/errors.ts";
import { selectorString } from "../printers/index.ts";
import { fail, type Run } from "./common.ts";

function badRequest(message: string): StatusError {
  return new StatusError({
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message,
    reason: "BadRequest",
    code: 400,
  });
}

/** Find the pod of `POD`, `pod/POD`, `deploy/NAME` or `rs/NAME` (the first pod of a workload). */
function podFor(run: Run, ref: string): Pod {
  const api = run.ctx.api;
  const ns = run.namespace;
  const slash = ref.indexOf("/");
  if (slash < 0) return api.get<Pod>("pods", ns, ref);
  const type = ref.slice(0, slash);
  const name = ref.slice(slash + 1);
  if (["pod", "pods", "po"].includes(type)) return api.get<Pod>("pods", ns, name);
  let selector: string;
  if (["deployment", "deployments", "deploy", "deployment.apps"].includes(type))
    selector = selectorString(api.get<Deployment>("deployments", ns, name).spec.selector);
  else if (["replicaset", "replicasets", "rs"].includes(type))
    selector = selectorString(api.get<ReplicaSet>("replicasets", ns, name).spec.selector);
  else return fail(`cannot attach to ${type}: selector for ${type} not implemented`);
  const pods = api.list<Pod>("pods", { namespace: ns, labelSelector: selector }).items;
  if (pods.length === 0) fail(`timed out waiting for the condition`);
  return pods[0];
}

/** Choose the container: -c, else the only one, else the default-container annotation, else the first with a note. */
function containerFor(run: Run, pod: Pod, given: string): string {
  if (given) return given;
  const names = pod.spec.containers.map((c) => c.name);
  if (names.length === 1) return names[0];
  const annotated = pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"];
  if (annotated && names.includes(annotated)) return annotated;
  const all = [...names, ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)];
  run.err(`Defaulted container "${names[0]}" out of: ${all.join(", ")}\n`);
  return names[0];
}

const LIMIT_MS = 600_000;
const QUIET_MS = 30_000;

/** Run `kubectl logs`. -f deviation: follows until the log is quiet for 30 s of virtual time. */
export function runLogs(run: Run): number {
  const pod = podFor(run, run.args[0]);
  const container = containerFor(run, pod, run.str("container") || run.args[1] || "");
  const ns = pod.metadata.namespace ?? "default";
  const name = pod.metadata.name ?? "";
  const tail = run.num("tail");
  const opts = {
    previous: run.bool("previous"),
    tail: tail >= 0 ? tail : undefined,
    timestamps: run.bool("timestamps"),
  };
  const read = () => run.ctx.kubelets.logs(ns, name, container, opts);
  const first = read();
  if ("error" in first)
    throw first.error.startsWith("pods ")
      ? new StatusError({
          kind: "Status",
          apiVersion: "v1",
          metadata: {},
          status: "Failure",
          message: first.error,
          reason: "NotFound",
          code: 404,
        })
      : badRequest(first.error);
  run.out(first.text);
  if (!run.bool("follow")) return 0;
  const all = () => {
    const r = run.ctx.kubelets.logs(ns, name, container, {
      previous: opts.previous,
      timestamps: opts.timestamps,
    });
    return "error" in r ? undefined : r.text;
  };
  let seen = all()?.length ?? 0;
  let last = run.now;
  const start = run.now;
  while (run.now - last < QUIET_MS && run.now - start < LIMIT_MS) {
    const before = run.now;
    run.ctx.waitUntil(
      () => {
        const text = all();
        if (text === undefined) return true;
        if (text.length > seen) {
          run.out(text.slice(seen));
          seen = text.length;
          last = run.now;
        }
        return run.now - last >= QUIET_MS;
      },
      last + QUIET_MS - run.now,
    );
    if (run.now === before || all() === undefined) break;
  }
  return 0;
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
  const r = run.ctx.kubelets.exec(
    pod.metadata.namespace ?? "default",
    pod.metadata.name ?? "",
    container,
    argv,
    run.bool("stdin") ? run.ctx.stdin : undefined,
  );
  run.out(r.stdout);
  run.err(r.stderr);
  if (r.exitCode !== 0 && !r.stderr.startsWith("error:"))
    run.err(`command terminated with exit code ${r.exitCode}\n`);
  return r.exitCode;
}
