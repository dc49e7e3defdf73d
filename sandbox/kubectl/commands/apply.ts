// kubectl apply -f (client-side): create, or three-way merge against the last-applied-configuration
// annotation, printing created / configured / unchanged per object.
import type { KubeObject } from "../../api/types.ts";
import { clone } from "../../util/clone.ts";
import { toCompactJson } from "../output/index.ts";
import { dryRun, dryRunSuffix, errorText, fail, type Run } from "./common.ts";
import { withSource } from "./create.ts";
import { manifestItems, manifestNamespace, namespaceMismatch } from "./file-args.ts";
import { LAST_APPLIED, lastApplied } from "./last-applied.ts";
import { outputFormat, printResult } from "./print.ts";

type Json = Record<string, unknown>;
const isMap = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

// Three-way merge: set what the new config says, remove what only the old config had. Lists of objects
// with a merge key (name, containerPort, port ...) merge element by element, as strategic merge does;
// other lists are replaced. Simplification: the merge keys are guessed from the elements, not a schema.
const MERGE_KEYS = ["name", "containerPort", "port", "mountPath", "devicePath", "ip", "type", "key"];

function mergeKey(list: unknown[]): string | undefined {
  if (list.length === 0 || !list.every(isMap)) return undefined;
  return MERGE_KEYS.find((k) => list.every((e) => (e as Json)[k] !== undefined));
}

function mergeList(live: unknown[], oldCfg: unknown[], newCfg: unknown[]): unknown[] {
  const key = mergeKey(newCfg);
  if (!key || !live.every(isMap)) return clone(newCfg);
  const find = (list: unknown[], v: unknown) =>
    list.find((e) => isMap(e) && e[key] === v) as Json | undefined;
  const out: unknown[] = newCfg.map((e) => {
    const k = (e as Json)[key];
    const l = find(live, k);
    return l ? merge(l, find(oldCfg, k) ?? {}, e as Json) : clone(e);
  });
  for (const l of live) {
    const k = (l as Json)[key];
    if (!find(newCfg, k) && !find(oldCfg, k)) out.push(l);
  }
  return out;
}

function merge(live: Json, oldCfg: Json, newCfg: Json): Json {
  const out: Json = { ...live };
  for (const k of Object.keys(oldCfg)) if (!(k in newCfg)) delete out[k];
  for (const [k, v] of Object.entries(newCfg)) {
    const o = oldCfg[k];
    if (isMap(v) && isMap(live[k])) out[k] = merge(live[k] as Json, isMap(o) ? o : {}, v);
    else if (Array.isArray(v) && Array.isArray(live[k]))
      out[k] = mergeList(live[k] as unknown[], Array.isArray(o) ? o : [], v);
    else out[k] = clone(v);
  }
  return out;
}

// What a patch could change: everything but server-managed bookkeeping and status.
function comparable(obj: KubeObject): string {
  const { status: _s, metadata, ...rest } = obj;
  const { resourceVersion: _r, generation: _g, ...meta } = metadata;
  return toCompactJson({ ...rest, metadata: meta });
}

/**
 * The object a client-side apply of `cfg` would send for `live`: the three-way merge of the live object,
 * its last-applied configuration and `cfg`, with the live resourceVersion as the precondition.
 */
export function mergeApplied(live: KubeObject, cfg: KubeObject): KubeObject {
  const previous = live.metadata.annotations?.[LAST_APPLIED];
  let oldCfg: Json = {};
  try {
    oldCfg = previous ? (JSON.parse(previous) as Json) : {};
  } catch {
    oldCfg = {};
  }
  const merged = merge(
    live as unknown as Json,
    oldCfg,
    clone(cfg) as unknown as Json,
  ) as unknown as KubeObject;
  merged.metadata.resourceVersion = live.metadata.resourceVersion;
  return merged;
}

/** Report whether an update could change nothing a patch sets (server bookkeeping and status aside). */
export function sameForApply(a: KubeObject, b: KubeObject): boolean {
  return comparable(a) === comparable(b);
}

/** The warning kubectl prints before patching an object that was not created by apply. */
export function missingAnnotationWarning(plural: string, obj: KubeObject): string {
  return `Warning: resource ${plural}/${obj.metadata.name ?? ""} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
}

/** Run `kubectl apply -f ...`. */
export function runApply(run: Run): number {
  if (run.bool("server-side")) fail("--server-side is not supported in this simulated cluster");
  const mode = dryRun(run);
  const fmt = outputFormat(run);
  const files = run.list("filename");
  if (files.length === 0) fail("must specify one of -f and -k");
  const items = manifestItems(run, files);
  const errors: string[] = [];
  let count = 0;
  for (const item of items) {
    if (!item.ok) {
      errors.push(`error: ${item.message}\n`);
      continue;
    }
    count++;
    const { rt, obj, source } = item;
    const mismatch = namespaceMismatch(run, rt, obj);
    if (mismatch) {
      errors.push(`error: ${mismatch}\n`);
      continue;
    }
    const ns = manifestNamespace(run, rt, obj);
    const applied = lastApplied(obj, ns);
    let existed = false;
    try {
      const live = run.ctx.api.tryGet<KubeObject>(rt.plural, ns, obj.metadata.name ?? "");
      if (!live) {
        const toCreate = clone(obj);
        toCreate.metadata.annotations = { ...(toCreate.metadata.annotations ?? {}), [LAST_APPLIED]: applied };
        const created =
          mode === "client"
            ? toCreate
            : run.ctx.api.create(rt.plural, toCreate, { namespace: ns, dryRun: mode === "server" });
        printResult(run, fmt, created, rt, `created${dryRunSuffix(mode)}`);
        continue;
      }
      existed = true;
      const previous = live.metadata.annotations?.[LAST_APPLIED];
      if (previous === undefined && mode !== "client") run.err(missingAnnotationWarning(rt.plural, live));
      const cfg = clone(obj);
      cfg.metadata.annotations = { ...cfg.metadata.annotations, [LAST_APPLIED]: applied };
      const merged = mergeApplied(live, cfg);
      const preview = run.ctx.api.update(rt.plural, merged, { dryRun: true });
      if (sameForApply(preview, live)) {
        printResult(run, fmt, live, rt, `unchanged${dryRunSuffix(mode)}`);
        continue;
      }
      const updated =
        mode === "client" ? merged : run.ctx.api.update(rt.plural, merged, { dryRun: mode === "server" });
      printResult(run, fmt, updated, rt, `configured${dryRunSuffix(mode)}`);
    } catch (e) {
      errors.push(errorText(existed ? e : withSource(e, "creating", source)));
    }
  }
  if (count === 0 && errors.length === 0) fail("no objects passed to apply");
  for (const e of errors) run.err(e);
  return errors.length > 0 ? 1 : 0;
}
