// kubectl version, cluster-info and api-resources.
import { groupVersion, RESOURCES } from "../../api/resources.ts";
import type { Endpoints, Service } from "../../api/types.ts";
import { SERVER_VERSION, SERVER_VERSION_INFO } from "../../api/version.ts";
import { toYaml } from "../output/index.ts";
import { layoutRows } from "../printers/index.ts";
import { fail, type Run } from "./common.ts";

/** The client and server versions (FIDELITY §1.7). */
export const CLIENT_VERSION = "v1.32.5";
const KUSTOMIZE_VERSION = "v5.5.0";

/** Run `kubectl version` (plain, `--client`, `-o json|yaml`). */
export function runVersion(run: Run): number {
  const out = run.str("output");
  const client = run.bool("client");
  if (!client && run.args.length > 0) fail(`extra arguments: [${run.args.join(" ")}]`);
  if (out !== "" && out !== "yaml" && out !== "json") fail(`--output must be 'yaml' or 'json'`);
  const info = versionInfo(client);
  if (out === "json") run.out(`${JSON.stringify(info, null, 2)}\n`);
  else if (out === "yaml") run.out(`${toYaml(info)}\n`);
  else {
    run.out(`Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (!client) run.out(`Server Version: ${SERVER_VERSION}\n`);
  }
  return 0;
}

/** The version.Info fields in Go's struct order, as `kubectl version -o json` prints them. */
function versionInfo(clientOnly: boolean): Record<string, unknown> {
  const client = {
    major: "1",
    minor: "32",
    gitVersion: CLIENT_VERSION,
    gitCommit: "9894294ef13a5b32803e3ca2c0d620a088cc84d1",
    gitTreeState: "clean",
    // Unverified: the v1.32.5 release build time (released 2025-05-15).
    buildDate: "2025-05-15T08:26:41Z",
    goVersion: "go1.23.8",
    compiler: "gc",
    platform: "linux/amd64",
  };
  return clientOnly
    ? { clientVersion: client, kustomizeVersion: KUSTOMIZE_VERSION }
    : { clientVersion: client, kustomizeVersion: KUSTOMIZE_VERSION, serverVersion: SERVER_VERSION_INFO };
}

/** The API server URL kubeadm's admin.conf points at. */
export function serverURL(run: Run): string {
  const ep = run.ctx.api.tryGet<Endpoints>("endpoints", "default", "kubernetes");
  const subset = ep?.subsets?.[0];
  const ip = subset?.addresses?.[0]?.ip ?? "127.0.0.1";
  return `https://${ip}:${subset?.ports?.[0]?.port ?? 6443}`;
}

/** Run `kubectl cluster-info`. */
export function runClusterInfo(run: Run): number {
  if (run.args[0] === "dump") fail(`"kubectl cluster-info dump" is not available in this simulated cluster`);
  const host = serverURL(run);
  let text = `Kubernetes control plane is running at ${host}\n`;
  const services = run.ctx.api.list<Service>("services", {
    namespace: "kube-system",
    labelSelector: "kubernetes.io/cluster-service=true",
  }).items;
  for (const s of services) {
    const name = s.metadata.labels?.["kubernetes.io/name"] || s.metadata.name;
    const port = s.spec.ports?.[0];
    const portPart = port ? `:${port.name || port.port}` : "";
    text += `${name} is running at ${host}/api/v1/namespaces/kube-system/services/${s.metadata.name}${portPart}/proxy\n`;
  }
  run.out(`${text}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  return 0;
}

/** Run `kubectl api-resources`. */
export function runApiResources(run: Run): number {
  let list = [...RESOURCES];
  if (run.flagsSet.has("namespaced")) list = list.filter((r) => r.namespaced === run.bool("namespaced"));
  const group = run.str("api-group");
  if (run.flagsSet.has("api-group")) list = list.filter((r) => r.group === group);
  const verbs = run.list("verbs");
  if (verbs.length > 0) list = list.filter((r) => verbs.every((v) => r.verbs.includes(v)));
  const out = run.str("output");
  if (out === "name") {
    run.out(list.map((r) => `${r.group ? `${r.plural}.${r.group}` : r.plural}\n`).join(""));
    return 0;
  }
  if (out !== "" && out !== "wide") fail(`--output ${out} is not available`);
  const wide = out === "wide";
  const header = [
    "NAME",
    "SHORTNAMES",
    "APIVERSION",
    "NAMESPACED",
    "KIND",
    ...(wide ? ["VERBS", "CATEGORIES"] : []),
  ];
  const rows = list.map((r) => [
    r.plural,
    r.shortNames.join(","),
    groupVersion(r),
    String(r.namespaced),
    r.kind,
    ...(wide ? [`[${r.verbs.join(" ")}]`, (r.categories ?? []).join(",")] : []),
  ]);
  run.out(layoutRows(run.bool("no-headers") ? rows : [header, ...rows]));
  return 0;
}
