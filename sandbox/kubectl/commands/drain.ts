// kubectl drain: cordon, check what may be evicted, evict, wait until the pods are gone.

import { isMirrorPod } from "../../api/mirror-pod.ts";
import { controllerOf } from "../../api/owners.ts";
import type { Node, Pod } from "../../api/types.ts";
import { fail, type Run } from "./common.ts";
import { nodesFor, setUnschedulable } from "./nodes.ts";

const WAIT_LIMIT_MS = 600_000;

const key = (p: Pod) => `${p.metadata.namespace}/${p.metadata.name}`;

function classify(run: Run, pods: Pod[]): { evict: Pod[]; errors: string[]; warnings: string[] } {
  const daemon: Pod[] = [];
  const unmanaged: Pod[] = [];
  const local: Pod[] = [];
  const evict: Pod[] = [];
  for (const p of pods) {
    if (isMirrorPod(p)) continue;
    const phase = p.status?.phase;
    const finished = phase === "Succeeded" || phase === "Failed";
    const owner = controllerOf(p);
    if (owner?.kind === "DaemonSet" && !finished) {
      daemon.push(p);
      continue;
    }
    if (!owner && !finished) unmanaged.push(p);
    if ((p.spec.volumes ?? []).some((v) => "emptyDir" in v) && !finished) local.push(p);
    evict.push(p);
  }
  const errors: string[] = [];
  const warnings: string[] = [];
  const names = (ps: Pod[]) => ps.map(key).join(", ");
  if (unmanaged.length > 0) {
    if (run.bool("force")) warnings.push(`deleting Pods that declare no controller: ${names(unmanaged)}`);
    else
      errors.push(
        `cannot delete Pods that declare no controller (use --force to override): ${names(unmanaged)}`,
      );
  }
  if (daemon.length > 0) {
    if (run.bool("ignore-daemonsets")) warnings.push(`ignoring DaemonSet-managed Pods: ${names(daemon)}`);
    else
      errors.push(
        `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${names(daemon)}`,
      );
  }
  if (local.length > 0) {
    if (run.bool("delete-emptydir-data")) warnings.push(`deleting Pods with local storage: ${names(local)}`);
    else
      errors.push(
        `cannot delete Pods with local storage (use --delete-emptydir-data to override): ${names(local)}`,
      );
  }
  return { evict, errors, warnings };
}

function drainOne(run: Run, node: Node): string | undefined {
  const name = node.metadata.name ?? "";
  const pods = run.ctx.api.list<Pod>("pods", { fieldSelector: `spec.nodeName=${name}` }).items;
  const { evict, errors, warnings } = classify(run, pods);
  if (errors.length > 0) {
    const msg = errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`;
    run.err(`error: unable to drain node "${name}" due to error:${msg}, continuing command...\n`);
    return msg;
  }
  if (warnings.length > 0) run.err(`Warning: ${warnings.join("; ")}\n`);
  const grace = run.num("grace-period");
  const uids = new Map<string, string | undefined>();
  for (const p of evict) {
    run.out(`evicting pod ${key(p)}\n`);
    run.ctx.api.delete(
      "pods",
      p.metadata.namespace,
      p.metadata.name ?? "",
      grace >= 0 ? { gracePeriodSeconds: grace } : {},
    );
    uids.set(key(p), p.metadata.uid);
  }
  const pending = new Set(evict);
  const sweep = () => {
    for (const p of pending) {
      const cur = run.ctx.api.tryGet<Pod>("pods", p.metadata.namespace, p.metadata.name ?? "");
      if (!cur || cur.metadata.uid !== uids.get(key(p))) {
        pending.delete(p);
        run.out(`pod/${p.metadata.name} evicted\n`);
      }
    }
    return pending.size === 0;
  };
  const timeout = run.num("timeout");
  if (!run.ctx.waitUntil(sweep, timeout > 0 ? timeout : WAIT_LIMIT_MS)) {
    const msg = `drain did not complete within ${timeout > 0 ? `${timeout / 1000}s` : "10m0s"}`;
    run.err(`error: unable to drain node "${name}" due to error:${msg}, continuing command...\n`);
    return msg;
  }
  run.out(`node/${name} drained\n`);
  return undefined;
}

/** Run `kubectl drain NODE`. */
export function runDrain(run: Run): number {
  const nodes = nodesFor(run, run.args);
  const failed: { name: string; msg: string }[] = [];
  for (const node of nodes) {
    setUnschedulable(run, node, true);
    const err = drainOne(run, node);
    if (err) failed.push({ name: node.metadata.name ?? "", msg: err });
  }
  if (failed.length > 0) {
    run.err(`There are pending nodes to be drained:\n${failed.map((f) => ` ${f.name}\n`).join("")}`);
    run.err(`${failed.map((f) => f.msg).join("\n")}\n`);
    return 1;
  }
  if (nodes.length === 0) fail("No nodes found");
  return 0;
}
