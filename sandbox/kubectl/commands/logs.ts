// kubectl logs: one pod, a workload's pods (--all-pods) or every pod a selector matches, one container each
// or all of them, optionally prefixed with `[pod/<name>/<container>] ` and followed on virtual time.
import type { Pod } from "../../api/types.ts";
import { badRequest, notFound } from "../../apiserver/errors.ts";
import { fail, type Run } from "./common.ts";
import { containerFor, podsFor } from "./logs-exec.ts";

// kubectl's default --tail when a selector is given.
const SELECTOR_TAIL = 10;
const LIMIT_MS = 600_000;
const QUIET_MS = 30_000;

interface Source {
  pod: Pod;
  container: string;
  prefix: string;
}

function sources(run: Run, pods: Pod[], given: string, prefixed: boolean): Source[] {
  const out: Source[] = [];
  for (const pod of pods) {
    const containers = run.bool("all-containers")
      ? [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name)
      : [containerFor(run, pod, given, run.bool("all-pods"))];
    for (const container of containers)
      out.push({ pod, container, prefix: prefixed ? `[pod/${pod.metadata.name}/${container}] ` : "" });
  }
  return out;
}

function withPrefix(text: string, prefix: string): string {
  if (!prefix || text === "") return text;
  return text
    .split(/(?<=\n)/)
    .map((line) => prefix + line)
    .join("");
}

/** Run `kubectl logs`. Deviations: several sources print in pod-name order (kubectl's order is random); -f follows until the logs are quiet for 30 s of virtual time. */
export function runLogs(run: Run): number {
  const selector = run.str("selector");
  const given = run.str("container") || run.args[1] || "";
  let pods: Pod[];
  if (selector) {
    pods = run.ctx.api.list<Pod>("pods", { namespace: run.namespace, labelSelector: selector }).items;
    if (pods.length === 0) run.err(`No resources found in ${run.namespace} namespace.\n`);
  } else {
    pods = podsFor(run, run.args[0]);
    if (!run.bool("all-pods")) pods = pods.slice(0, 1);
  }
  const tailFlag = run.num("tail");
  const tail = selector && !run.flagsSet.has("tail") ? SELECTOR_TAIL : tailFlag !== -1 ? tailFlag : undefined;
  if (run.bool("all-containers") && given)
    fail(`--all-containers=true should not be specified with container name ${given}`);
  if (run.flagsSet.has("container") && run.args.length === 2)
    fail("only one of -c or an inline [CONTAINER] arg is allowed");
  if (run.num("limit-bytes") < 0) fail("--limit-bytes must be greater than 0");
  if (tail !== undefined && tail < -1) fail("--tail must be greater than or equal to -1");

  const list = sources(run, pods, given, run.bool("prefix") || run.bool("all-pods"));
  const follow = run.bool("follow");
  const max = run.num("max-log-requests");
  if (follow && list.length > 1 && list.length > max)
    fail(
      `you are attempting to follow ${list.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`,
    );
  const opts = { previous: run.bool("previous"), timestamps: run.bool("timestamps") };
  for (const s of list) {
    const r = run.ctx.kubelets.logs(
      s.pod.metadata.namespace ?? "default",
      s.pod.metadata.name ?? "",
      s.container,
      {
        ...opts,
        tail: tail !== undefined && tail >= 0 ? tail : undefined,
      },
    );
    if ("error" in r) throw r.error.startsWith("pods ") ? logNotFound(r.error) : badRequest(r.error);
    run.out(withPrefix(r.text, s.prefix));
  }
  if (follow) followAll(run, list, opts);
  return 0;
}

function logNotFound(message: string) {
  const e = notFound("pods", "", "");
  e.status.message = message;
  return e;
}

// Stream what every source appends until none has written for QUIET_MS (or LIMIT_MS passes).
function followAll(run: Run, list: Source[], opts: { previous: boolean; timestamps: boolean }): void {
  const full = (s: Source): string | undefined => {
    const r = run.ctx.kubelets.logs(
      s.pod.metadata.namespace ?? "default",
      s.pod.metadata.name ?? "",
      s.container,
      opts,
    );
    return "error" in r ? undefined : r.text;
  };
  const seen = list.map((s) => full(s)?.length ?? 0);
  const ended = list.map((s) => full(s) === undefined);
  let last = run.now;
  const start = run.now;
  const poll = (): boolean => {
    list.forEach((s, i) => {
      if (ended[i]) return;
      const text = full(s);
      if (text === undefined) ended[i] = true;
      else if (text.length > seen[i]) {
        run.out(withPrefix(text.slice(seen[i]), s.prefix));
        seen[i] = text.length;
        last = run.now;
      }
    });
    return ended.every((e) => e) || run.now - last >= QUIET_MS;
  };
  while (run.now - last < QUIET_MS && run.now - start < LIMIT_MS) {
    const before = run.now;
    if (run.ctx.waitUntil(poll, last + QUIET_MS - run.now) && ended.every((e) => e)) break;
    if (run.now === before) break;
  }
}
