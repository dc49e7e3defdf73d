// The job and cron job generators of `kubectl create` (create_job.go, create_cronjob.go).
import type { CronJob, KubeObject } from "../../api/types.ts";
import { clone } from "../../util/clone.ts";
import { fail, type Run } from "./common.ts";

/** Build the job `kubectl create job NAME --image=IMG [-- COMMAND...]` sends. */
export function buildJob(run: Run): KubeObject {
  const name = run.args[0];
  const image = run.str("image");
  const from = run.str("from");
  if ((image === "" && from === "") || (image !== "" && from !== ""))
    fail("either --image or --from must be specified");
  if (run.afterDash.length > 0 && from !== "") fail("cannot specify --from and command");
  if (from !== "") return jobFromCronJob(run, name, from);
  return {
    kind: "Job",
    apiVersion: "batch/v1",
    metadata: { name, creationTimestamp: null },
    spec: { template: podTemplate(run, name, image, "Never") },
    status: {},
  };
}

// The pod template both generators build: one container named after the object, running `-- COMMAND` if given.
function podTemplate(run: Run, name: string, image: string, restartPolicy: string) {
  const container: Record<string, unknown> = { name, image };
  if (run.afterDash.length > 0) container.command = run.afterDash;
  container.resources = {};
  return { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy } };
}

// `--from=cronjob/NAME`: the cron job's job template, marked as started by hand and owned by the cron job.
function jobFromCronJob(run: Run, name: string, from: string): KubeObject {
  const slash = from.indexOf("/");
  const type = slash < 0 ? from : from.slice(0, slash);
  const source = slash < 0 ? "" : from.slice(slash + 1);
  if (!["cronjob", "cronjobs", "cj", "cronjob.batch", "cronjobs.batch"].includes(type.toLowerCase()))
    fail(`unknown object type ${goTypeName(type)}`);
  const cj = run.ctx.api.get<CronJob>("cronjobs", run.namespace, source);
  const tpl = cj.spec.jobTemplate;
  return {
    kind: "Job",
    apiVersion: "batch/v1",
    metadata: {
      name,
      creationTimestamp: null,
      ...(tpl.metadata?.labels ? { labels: tpl.metadata.labels } : {}),
      annotations: { "cronjob.kubernetes.io/instantiate": "manual", ...tpl.metadata?.annotations },
      // kubectl leaves blockOwnerDeletion unset here, unlike a controller's own references.
      ownerReferences: [
        {
          apiVersion: "batch/v1",
          kind: "CronJob",
          name: cj.metadata.name ?? "",
          uid: cj.metadata.uid ?? "",
          controller: true,
        },
      ],
    },
    spec: clone(tpl.spec),
    status: {},
  };
}

// The Go type kubectl names for a --from object that is not a cron job.
function goTypeName(type: string): string {
  const kinds: Record<string, string> = {
    deployment: "*v1.Deployment",
    deploy: "*v1.Deployment",
    pod: "*v1.Pod",
    po: "*v1.Pod",
    job: "*v1.Job",
    replicaset: "*v1.ReplicaSet",
    rs: "*v1.ReplicaSet",
  };
  return kinds[type.toLowerCase()] ?? `*v1.${type}`;
}

/** Build the cron job `kubectl create cronjob NAME --image=IMG --schedule=SPEC [-- COMMAND...]` sends. */
export function buildCronJob(run: Run): KubeObject {
  const name = run.args[0];
  const image = run.str("image");
  const schedule = run.str("schedule");
  if (image === "") fail("--image must be specified");
  if (schedule === "") fail("--schedule must be specified");
  return {
    kind: "CronJob",
    apiVersion: "batch/v1",
    metadata: { name, creationTimestamp: null },
    spec: {
      schedule,
      jobTemplate: {
        metadata: { name, creationTimestamp: null },
        spec: { template: podTemplate(run, name, image, run.str("restart") || "OnFailure") },
      },
    },
    status: {},
  };
}
