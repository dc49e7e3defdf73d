// kubectl scale: set spec.replicas on deployments and replicasets, with --current-replicas as a precondition.
import { WITH_SCALE_SUBRESOURCE } from "../../api/resources.ts";
import type { KubeObject } from "../../api/types.ts";
import { noSuchPath, notFound, type StatusError } from "../../apiserver/errors.ts";
import { errorText, fail, type Run } from "./common.ts";
import { expandRequests } from "./get.ts";
import { outputFormat, printResult } from "./print.ts";

/** Run `kubectl scale`. */
export function runScale(run: Run): number {
  const replicas = run.num("replicas");
  if (replicas < 0)
    fail("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
  const fmt = outputFormat(run);
  const requests = expandRequests(run.args);
  const targets: { plural: string; obj: KubeObject }[] = [];
  let missing: StatusError | undefined;
  for (const r of requests) {
    const ns = r.rt.namespaced ? run.namespace : undefined;
    const names = r.names.length > 0 ? r.names : run.bool("all") || run.str("selector") ? null : [];
    if (names === null) {
      for (const o of run.ctx.api.list(r.rt.plural, { namespace: ns, labelSelector: run.str("selector") })
        .items)
        targets.push({ plural: r.rt.plural, obj: o });
      continue;
    }
    if (names.length === 0) fail("resource(s) were provided, but no name was specified");
    for (const n of names) {
      const o = run.ctx.api.tryGet(r.rt.plural, ns, n);
      if (o) targets.push({ plural: r.rt.plural, obj: o });
      else missing ??= notFound(r.rt.plural, r.rt.group, n);
    }
  }
  if (targets.length === 0) {
    if (missing) fail(`no objects passed to scale ${missing.status.message}`);
    fail("no objects passed to scale");
  }
  const current = run.num("current-replicas");
  let code = 0;
  for (const { plural, obj } of targets) {
    const rt = requests.find((r) => r.rt.plural === plural)!.rt;
    try {
      if (!WITH_SCALE_SUBRESOURCE.has(plural)) throw noSuchPath();
      const have = (obj.spec as { replicas?: number }).replicas ?? 1;
      if (current >= 0 && current !== have) fail(`Expected replicas to be ${current}, was ${have}`);
      const updated = run.ctx.api.mutate(plural, obj.metadata.namespace, obj.metadata.name ?? "", (o) => {
        (o.spec as { replicas?: number }).replicas = replicas;
        return true;
      });
      printResult(run, fmt, updated, rt, "scaled");
    } catch (e) {
      run.err(errorText(e));
      code = 1;
    }
  }
  return code;
}
