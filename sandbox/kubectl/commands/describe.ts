// kubectl describe: exact names, or every object whose name starts with the given prefix, with events.
import type { ResourceType } from "../../api/resources.ts";
import type { Event, KubeObject, Lease } from "../../api/types.ts";
import { notFound } from "../../apiserver/errors.ts";
import { type DescribeRelated, describeObject } from "../describe/index.ts";
import { errorText, fail, type Run } from "./common.ts";
import { readManifestArgs } from "./file-args.ts";
import { expandRequests, type Request } from "./get.ts";

function related(run: Run, rt: ResourceType, obj: KubeObject): DescribeRelated {
  const api = run.ctx.api;
  const ns = obj.metadata.namespace;
  switch (rt.plural) {
    case "deployments":
      return { replicaSets: api.list("replicasets", { namespace: ns }).items as never };
    case "replicasets":
      return { pods: api.list("pods", { namespace: ns }).items as never };
    case "nodes":
      return {
        pods: api.list("pods", { fieldSelector: `spec.nodeName=${obj.metadata.name}` }).items as never,
        lease: api.tryGet<Lease>("leases", "kube-node-lease", obj.metadata.name ?? "") ?? null,
      };
    case "services":
      return { endpointSlices: api.list("endpointslices", { namespace: ns }).items as never };
    default:
      return {};
  }
}

// Events are fetched by field selector, as kubectl does (involvedObject.name, .namespace).
function events(run: Run, obj: KubeObject): Event[] {
  const m = obj.metadata;
  const fieldSelector = `involvedObject.name=${m.name ?? ""}${m.namespace ? `,involvedObject.namespace=${m.namespace}` : ""}`;
  return run.ctx.api.list<Event>("events", { namespace: m.namespace, fieldSelector }).items;
}

/** Find what one request names: exact matches, else prefix matches, else NotFound. */
function resolve(run: Run, r: Request): { objs: KubeObject[]; errors: unknown[] } {
  const api = run.ctx.api;
  const all = run.bool("all-namespaces");
  const ns = r.rt.namespaced ? (r.namespace ?? (all ? undefined : run.namespace)) : undefined;
  if (r.names.length === 0) {
    const opts = { namespace: ns, labelSelector: run.str("selector") };
    return { objs: api.list(r.rt.plural, opts).items, errors: [] };
  }
  const objs: KubeObject[] = [];
  const errors: unknown[] = [];
  for (const name of r.names) {
    const exact = api.tryGet(r.rt.plural, ns, name);
    if (exact) {
      objs.push(exact);
      continue;
    }
    const prefixed = api
      .list(r.rt.plural, { namespace: ns })
      .items.filter((o) => (o.metadata.name ?? "").startsWith(name));
    if (prefixed.length === 0) errors.push(notFound(r.rt.plural, r.rt.group, name));
    objs.push(...prefixed);
  }
  return { objs, errors };
}

/** Run `kubectl describe`. */
export function runDescribe(run: Run): number {
  const files = run.list("filename");
  if (run.args.length === 0 && files.length === 0) {
    fail(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
  }
  const requests = files.length > 0 ? readManifestArgs(run, files) : expandRequests(run.args);
  let printed = 0;
  const errors: unknown[] = [];
  for (const r of requests) {
    const { objs, errors: errs } = resolve(run, r);
    errors.push(...errs);
    for (const obj of objs) {
      const text = describeObject(r.rt.plural, obj, {
        now: run.now,
        events:
          run.bool("show-events") === false && run.flags["show-events"] === false ? [] : events(run, obj),
        related: related(run, r.rt, obj),
        showEvents: run.flags["show-events"] !== false,
      });
      run.out(printed === 0 ? text : `\n\n${text}`);
      printed++;
    }
  }
  if (printed === 0 && errors.length === 0) {
    const namespaced = requests.every((r) => r.rt.namespaced);
    run.err(
      namespaced && !run.bool("all-namespaces")
        ? `No resources found in ${run.namespace} namespace.\n`
        : "No resources found\n",
    );
  }
  for (const e of errors) run.err(errorText(e));
  return errors.length > 0 ? 1 : 0;
}
