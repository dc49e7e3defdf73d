// kubectl delete: by name, -f, -l, --all; grace periods, --force, cascade, and waiting until gone.
import { kindPrefix, type ResourceType } from "../../api/resources.ts";
import type { KubeObject } from "../../api/types.ts";
import { StatusError } from "../../apiserver/errors.ts";
import { cascadePolicy } from "./cascade.ts";
import { dryRun, dryRunSuffix, errorText, fail, type Run } from "./common.ts";
import { readManifestArgs } from "./file-args.ts";
import { expandRequests, type Request } from "./get.ts";

const FORCE_WARNING =
  "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";
const WAIT_LIMIT_MS = 600_000;

/** Grace period from --grace-period, --now and --force, as kubectl derives it (undefined: the object's own). */
function gracePeriod(run: Run): number | undefined {
  let g = run.num("grace-period");
  if (run.bool("now")) {
    if (g !== -1) fail("--now and --grace-period cannot be specified together");
    g = 1;
  }
  if (run.bool("force") && g < 0) g = 0;
  if (g === 0 && !run.bool("force")) g = 1; // kubectl turns 0 into 1 unless --force is given
  return g < 0 ? undefined : g;
}

/** Run `kubectl delete`. */
export function runDelete(run: Run): number {
  const mode = dryRun(run);
  const policy = cascadePolicy(run);
  const grace = gracePeriod(run);
  if (run.bool("all") && run.str("selector")) fail("cannot set --all and --selector at the same time");
  const files = run.list("filename");
  const requests: Request[] = files.length > 0 ? readManifestArgs(run, files) : expandRequests(run.args);
  const selecting = run.bool("all") || run.str("selector") !== "" || run.str("field-selector") !== "";
  if (files.length === 0 && requests.some((r) => r.names.length === 0) && !selecting) {
    fail("resource(s) were provided, but no name was specified");
  }
  if (grace === 0) run.err(FORCE_WARNING);
  const allNs = run.bool("all-namespaces");
  const targets: { rt: ResourceType; ns: string | undefined; name: string }[] = [];
  const errors: unknown[] = [];
  for (const r of requests) {
    const ns = r.rt.namespaced ? (r.namespace ?? (allNs ? undefined : run.namespace)) : undefined;
    if (r.names.length === 0) {
      const list = run.ctx.api.list(r.rt.plural, {
        namespace: ns,
        labelSelector: run.str("selector"),
        fieldSelector: run.str("field-selector"),
      });
      for (const o of list.items)
        targets.push({ rt: r.rt, ns: o.metadata.namespace, name: o.metadata.name ?? "" });
    } else {
      for (const name of r.names) targets.push({ rt: r.rt, ns, name });
    }
  }
  const deleted: { rt: ResourceType; ns: string | undefined; name: string; uid?: string }[] = [];
  for (const t of targets) {
    try {
      const gone: KubeObject = run.ctx.api.delete(t.rt.plural, t.ns, t.name, {
        gracePeriodSeconds: grace,
        propagationPolicy: policy,
        dryRun: mode !== "none",
      });
      deleted.push({ ...t, uid: gone.metadata.uid });
      if (run.str("output") === "name") run.out(`${kindPrefix(t.rt)}/${t.name}\n`);
      else
        run.out(
          `${kindPrefix(t.rt)} "${t.name}" ${grace === 0 ? "force deleted" : "deleted"}${dryRunSuffix(mode)}\n`,
        );
    } catch (e) {
      if (e instanceof StatusError && e.code === 404 && run.bool("ignore-not-found")) continue;
      errors.push(e);
    }
  }
  if (targets.length === 0 && errors.length === 0 && !run.bool("ignore-not-found"))
    run.out("No resources found\n");
  if (mode === "none" && run.flags.wait !== false && deleted.length > 0) {
    const stillThere = () =>
      deleted.some(
        (d) => run.ctx.api.tryGet(d.rt.plural, d.ns, d.name)?.metadata.uid === d.uid && d.uid !== undefined,
      );
    run.ctx.waitUntil(() => !stillThere(), WAIT_LIMIT_MS);
  }
  for (const e of errors) run.err(errorText(e));
  return errors.length > 0 ? 1 : 0;
}
