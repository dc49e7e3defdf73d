// kubectl label / annotate: `key=value` sets, `key-` removes, --overwrite guards existing values.
import type { KubeObject } from "../../api/types.ts";
import { isValidLabelValue } from "../../apiserver/validation/names.ts";
import { resourcesAndPairs } from "../cli/resource-args.ts";
import { errorText, fail, type Run } from "./common.ts";
import { expandRequests } from "./get.ts";
import { outputFormat, printResult } from "./print.ts";

// What `kubectl label` says it did: labels added or changed, removed, both, or nothing.
function labelVerb(before: Record<string, string>, after: Record<string, string>): string {
  const removed = Object.keys(before).some((k) => !(k in after));
  const labeled = Object.keys(after).some((k) => before[k] !== after[k]);
  if (labeled && removed) return "label(s) changed";
  return labeled ? "labeled" : removed ? "unlabeled" : "not labeled";
}

/** Run `kubectl label` (field "labels") or `kubectl annotate` (field "annotations"). */
export function runMetadataEdit(run: Run): number {
  const labels = run.command === "label";
  const noun = labels ? "label" : "annotation";
  const { resources, pairs: changes, misplaced } = resourcesAndPairs(run.args);
  if (misplaced !== undefined) fail(`all resources must be specified before ${noun} changes: ${misplaced}`);
  if (changes.length === 0) fail(`at least one ${noun} update is required`);
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const c of changes) {
    const i = c.indexOf("=");
    if (i < 0) remove.push(c.slice(0, -1));
    else if (labels) {
      // kubectl's parseLabels: exactly one '=', and a value the API would accept.
      const parts = c.split("=");
      if (parts.length !== 2) fail(`invalid label spec: ${c}`);
      const errs = isValidLabelValue(parts[1]);
      if (errs.length > 0) fail(`invalid label value: ${JSON.stringify(c)}: ${errs.join(";")}`);
      set[parts[0]] = parts[1];
    } else set[c.slice(0, i)] = c.slice(i + 1);
  }
  const both = remove.filter((k) => k in set);
  if (both.length > 0)
    fail(
      labels
        ? "can not both modify and remove a label in the same command"
        : `can not both modify and remove the following annotation(s) in the same command: ${both.join(", ")}`,
    );
  if (resources.length === 0)
    fail("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  const fmt = outputFormat(run);
  const targets: { plural: string; obj: KubeObject; rt: ReturnType<typeof expandRequests>[number]["rt"] }[] =
    [];
  const errors: unknown[] = [];
  for (const r of expandRequests(resources)) {
    const ns = r.rt.namespaced ? (run.bool("all-namespaces") ? undefined : run.namespace) : undefined;
    if (r.names.length === 0) {
      if (!run.bool("all") && !run.str("selector"))
        fail("resource(s) were provided, but no name was specified");
      for (const o of run.ctx.api.list(r.rt.plural, { namespace: ns, labelSelector: run.str("selector") })
        .items)
        targets.push({ plural: r.rt.plural, obj: o, rt: r.rt });
      continue;
    }
    for (const n of r.names) {
      try {
        targets.push({ plural: r.rt.plural, obj: run.ctx.api.get(r.rt.plural, ns, n), rt: r.rt });
      } catch (e) {
        errors.push(e);
      }
    }
  }
  const field = labels ? "labels" : "annotations";
  for (const t of targets) {
    try {
      const cur = { ...(t.obj.metadata[field] ?? {}) };
      if (!run.bool("overwrite")) {
        for (const [k, v] of Object.entries(set)) {
          if (k in cur && cur[k] !== v)
            fail(`'${k}' already has a value (${cur[k]}), and --overwrite is false`);
        }
      }
      const next = { ...cur, ...set };
      for (const k of remove) {
        if (!(k in next)) run.out(`${noun} "${k}" not found.\n`);
        delete next[k];
      }
      const changed = JSON.stringify(next) !== JSON.stringify(cur);
      let obj = t.obj;
      if (changed) {
        obj = run.ctx.api.mutate(t.plural, t.obj.metadata.namespace, t.obj.metadata.name ?? "", (o) => {
          o.metadata[field] = next;
          if (Object.keys(next).length === 0) delete o.metadata[field];
          return true;
        });
      }
      const verb = labels ? labelVerb(cur, next) : "annotated";
      printResult(run, fmt, obj, t.rt, verb);
    } catch (e) {
      errors.push(e);
    }
  }
  for (const e of errors) run.err(errorText(e));
  return errors.length > 0 ? 1 : 0;
}
