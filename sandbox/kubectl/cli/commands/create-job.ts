// `kubectl create job` and `kubectl create cronjob` (kubectl v1.32).
import { stringFlag } from "../flag-builders.ts";
import { examples } from "../text.ts";
import type { CommandSpec } from "../types.ts";
import { exactlyOneName, generatorFlags } from "./create-common.ts";

/** The `create job` generator. */
export const createJobCommand: CommandSpec = {
  name: "job",
  use: "NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]",
  disableFlagsInUseLine: true,
  short: "Create a job with the specified name",
  long: "Create a job with the specified name.",
  example: examples(`
# Create a job
kubectl create job my-job --image=busybox

# Create a job with a command
kubectl create job my-job --image=busybox -- date

# Create a job from a cron job named "a-cronjob"
kubectl create job test-job --from=cronjob/a-cronjob`),
  flags: [
    ...generatorFlags(),
    stringFlag("image", "", "Image name to run."),
    stringFlag("from", "", "The name of the resource to create a Job from (only cronjob is supported)."),
  ],
  argsCheck: exactlyOneName,
};

/** The `create cronjob` generator (alias `cj`). */
export const createCronJobCommand: CommandSpec = {
  name: "cronjob",
  aliases: ["cj"],
  use: "NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags]",
  disableFlagsInUseLine: true,
  short: "Create a cron job with the specified name",
  long: "Create a cron job with the specified name.",
  example: examples(`
# Create a cron job
kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *"

# Create a cron job with a command
kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date`),
  flags: [
    ...generatorFlags(),
    stringFlag("image", "", "Image name to run."),
    stringFlag("restart", "", "job's restart policy. supported values: OnFailure, Never"),
    stringFlag("schedule", "", "A schedule in the Cron format the job should be run with."),
  ],
  argsCheck: exactlyOneName,
};
