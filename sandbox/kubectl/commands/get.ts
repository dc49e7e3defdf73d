// kubectl get: tables per kind, -o formats, several kinds, `get all`, per-name NotFound errors (FIDELITY §1).
import { lookupResource, type ResourceType } from "../../api/resources.ts";
import type { KubeObject } from "../../api/types.ts";
import { StatusError } from "../../apiserver/errors.ts";
import { renderTable, sortObjects, type TableOptions } from "../printers/index.ts";
import { errorText, fail, type Run, typeNamePairs } from "./common.ts";
import { readManifestArgs } from "./file-args.ts";
import { runGetRaw } from "./get-raw.ts";
import { runWatch } from "./get-watch.ts";
import { formatObjects, outputFormat } from "./print.ts";

/** The kinds `get all` expands to, in discovery order. */
export const ALL_KINDS = ["pods", "services", "daemonsets", "deployments", "replicasets", "cronjobs", "jobs"];

/** One requested type and the names asked for (none: list). */
export interface Request {
  rt: ResourceType;
  names: string[];
  /** Set for objects named by `-f` manifests. */
  namespace?: string;
}

/** Expand `all` and resolve `TYPE[,TYPE] NAME...` / `TYPE/NAME` arguments. */
export function expandRequests(args: string[]): Request[] {
  if (args.length > 0 && !args.some((a) => a.includes("/")) && args[0].split(",").includes("all")) {
    const types = args[0].split(",").flatMap((t) => (t === "all" ? ALL_KINDS : [t]));
    args = [types.join(","), ...args.slice(1)];
  }
  return typeNamePairs(args);
}

/** Whether kubectl prints `<kind>/<name>`: several types requested (`pods,svc`, `all`, mixed TYPE/NAME). */
export function multipleTypes(args: string[]): boolean {
  if (args.length === 0) return false;
  if (args.some((a) => a.includes("/"))) {
    return new Set(args.map((a) => lookupResource(a.split("/")[0])?.plural ?? a)).size > 1;
  }
  return args[0].split(",").length > 1 || args[0].split(",").includes("all");
}

/** Table options from get's flags. */
export function tableOptions(run: Run, withKind: boolean): TableOptions {
  return {
    now: run.now,
    wide: run.str("output") === "wide",
    noHeaders: run.bool("no-headers"),
    withNamespace: run.bool("all-namespaces"),
    showLabels: run.bool("show-labels"),
    labelColumns: run.list("label-columns"),
    withKindPrefix: withKind || run.bool("show-kind"),
    sortBy: run.str("sort-by") || undefined,
  };
}

interface Found {
  rt: ResourceType;
  obj: KubeObject;
}

/** Fetch what the requests name: objects in order, and errors for those missing. */
export function fetch(run: Run, requests: Request[]): { found: Found[]; errors: unknown[] } {
  const all = run.bool("all-namespaces");
  // The server's deprecation warnings, each printed once (kubectl deduplicates warnings).
  for (const w of new Set(requests.map((r) => r.rt.deprecation))) if (w) run.err(`Warning: ${w}\n`);
  const found: Found[] = [];
  const errors: unknown[] = [];
  for (const { rt, names, namespace } of requests) {
    const ns = rt.namespaced
      ? (namespace ?? (all && names.length === 0 ? undefined : run.namespace))
      : undefined;
    if (names.length === 0) {
      const opts = {
        namespace: ns,
        labelSelector: run.str("selector"),
        fieldSelector: run.str("field-selector"),
      };
      for (const obj of run.ctx.api.list(rt.plural, opts).items) found.push({ rt, obj });
      continue;
    }
    for (const name of names) {
      try {
        found.push({ rt, obj: run.ctx.api.get(rt.plural, ns, name) });
      } catch (e) {
        if (e instanceof StatusError && e.code === 404 && run.bool("ignore-not-found")) continue;
        errors.push(e);
      }
    }
  }
  return { found, errors };
}

/** Run `kubectl get`. */
export function runGet(run: Run): number {
  if (run.str("raw") !== "") return runGetRaw(run);
  const fmt = outputFormat(run, true);
  const files = run.list("filename");
  const requests = files.length > 0 ? readManifestArgs(run, files) : expandRequests(run.args);
  if (run.bool("watch") || run.bool("watch-only")) return runWatch(run, requests);
  const { found, errors } = fetch(run, requests);
  const withKind = multipleTypes(run.args);
  if (fmt.kind === "" || fmt.kind === "wide") {
    run.out(renderFound(found, tableOptions(run, withKind)));
  } else {
    const single = requests.length === 1 && requests[0].names.length === 1 && files.length === 0;
    // Custom columns print their header even when no named object was found, unless one was asked for.
    const columns = fmt.kind === "custom-columns" && !single && !run.bool("ignore-not-found");
    if (found.length > 0 || errors.length === 0 || columns) {
      let objs = found.map((f) => f.obj);
      const sortBy = run.str("sort-by");
      // kubectl wraps every printer in its SortingPrinter when --sort-by is set, not only the tables.
      if (sortBy) objs = sortedOrFail(objs, sortBy);
      run.out(formatObjects(fmt, objs, !single, found.length === 1 ? found[0].rt : undefined));
    }
  }
  for (const e of errors) run.err(errorText(e));
  if (
    found.length === 0 &&
    errors.length === 0 &&
    !run.bool("ignore-not-found") &&
    (fmt.kind === "" || fmt.kind === "wide")
  ) {
    const namespaced = requests.every((r) => r.rt.namespaced);
    run.err(
      namespaced && !run.bool("all-namespaces")
        ? `No resources found in ${run.namespace} namespace.\n`
        : "No resources found\n",
    );
  }
  return errors.length > 0 ? 1 : 0;
}

function sortedOrFail(objs: KubeObject[], sortBy: string): KubeObject[] {
  try {
    return sortObjects(objs, sortBy);
  } catch (e) {
    return fail((e as Error).message);
  }
}

// Consecutive objects of one kind form a group with its own header; groups are separated by one empty line.
function renderFound(found: Found[], opts: TableOptions): string {
  const parts: string[] = [];
  let i = 0;
  while (i < found.length) {
    const rt = found[i].rt;
    const objs: KubeObject[] = [];
    while (i < found.length && found[i].rt === rt) objs.push(found[i++].obj);
    parts.push(renderTable(rt, objs, opts));
  }
  return parts.join(opts.noHeaders ? "" : "\n");
}
