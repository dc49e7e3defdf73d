// kubectl replace -f: PUT each object whole (it must exist), or with --force delete it, wait until it is
// gone and create it again.
import { kindPrefix, type ResourceType } from "../../api/resources.ts";
import type { KubeObject } from "../../api/types.ts";
import { StatusError } from "../../apiserver/errors.ts";
import { clone } from "../../util/clone.ts";
import { asPut } from "../rbac/impersonate.ts";
import { cascadePolicy } from "./cascade.ts";
import { dryRun, dryRunSuffix, errorText, fail, type Run } from "./common.ts";
import { withSource } from "./create.ts";
import { manifestItems, manifestNamespace, namespaceMismatch } from "./file-args.ts";
import { LAST_APPLIED, lastApplied } from "./last-applied.ts";
import { type OutputFormat, outputFormat, printResult } from "./print.ts";

const FORCE_WAIT_MS = 5 * 60_000;

interface Target {
  rt: ResourceType;
  obj: KubeObject;
  ns: string | undefined;
  source: string;
}

/**
 * util.CreateOrUpdateAnnotation: --save-config writes the last-applied annotation; otherwise it is
 * refreshed only when the file's own object carries one (the live object's is not consulted).
 */
function withAnnotation(run: Run, obj: KubeObject, ns: string | undefined): KubeObject {
  const has = (obj.metadata.annotations?.[LAST_APPLIED] ?? "") !== "";
  if (!run.bool("save-config") && !has) return obj;
  const out = clone(obj);
  out.metadata.annotations = { ...out.metadata.annotations, [LAST_APPLIED]: lastApplied(obj, ns) };
  return out;
}

// The objects of the -f files, with the builder's namespace checks; bad documents become errors.
function targets(run: Run, errors: string[]): Target[] {
  const files = run.list("filename");
  const out: Target[] = [];
  for (const item of manifestItems(run, files)) {
    if (!item.ok) {
      errors.push(`error: ${item.message}\n`);
      continue;
    }
    const { rt, obj, source } = item;
    const mismatch = namespaceMismatch(run, rt, obj);
    if (mismatch) fail(mismatch);
    const ns = manifestNamespace(run, rt, obj);
    const placed = clone(obj);
    if (ns) placed.metadata.namespace = ns;
    out.push({ rt, obj: placed, ns, source });
  }
  return out;
}

function replaceOne(run: Run, t: Target, mode: "none" | "client" | "server", fmt: OutputFormat): void {
  const obj = withAnnotation(run, t.obj, t.ns);
  if (mode === "client") {
    printResult(run, fmt, obj, t.rt, `replaced${dryRunSuffix(mode)}`);
    return;
  }
  // resource.Helper.Replace: without a resourceVersion the live one is sent, so only a stale one conflicts.
  const put = clone(obj);
  if (!put.metadata.resourceVersion) {
    const live = run.ctx.api.tryGet<KubeObject>(t.rt.plural, t.ns, put.metadata.name ?? "");
    if (live) put.metadata.resourceVersion = live.metadata.resourceVersion;
  }
  try {
    const updated = run.ctx.api.update(t.rt.plural, put, asPut({ dryRun: mode === "server" }));
    printResult(run, fmt, updated, t.rt, `replaced${dryRunSuffix(mode)}`);
  } catch (e) {
    throw withSource(e, "replacing", t.source);
  }
}

// forceReplace: delete everything (missing objects are fine), wait until each is gone, then create.
function forceReplace(run: Run, list: Target[], fmt: OutputFormat, verb: string): void {
  // Complete turns --grace-period=0 into 1 (and a wait), so replace never force-deletes.
  const grace = run.num("grace-period") === 0 ? 1 : run.num("grace-period");
  const gone: Target[] = [];
  for (const t of list) {
    const name = t.obj.metadata.name ?? "";
    try {
      run.ctx.api.delete(t.rt.plural, t.ns, name, {
        gracePeriodSeconds: grace >= 0 ? grace : undefined,
        propagationPolicy: cascadePolicy(run),
      });
    } catch (e) {
      if (!(e instanceof StatusError && e.code === 404)) throw e;
    }
    gone.push(t);
    if (fmt.kind === "name") run.out(`${kindPrefix(t.rt)}/${name}\n`);
    else run.out(`${kindPrefix(t.rt)} "${name}" deleted\n`);
  }
  const limit = run.num("timeout") > 0 ? run.num("timeout") : FORCE_WAIT_MS;
  for (const t of gone) {
    const present = () => !!run.ctx.api.tryGet(t.rt.plural, t.ns, t.obj.metadata.name ?? "");
    if (present() && !run.ctx.waitUntil(() => !present(), limit)) fail("timed out waiting for the condition");
  }
  for (const t of list) {
    const created = run.ctx.api.create(t.rt.plural, withAnnotation(run, t.obj, t.ns), { namespace: t.ns });
    printResult(run, fmt, created, t.rt, verb);
  }
}

/** Run `kubectl replace -f ...`. */
export function runReplace(run: Run): number {
  const fmt = outputFormat(run);
  const mode = dryRun(run);
  cascadePolicy(run);
  const force = run.bool("force");
  // Complete turns --grace-period=0 into 1 (and waits) before Validate looks at it.
  if (run.num("grace-period") >= 0 && !force) fail("--grace-period must have --force specified");
  if (run.num("timeout") !== 0 && !force) fail("--timeout must have --force specified");
  const errors: string[] = [];
  const list = targets(run, errors);
  if (force) {
    if (errors.length > 0) fail(errors[0].replace(/^error: /, ""));
    // As in kubectl, --force deletes and creates for real even with --dry-run; only the printed verb says so.
    forceReplace(run, list, fmt, `replaced${dryRunSuffix(mode)}`);
    if (list.length === 0) fail("no objects passed to replace");
    return 0;
  }
  for (const t of list) {
    try {
      replaceOne(run, t, mode, fmt);
    } catch (e) {
      errors.push(errorText(e));
    }
  }
  for (const e of errors) run.err(e);
  return errors.length > 0 ? 1 : 0;
}
