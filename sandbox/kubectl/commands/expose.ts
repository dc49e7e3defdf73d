// kubectl expose: a Service whose selector and ports come from flags or from the exposed object.
import { lookupResource } from "../../api/resources.ts";
import type { Container, KubeObject } from "../../api/types.ts";
import { dryRun, dryRunSuffix, fail, type Run, typeNamePairs } from "./common.ts";
import { outputFormat, printResult } from "./print.ts";
import { parseLabels } from "./run.ts";

const EXPOSABLE = new Set(["pods", "services", "replicasets", "deployments"]);

interface Introspected {
  selector?: Record<string, string>;
  ports: { port: number; protocol: string; targetPort: number | string }[];
}

function introspect(plural: string, obj: KubeObject): Introspected {
  const fromContainers = (cs: Container[] | undefined) =>
    (cs ?? []).flatMap((c) =>
      (c.ports ?? []).map((p) => ({
        port: p.containerPort,
        protocol: p.protocol ?? "TCP",
        targetPort: p.containerPort,
      })),
    );
  const spec = obj.spec as Record<string, never>;
  if (plural === "pods") {
    const labels = obj.metadata.labels;
    if (!labels || Object.keys(labels).length === 0) {
      fail(
        "couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed",
      );
    }
    return { selector: labels, ports: fromContainers((spec as { containers?: Container[] }).containers) };
  }
  if (plural === "services") {
    const ports = (
      (spec as { ports?: { port: number; protocol?: string; targetPort?: number | string }[] }).ports ?? []
    ).map((p) => ({
      port: p.port,
      protocol: p.protocol ?? "TCP",
      targetPort: p.targetPort ?? p.port,
    }));
    return { selector: (spec as { selector?: Record<string, string> }).selector, ports };
  }
  const sel = (spec as { selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } })
    .selector;
  if (sel?.matchExpressions?.length) {
    fail(
      "couldn't retrieve selectors via --selector flag or introspection: the deployment has match expressions and cannot be exposed",
    );
  }
  const template = (spec as { template?: { spec?: { containers?: Container[] } } }).template;
  return { selector: sel?.matchLabels, ports: fromContainers(template?.spec?.containers) };
}

/** Run `kubectl expose TYPE NAME`. */
export function runExpose(run: Run): number {
  const pairs = typeNamePairs(run.args);
  if (pairs.length === 0 || pairs[0].names.length === 0) {
    fail(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const { rt, names } = pairs[0];
  const fmt = outputFormat(run);
  const mode = dryRun(run);
  const obj = run.ctx.api.get(rt.plural, rt.namespaced ? run.namespace : undefined, names[0]);
  if (!EXPOSABLE.has(rt.plural)) fail(`cannot expose a ${rt.kind}`);
  const found = introspect(rt.plural, obj);
  const selector = run.str("selector") ? parseLabels(run.str("selector")) : found.selector;
  const protocol = run.str("protocol");
  const target = run.str("target-port");
  const targetOf = (t: number | string) =>
    target === "" ? t : /^\d+$/.test(target) ? Number(target) : target;
  let ports: Record<string, unknown>[];
  if (run.str("port")) {
    const port = Number(run.str("port"));
    if (!/^\d+$/.test(run.str("port"))) fail(`invalid port: ${run.str("port")}`);
    ports = [{ port, protocol: protocol || found.ports[0]?.protocol || "TCP", targetPort: targetOf(port) }];
  } else {
    if (found.ports.length === 0) fail("couldn't find port via --port flag or introspection");
    ports = found.ports.map((p, i) => ({
      ...(found.ports.length > 1 ? { name: `port-${i + 1}` } : {}),
      port: p.port,
      protocol: protocol || p.protocol,
      targetPort: targetOf(p.targetPort),
    }));
  }
  const name = run.str("name") || names[0];
  const labels = run.str("labels") ? parseLabels(run.str("labels")) : obj.metadata.labels;
  const spec: Record<string, unknown> = { ports, selector };
  if (run.str("type")) spec.type = run.str("type");
  if (run.str("cluster-ip")) spec.clusterIP = run.str("cluster-ip");
  if (run.str("external-ip")) spec.externalIPs = [run.str("external-ip")];
  const metadata: Record<string, unknown> = { name, creationTimestamp: null };
  if (labels) metadata.labels = labels;
  const svc = {
    kind: "Service",
    apiVersion: "v1",
    metadata,
    spec,
    status: { loadBalancer: {} },
  } as unknown as KubeObject;
  const svcRt = lookupResource("services")!;
  if (mode === "client") {
    printResult(run, fmt, svc, svcRt, `exposed${dryRunSuffix(mode)}`, false);
    return 0;
  }
  const created = run.ctx.api.create("services", svc, {
    namespace: run.namespace,
    dryRun: mode === "server",
  });
  printResult(run, fmt, created, svcRt, `exposed${dryRunSuffix(mode)}`);
  return 0;
}
