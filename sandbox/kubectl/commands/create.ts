// kubectl create: the namespace, deployment, service, configmap, secret, RBAC and token generators, and `create -f`.
import { lookupResource } from "../../api/resources.ts";
import type { KubeObject } from "../../api/types.ts";
import { StatusError } from "../../apiserver/errors.ts";
import { toCompactJson } from "../output/index.ts";
import { dryRun, dryRunSuffix, errorText, fail, type Run } from "./common.ts";
import { buildConfigMap, buildSecret } from "./create-data.ts";
import { buildCronJob, buildJob } from "./create-job.ts";
import { buildBinding, buildRole, buildServiceAccount } from "./create-rbac.ts";
import { buildService } from "./create-service.ts";
import { runCreateToken } from "./create-token.ts";
import { manifestItems } from "./file-args.ts";
import { LAST_APPLIED, lastApplied } from "./last-applied.ts";
import { outputFormat, printResult } from "./print.ts";
import { checkImage } from "./run.ts";

/** Prefix a server error with where the object came from, as kubectl's AddSourceToErr does. */
export function withSource(e: unknown, verb: string, source: string): unknown {
  if (!(e instanceof StatusError) || e.status.reason === "Invalid") return e;
  return new StatusError({ ...e.status, message: `error when ${verb} "${source}": ${e.status.message}` });
}

/** Wrap a server error in `failed to create <what>: ...`, as several generators do. */
function wrapped(e: unknown, what: string): unknown {
  if (e instanceof StatusError) return new Error(`failed to create ${what}: ${e.status.message}`);
  return e;
}

/**
 * `--save-config`: store the object as sent in the last-applied-configuration annotation. A generated
 * (typed) object keeps its field order and drops an empty annotations map; a manifest's object is
 * encoded as apply encodes it.
 */
function saveConfig(run: Run, obj: KubeObject, typed: boolean, namespace?: string): KubeObject {
  if (!run.bool("save-config")) return obj;
  let value: string;
  if (typed) {
    const { [LAST_APPLIED]: _old, ...rest } = obj.metadata.annotations ?? {};
    const meta = { ...obj.metadata, annotations: Object.keys(rest).length > 0 ? rest : undefined };
    value = `${toCompactJson({ ...obj, metadata: meta }, false)}\n`;
  } else value = lastApplied(obj, namespace);
  return {
    ...obj,
    metadata: { ...obj.metadata, annotations: { ...obj.metadata.annotations, [LAST_APPLIED]: value } },
  };
}

// Send a generated object (or print it for a client dry run).
function send(run: Run, plural: string, generated: KubeObject, wrap?: string): number {
  const fmt = outputFormat(run);
  const mode = dryRun(run);
  const obj = saveConfig(run, generated, true);
  const rt = lookupResource(plural)!;
  if (mode === "client") {
    printResult(run, fmt, obj, rt, `created${dryRunSuffix(mode)}`, false);
    return 0;
  }
  let created: KubeObject;
  try {
    created = run.ctx.api.create(plural, obj, { namespace: run.namespace, dryRun: mode === "server" });
  } catch (e) {
    throw wrap ? wrapped(e, wrap) : e;
  }
  printResult(run, fmt, created, rt, `created${dryRunSuffix(mode)}`);
  return 0;
}

function createNamespace(run: Run): number {
  const obj = {
    kind: "Namespace",
    apiVersion: "v1",
    metadata: { name: run.args[0], creationTimestamp: null },
    spec: {},
    status: {},
  };
  return send(run, "namespaces", obj as unknown as KubeObject);
}

function createDeployment(run: Run): number {
  const name = run.args[0];
  const images = run.list("image");
  for (const i of images) checkImage(i);
  const port = run.num("port");
  const containers = images.map((image) => {
    const base = image.split("/").pop()!.split("@")[0].split(":")[0];
    const c: Record<string, unknown> = { name: base, image, resources: {} };
    if (port >= 0) c.ports = [{ containerPort: port }];
    return c;
  });
  const labels = { app: name };
  const obj = {
    kind: "Deployment",
    apiVersion: "apps/v1",
    metadata: { name, creationTimestamp: null, labels },
    spec: {
      replicas: run.num("replicas"),
      selector: { matchLabels: labels },
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
  return send(run, "deployments", obj as unknown as KubeObject, "deployment");
}

function createFromFiles(run: Run): number {
  const mode = dryRun(run);
  const fmt = outputFormat(run);
  const items = manifestItems(run, run.list("filename"));
  const errors: string[] = [];
  let count = 0;
  for (const item of items) {
    if (!item.ok) {
      errors.push(`error: ${item.message}\n`);
      continue;
    }
    count++;
    try {
      const ns = item.obj.metadata.namespace || run.namespace;
      const obj = saveConfig(run, item.obj, false, item.rt.namespaced ? ns : undefined);
      const created =
        mode === "client"
          ? obj
          : run.ctx.api.create(item.rt.plural, obj, { namespace: ns, dryRun: mode === "server" });
      printResult(run, fmt, created, item.rt, `created${dryRunSuffix(mode)}`);
    } catch (e) {
      errors.push(errorText(withSource(e, "creating", item.source)));
    }
  }
  if (count === 0 && errors.length === 0) fail("no objects passed to create");
  for (const e of errors) run.err(e);
  return errors.length > 0 ? 1 : 0;
}

/** Run `kubectl create ...`. */
export function runCreate(run: Run): number {
  switch (run.command) {
    case "create":
      return createFromFiles(run);
    case "create namespace":
      return createNamespace(run);
    case "create deployment":
      return createDeployment(run);
    case "create token":
      return runCreateToken(run);
    case "create serviceaccount":
      return send(run, "serviceaccounts", buildServiceAccount(run));
    case "create role":
      return send(run, "roles", buildRole(run, false));
    case "create clusterrole":
      return send(run, "clusterroles", buildRole(run, true));
    case "create rolebinding":
      return send(run, "rolebindings", buildBinding(run, false));
    case "create clusterrolebinding":
      return send(run, "clusterrolebindings", buildBinding(run, true));
    case "create job":
      return send(run, "jobs", buildJob(run), "job");
    case "create cronjob":
      return send(run, "cronjobs", buildCronJob(run), "cronjob");
    case "create configmap":
      return send(run, "configmaps", buildConfigMap(run), "configmap");
    case "create secret generic":
      return send(run, "secrets", buildSecret(run), "secret");
    case "create service clusterip":
    case "create service nodeport": {
      const type = run.command.endsWith("nodeport") ? "NodePort" : "ClusterIP";
      return send(run, "services", buildService(run, type), `${type} service`);
    }
    default:
      return fail(`"kubectl ${run.command}" is not available in this simulated cluster`);
  }
}
