// kubectl rollout status|restart|undo|history|pause|resume for deployments (status also for daemonsets).
import { REVISION, staysPut } from "../../api/deployment-annotations.ts";
import { kindPrefix, type ResourceType } from "../../api/resources.ts";
import type { DaemonSet, Deployment, KubeObject, PodTemplateSpec, ReplicaSet } from "../../api/types.ts";
import { clone } from "../../util/clone.ts";
import { rfc3339 } from "../../util/time.ts";
import { describePodTemplate } from "../describe/template.ts";
import { tabbedString } from "../describe/writer.ts";
import { fail, type Run, typeNamePairs } from "./common.ts";
import { rolloutStatus } from "./rollout-status.ts";

const CHANGE_CAUSE = "kubernetes.io/change-cause";

function target(run: Run): { rt: ResourceType; obj: KubeObject } {
  const pairs = typeNamePairs(run.args);
  if (pairs.length === 0) fail("required resource not specified");
  const { rt, names } = pairs[0];
  if (names.length === 0) fail("resource(s) were provided, but no name was specified");
  const obj = run.ctx.api.get(rt.plural, rt.namespaced ? run.namespace : undefined, names[0]);
  const sub = run.command.split(" ")[1];
  const allowed =
    sub === "status"
      ? ["deployments", "daemonsets", "statefulsets"]
      : ["deployments", "daemonsets", "statefulsets"];
  if (!allowed.includes(rt.plural))
    fail(
      `no ${sub === "status" ? "status viewer" : sub === "history" ? "history viewer" : "rollbacker"} has been implemented for {"${rt.group}" "${rt.kind}"}`,
    );
  return { rt, obj };
}

/** ReplicaSets a deployment owns, by revision. */
function history(run: Run, d: Deployment): Map<number, ReplicaSet> {
  const out = new Map<number, ReplicaSet>();
  for (const rs of run.ctx.api.list<ReplicaSet>("replicasets", { namespace: d.metadata.namespace }).items) {
    if (!(rs.metadata.ownerReferences ?? []).some((o) => o.uid === d.metadata.uid)) continue;
    const rev = Number(rs.metadata.annotations?.[REVISION] ?? 0);
    if (rev > 0) out.set(rev, rs);
  }
  return new Map([...out.entries()].sort((a, b) => a[0] - b[0]));
}

function withoutHash(t: PodTemplateSpec): PodTemplateSpec {
  const c = clone(t);
  if (c.metadata?.labels) delete c.metadata.labels["pod-template-hash"];
  return c;
}

function runHistory(run: Run, rt: ResourceType, d: Deployment): number {
  const revs = history(run, d);
  const name = `${kindPrefix(rt)}/${d.metadata.name}`;
  const wanted = run.num("revision");
  if (wanted > 0) {
    const rs = revs.get(wanted);
    if (!rs) fail(`unable to find the specified revision`);
    run.out(
      `${name} with revision #${wanted}\n${tabbedString((w) => describePodTemplate(w, rs.spec.template))}`,
    );
    return 0;
  }
  if (revs.size === 0) {
    run.out(`${name} \nNo rollout history found.\n`);
    return 0;
  }
  const rows = [
    ["REVISION", "CHANGE-CAUSE"],
    ...[...revs].map(([n, rs]) => [String(n), rs.metadata.annotations?.[CHANGE_CAUSE] ?? "<none>"]),
  ];
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  run.out(`${name} \n${rows.map((r) => r[0].padEnd(width) + r[1]).join("\n")}\n\n`);
  return 0;
}

function runUndo(run: Run, rt: ResourceType, d: Deployment): number {
  if (d.spec.paused)
    fail(
      `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`,
    );
  const revs = history(run, d);
  const current = Number(d.metadata.annotations?.[REVISION] ?? 0);
  let wanted = run.num("to-revision");
  if (wanted === 0) {
    const older = [...revs.keys()].filter((r) => r < current);
    if (older.length === 0) fail(`no rollout history found for deployment "${d.metadata.name}"`);
    wanted = older[older.length - 1];
  }
  const rs = revs.get(wanted);
  if (!rs) fail(`unable to find specified revision ${wanted} in history`);
  const template = withoutHash(rs.spec.template);
  const name = `${kindPrefix(rt)}/${d.metadata.name}`;
  if (JSON.stringify(template) === JSON.stringify(d.spec.template)) {
    run.out(`${name} skipped rollback (current template already matches revision ${wanted})\n`);
    return 0;
  }
  run.ctx.api.mutate<Deployment>("deployments", d.metadata.namespace, d.metadata.name ?? "", (o) => {
    o.spec.template = template;
    // As kubectl's rollbacker: the Deployment keeps its bookkeeping annotations and takes the others (a
    // change-cause, say) from the revision it goes back to.
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(o.metadata.annotations ?? {})) if (staysPut(k)) annotations[k] = v;
    for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!staysPut(k)) annotations[k] = v;
    o.metadata.annotations = annotations;
    return true;
  });
  run.out(`${name} rolled back\n`);
  return 0;
}

function setPaused(run: Run, rt: ResourceType, d: Deployment, paused: boolean): number {
  const name = `${kindPrefix(rt)}/${d.metadata.name}`;
  if (!!d.spec.paused === paused) {
    run.out(`${name} already ${paused ? "paused" : "resumed"}\n`);
    return 0;
  }
  run.ctx.api.mutate<Deployment>("deployments", d.metadata.namespace, d.metadata.name ?? "", (o) => {
    if (paused) o.spec.paused = true;
    else delete o.spec.paused;
    return true;
  });
  run.out(`${name} ${paused ? "paused" : "resumed"}\n`);
  return 0;
}

function restart(run: Run, rt: ResourceType, obj: KubeObject): number {
  if ((obj as Deployment).spec.paused)
    fail(
      `${rt.plural}.${rt.group} "${obj.metadata.name}" can't restart paused deployment (run rollout resume first)`,
    );
  run.ctx.api.mutate<Deployment | DaemonSet>(
    rt.plural,
    obj.metadata.namespace,
    obj.metadata.name ?? "",
    (o) => {
      const t = o.spec.template;
      t.metadata ??= {};
      t.metadata.annotations = {
        ...(t.metadata.annotations ?? {}),
        "kubectl.kubernetes.io/restartedAt": rfc3339(run.now),
      };
      return true;
    },
  );
  run.out(`${kindPrefix(rt)}/${obj.metadata.name} restarted\n`);
  return 0;
}

/** Run `kubectl rollout <sub>`. */
export function runRollout(run: Run): number {
  const { rt, obj } = target(run);
  const sub = run.command.split(" ")[1];
  if (sub === "status") return rolloutStatus(run, rt, obj);
  if (sub === "restart") return restart(run, rt, obj);
  if (rt.plural !== "deployments")
    fail(`"kubectl rollout ${sub}" supports only deployments in this simulated cluster`);
  const d = obj as Deployment;
  if (sub === "history") return runHistory(run, rt, d);
  if (sub === "undo") return runUndo(run, rt, d);
  if (sub === "pause") return setPaused(run, rt, d, true);
  return setPaused(run, rt, d, false);
}
