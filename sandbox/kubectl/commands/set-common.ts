// What `kubectl set image|env` share: the objects named on the command line and the pod spec inside each.
import type { ResourceType } from "../../api/resources.ts";
import type { KubeObject, PodSpec } from "../../api/types.ts";
import { NO_RESOURCES_MESSAGE } from "../cli/resource-args.ts";
import { dryRunSuffix, errorText, fail, type Run, typeNamePairs } from "./common.ts";
import { type NamedRequest, readManifestArgs } from "./file-args.ts";
import { type outputFormat, printResult } from "./print.ts";

/** The pod spec inside an object that has one (kubectl's UpdatePodSpecForObject), else undefined. */
export function podSpecOf(plural: string, obj: KubeObject): PodSpec | undefined {
  const spec = (obj as { spec?: { template?: { spec?: PodSpec } } }).spec;
  if (plural === "pods") return spec as PodSpec | undefined;
  if (
    ["deployments", "replicasets", "daemonsets", "statefulsets", "replicationcontrollers", "jobs"].includes(
      plural,
    )
  )
    return spec?.template?.spec;
  return undefined;
}

/** The pod spec inside `next` (a copy of `target.obj`), or undefined after noting kubectl's "not a pod" problem. */
export function podSpecOrProblem(
  target: { rt: ResourceType; obj: KubeObject },
  next: KubeObject,
  problems: string[],
): PodSpec | undefined {
  const { rt, obj } = target;
  const spec = podSpecOf(rt.plural, next);
  if (!spec)
    problems.push(
      `error: ${rt.plural}/${obj.metadata.name} the object is not a pod or does not have a pod template: *v1.${rt.kind}\n`,
    );
  return spec;
}

/** The objects `set` changes: `-f` manifests, or TYPE NAME / TYPE/NAME args, or a type with --all / -l. */
export function setTargets(run: Run, resources: string[]): { rt: ResourceType; obj: KubeObject }[] {
  const files = run.list("filename");
  const requests: NamedRequest[] = files.length > 0 ? readManifestArgs(run, files) : typeNamePairs(resources);
  if (requests.length === 0) fail(NO_RESOURCES_MESSAGE);
  const out: { rt: ResourceType; obj: KubeObject }[] = [];
  for (const r of requests) {
    const ns = r.rt.namespaced ? (r.namespace ?? run.namespace) : undefined;
    if (r.names.length === 0) {
      if (!run.bool("all") && !run.str("selector"))
        fail("resource(s) were provided, but no name was specified");
      for (const obj of run.ctx.api.list(r.rt.plural, { namespace: ns, labelSelector: run.str("selector") })
        .items)
        out.push({ rt: r.rt, obj });
    } else for (const name of r.names) out.push({ rt: r.rt, obj: run.ctx.api.get(r.rt.plural, ns, name) });
  }
  return out;
}

/**
 * Write a changed pod template back (unless a dry run) and print `<kind>/<name> <what> updated`;
 * a failed write becomes kubectl's `failed to patch <what> update to pod template: ...` problem.
 */
export function writeSetChange(
  run: Run,
  target: { rt: ResourceType; obj: KubeObject },
  next: KubeObject,
  what: "env" | "image",
  mode: "none" | "client" | "server",
  fmt: ReturnType<typeof outputFormat>,
  problems: string[],
): void {
  const { rt, obj } = target;
  let shown = next;
  if (mode === "none") {
    try {
      shown = run.ctx.api.mutate(rt.plural, obj.metadata.namespace, obj.metadata.name ?? "", (o) => {
        Object.assign(o, { spec: next.spec });
        return true;
      });
    } catch (e) {
      const why = errorText(e)
        .replace(/^error: /, "")
        .trimEnd();
      problems.push(`failed to patch ${what} update to pod template: ${why}`);
      return;
    }
  }
  printResult(run, fmt, shown, rt, `${what} updated${dryRunSuffix(mode)}`);
}
