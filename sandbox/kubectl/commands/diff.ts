// kubectl diff -f: write each object as it is (LIVE) and as `kubectl apply` would leave it (MERGED, a
// server dry run) into two temporary directories, then show `diff -u -N` of the two directories.
// Exit status: 0 no differences, 1 differences, 2 an error (cmdutil.CheckDiffErr adds one to the code).
import { type ResourceType, WITH_STATUS_SUBRESOURCE } from "../../api/resources.ts";
import type { KubeObject } from "../../api/types.ts";
import { clone } from "../../util/clone.ts";
import { Random } from "../../util/random.ts";
import { diffTime, unifiedHunks } from "../../util/unified-diff.ts";
import { toYaml } from "../output/index.ts";
import { mergeApplied, sameForApply } from "./apply.ts";
import { CliError, errorText, fail, type Run } from "./common.ts";
import { manifestItems, manifestNamespace, namespaceMismatch } from "./file-args.ts";
import { LAST_APPLIED } from "./last-applied.ts";

// The exit status of a failed `kubectl diff` (CheckDiffErr: the usual 1, plus one).
const DIFF_ERROR_EXIT = 2;

// The file kubectl names an object by: `[group.]version.Kind.namespace.name`.
function fileName(rt: ResourceType, ns: string | undefined, name: string): string {
  return `${rt.group ? `${rt.group}.` : ""}${rt.version}.${rt.kind}.${ns ?? ""}.${name}`;
}

// os.MkdirTemp: the prefix and a random uint32 in decimal. Without an injected source, one seeded by the clock.
function tempDir(run: Run, prefix: string, fallback: Random): string {
  const n = run.ctx.random ? run.ctx.random() : fallback.next();
  return `/tmp/${prefix}-${Math.floor(n * 2 ** 32)}`;
}

// Masker: a Secret's data values become *** (with (before)/(after) where a key's value changes).
function maskSecrets(from: KubeObject | undefined, to: KubeObject): [KubeObject | undefined, KubeObject] {
  if (to.kind !== "Secret" || to.apiVersion !== "v1") return [from, to];
  const a = from ? clone(from) : undefined;
  const b = clone(to);
  const fd = (a as { data?: Record<string, string> } | undefined)?.data;
  const td = (b as { data?: Record<string, string> }).data;
  for (const k of Object.keys(fd ?? {})) {
    if (td && k in td && fd?.[k] !== td[k]) {
      (fd as Record<string, string>)[k] = "*** (before)";
      td[k] = "*** (after)";
      continue;
    }
    if (td && k in td) td[k] = "***";
    (fd as Record<string, string>)[k] = "***";
  }
  for (const k of Object.keys(td ?? {})) if (!fd || !(k in fd)) (td as Record<string, string>)[k] = "***";
  return [a, b];
}

// InfoObject.Merged without --server-side: a dry-run create, or apply's patch sent as a dry run. The
// patch is computed without refreshing the last-applied annotation (GetModifiedConfiguration, annotate=false).
function merged(run: Run, rt: ResourceType, live: KubeObject | undefined, obj: KubeObject, ns?: string) {
  if (!live) {
    const created = run.ctx.api.create<KubeObject>(rt.plural, obj, { namespace: ns, dryRun: true });
    // A dry-run create is never stored, so it has no resourceVersion.
    delete created.metadata.resourceVersion;
    // The server encodes a kind's status struct even when empty (`status: {}`); the model leaves it unset.
    if (WITH_STATUS_SUBRESOURCE.has(rt.plural) && created.status === undefined) created.status = {};
    return created;
  }
  const cfg = clone(obj);
  const { [LAST_APPLIED]: _old, ...annotations } = cfg.metadata.annotations ?? {};
  cfg.metadata.annotations = annotations;
  const target = mergeApplied(live, cfg);
  // An empty patch is not sent: the result is the live object.
  if (sameForApply(target, live)) return live;
  return run.ctx.api.update<KubeObject>(rt.plural, target, { dryRun: true });
}

function diffFiles(run: Run): Map<string, { live: string; merged: string }> {
  const files = new Map<string, { live: string; merged: string }>();
  for (const item of manifestItems(run, run.list("filename"))) {
    if (!item.ok) fail(item.message);
    const { rt, obj } = item;
    const mismatch = namespaceMismatch(run, rt, obj);
    if (mismatch) fail(mismatch);
    const ns = manifestNamespace(run, rt, obj);
    const name = obj.metadata.name ?? "";
    const placed = clone(obj);
    if (ns) placed.metadata.namespace = ns;
    const live = run.ctx.api.tryGet<KubeObject>(rt.plural, ns, name);
    const [from, to] = maskSecrets(live, merged(run, rt, live, placed, ns));
    if (live?.metadata.deletionTimestamp)
      run.err(`Warning: Detected changes to resource ${name} which is currently being deleted.\n`);
    files.set(fileName(rt, ns, name), { live: from ? toYaml(from) : "", merged: toYaml(to) });
  }
  return files;
}

function diffAll(run: Run): number {
  if (run.args.length > 0)
    fail(`Unexpected args: [${run.args.join(" ")}]\nSee 'kubectl diff -h' for help and examples`);
  if (run.list("filename").length === 0) fail("must specify one of -f and -k");
  if (run.bool("force-conflicts") && !run.bool("server-side"))
    fail("--force-conflicts only works with --server-side");
  const fallback = new Random(Math.floor(run.now));
  const liveDir = tempDir(run, "LIVE", fallback);
  const mergedDir = tempDir(run, "MERGED", fallback);
  const files = diffFiles(run);
  const stamp = diffTime(run.now);
  let differ = false;
  // diff walks a directory's entries in byte order.
  for (const name of [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const f = files.get(name)!;
    const hunks = unifiedHunks(f.live, f.merged);
    if (hunks === "") continue;
    differ = true;
    const a = `${liveDir}/${name}`;
    const b = `${mergedDir}/${name}`;
    run.out(`diff -u -N ${a} ${b}\n--- ${a}\t${stamp}\n+++ ${b}\t${stamp}\n${hunks}`);
  }
  return differ ? 1 : 0;
}

/** Run `kubectl diff -f ...`. */
export function runDiff(run: Run): number {
  try {
    return diffAll(run);
  } catch (e) {
    throw new CliError(errorText(e), DIFF_ERROR_EXIT);
  }
}
