// kubectl cordon / uncordon / taint.
import type { Node, Taint } from "../../api/types.ts";
import { dryRun, dryRunSuffix, errorText, fail, type Run } from "./common.ts";

/** The nodes named by args (`node01`, `node/node01`, `nodes node01`) or selected by `-l`. */
export function nodesFor(run: Run, names: string[]): Node[] {
  if (names.length === 0)
    return run.ctx.api.list<Node>("nodes", { labelSelector: run.str("selector") }).items;
  return names.map((n) => run.ctx.api.get<Node>("nodes", undefined, n.replace(/^(nodes?|no)\//, "")));
}

/** Set spec.unschedulable, printing `node/x cordoned` or `already cordoned`. */
export function setUnschedulable(run: Run, node: Node, value: boolean): void {
  const verb = value ? "cordoned" : "uncordoned";
  const mode = dryRun(run);
  if (!!node.spec.unschedulable === value) {
    run.out(`node/${node.metadata.name} already ${verb}${dryRunSuffix(mode)}\n`);
    return;
  }
  if (mode !== "client") {
    run.ctx.api.mutate<Node>("nodes", undefined, node.metadata.name ?? "", (n) => {
      if (value) n.spec.unschedulable = true;
      else delete n.spec.unschedulable;
      return true;
    });
  }
  run.out(`node/${node.metadata.name} ${verb}${dryRunSuffix(mode)}\n`);
}

/** Run `kubectl cordon` or `kubectl uncordon`. */
export function runCordon(run: Run): number {
  const value = run.command === "cordon";
  for (const node of nodesFor(run, run.args)) setUnschedulable(run, node, value);
  return 0;
}

const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

function parseTaint(spec: string): Taint {
  const colon = spec.lastIndexOf(":");
  if (colon < 0) fail(`invalid taint spec: ${spec}, ${spec}`);
  const kv = spec.slice(0, colon);
  const effect = spec.slice(colon + 1);
  if (!EFFECTS.includes(effect)) fail(`invalid taint effect: ${effect}, unsupported taint effect`);
  const eq = kv.indexOf("=");
  const key = eq < 0 ? kv : kv.slice(0, eq);
  if (key === "")
    fail(`invalid taint spec: ${spec}, a qualified name must consist of alphanumeric characters`);
  const t: Taint = { key, effect: effect as Taint["effect"] };
  if (eq >= 0) t.value = kv.slice(eq + 1);
  return t;
}

/** Run `kubectl taint nodes NAME key[=value]:Effect[-] ...`. */
export function runTaint(run: Run): number {
  const [type, ...rest] = run.args;
  const slash = type?.includes("/");
  const kind = slash ? type.split("/")[0] : type;
  if (!kind || !["node", "nodes", "no"].includes(kind))
    fail(`invalid resource type ${kind ?? ""}, only node types are supported`);
  const words = slash ? [type.split("/")[1], ...rest] : rest;
  const isTaint = (w: string) => w.includes(":") || w.endsWith("-");
  const names = words.filter((w) => !isTaint(w));
  const specs = words.filter(isTaint);
  if (specs.length === 0) fail("at least one taint update is required");
  const add: Taint[] = [];
  const remove: { key: string; effect?: string }[] = [];
  for (const s of specs) {
    if (s.endsWith("-")) {
      const body = s.slice(0, -1);
      const [key, effect] = body.split(":");
      remove.push(effect ? { key, effect } : { key });
    } else add.push(parseTaint(s));
  }
  let code = 0;
  for (const node of nodesFor(run, names)) {
    try {
      let taints = [...(node.spec.taints ?? [])];
      for (const r of remove) {
        const kept = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
        if (kept.length === taints.length)
          fail(`taint "${r.key}${r.effect ? `:${r.effect}` : ""}" not found`);
        taints = kept;
      }
      for (const a of add) {
        const same = taints.findIndex((t) => t.key === a.key && t.effect === a.effect);
        if (same >= 0 && !run.bool("overwrite")) {
          fail(
            `node ${node.metadata.name} already has ${a.key} taint(s) with same effect(s) and --overwrite is false`,
          );
        }
        if (same >= 0) taints[same] = a;
        else taints.push(a);
      }
      run.ctx.api.mutate<Node>("nodes", undefined, node.metadata.name ?? "", (n) => {
        if (taints.length > 0) n.spec.taints = taints;
        else delete n.spec.taints;
        return true;
      });
      const verb =
        add.length > 0 && remove.length > 0 ? "modified" : add.length > 0 ? "tainted" : "untainted";
      run.out(`node/${node.metadata.name} ${verb}\n`);
    } catch (e) {
      run.err(errorText(e));
      code = 1;
    }
  }
  return code;
}
