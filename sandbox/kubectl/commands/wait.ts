// kubectl wait: for each named or selected object, wait on virtual time until --for holds, then print
// `<kind>/<name> condition met`; one --timeout covers all the objects, as in kubectl.
import type { ResourceType } from "../../api/resources.ts";
import type { KubeObject } from "../../api/types.ts";
import { notFound } from "../../apiserver/errors.ts";
import { NO_RESOURCES_MESSAGE } from "../cli/resource-args.ts";
import { fail, type Run, typeNamePairs } from "./common.ts";
import { type NamedRequest, readManifestArgs } from "./file-args.ts";
import { type OutputFormat, outputFormat, printResult } from "./print.ts";
import { parseWaitFor, type WaitFor } from "./wait-conditions.ts";
import { UNBOUNDED_WAIT_MS, watchObjectUntil } from "./watch-object.ts";

interface Ref {
  rt: ResourceType;
  namespace: string | undefined;
  name: string;
  /** The object as listed by a selector or --all; named objects are read when their turn comes. */
  listed?: KubeObject;
}

function references(run: Run): Ref[] {
  const files = run.list("filename");
  const requests: NamedRequest[] = files.length > 0 ? readManifestArgs(run, files) : typeNamePairs(run.args);
  if (requests.length === 0) fail(NO_RESOURCES_MESSAGE);
  const all = run.bool("all-namespaces");
  const refs: Ref[] = [];
  for (const r of requests) {
    const ns = r.rt.namespaced
      ? (r.namespace ?? (all && r.names.length === 0 ? undefined : run.namespace))
      : undefined;
    if (r.names.length > 0) {
      for (const name of r.names) refs.push({ rt: r.rt, namespace: ns, name });
      continue;
    }
    if (!run.bool("all") && !run.str("selector"))
      fail("resource(s) were provided, but no name was specified");
    const opts = {
      namespace: ns,
      labelSelector: run.str("selector"),
      fieldSelector: run.str("field-selector"),
    };
    for (const obj of run.ctx.api.list(r.rt.plural, opts).items)
      refs.push({ rt: r.rt, namespace: obj.metadata.namespace, name: obj.metadata.name ?? "", listed: obj });
  }
  return refs;
}

/** Run `kubectl wait`. Deviation: a negative --timeout waits 10 minutes of virtual time, not a week. */
export function runWait(run: Run): number {
  const waitFor = parseWaitFor(run.str("for"));
  const fmt = outputFormat(run);
  const timeout = run.num("timeout");
  const deadline = run.now + (timeout < 0 ? UNBOUNDED_WAIT_MS : timeout);
  let visited = 0;
  for (const ref of references(run)) {
    if (waitOne(run, ref, waitFor, { zero: timeout === 0, deadline }, fmt)) visited++;
  }
  if (visited === 0 && waitFor.kind !== "delete") fail("no matching resources found");
  return 0;
}

interface Budget {
  zero: boolean;
  deadline: number;
}

/** Wait for one object; returns false when it was skipped (a named object already gone, for --for=delete). */
function waitOne(run: Run, ref: Ref, waitFor: WaitFor, budget: Budget, fmt: OutputFormat): boolean {
  const { rt, namespace, name } = ref;
  const id = `${rt.plural}/${name}`;
  const remaining = budget.deadline - run.now;
  const timedOut = (): never => fail(`timed out waiting for the condition on ${id}`);
  const print = (obj: KubeObject) => printResult(run, fmt, obj, rt, "condition met");
  const current = run.ctx.api.tryGet(rt.plural, namespace, name);

  if (waitFor.kind === "delete") {
    const original = ref.listed ?? current;
    if (!original) return false;
    if (current) {
      if (budget.zero) fail(`condition not met for ${id}`);
      if (remaining <= 0) timedOut();
      const uid = current.metadata.uid;
      const gone = (o: KubeObject | undefined) => !o || o.metadata.uid !== uid;
      if (!watchObjectUntil(run, rt.plural, namespace, name, gone, remaining)) timedOut();
    }
    print(original);
    return true;
  }

  if (waitFor.kind === "create") {
    // Unverified: the timeout text of --for=create is kubectl's generic one.
    const read = () => run.ctx.api.tryGet(rt.plural, namespace, name);
    if (!current && !run.ctx.waitUntil(() => read() !== undefined, remaining))
      fail("timed out waiting for the condition");
    print(current ?? (read() as KubeObject));
    return true;
  }

  if (!current) throw notFound(rt.plural, rt.group, name);
  if (waitFor.check(current)) {
    print(current);
    return true;
  }
  if (budget.zero) fail(`condition not met for ${id}`);
  if (remaining <= 0) timedOut();
  let met: KubeObject | undefined;
  let gone = false;
  let failure: unknown;
  const onEvent = (o: KubeObject | undefined) => {
    if (!o) {
      gone = true;
      return true;
    }
    try {
      if (waitFor.check(o)) met = o;
    } catch (e) {
      failure = e;
    }
    return met !== undefined || failure !== undefined;
  };
  const finished = watchObjectUntil(run, rt.plural, namespace, name, onEvent, remaining);
  if (failure !== undefined) throw failure;
  if (gone) throw notFound(rt.plural, rt.group, name);
  if (!finished || !met) timedOut();
  print(met as KubeObject);
  return true;
}
