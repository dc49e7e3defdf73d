import { describe, expect, it } from "vitest";
import { createCluster } from "../../sandbox/index.ts";
import { expectGolden } from "../support/golden.ts";

// Run lines on one fresh cluster; return the output of the last one (stdout then stderr).
function last(...lines: string[]): { out: string; err: string; code: number } {
  const sh = createCluster().shell();
  let r = { stdout: "", stderr: "", exitCode: 0 };
  for (const line of lines) r = sh.run(line);
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
}

const HELLO = "kubectl create job hello --image=busybox -- echo hi";
const TICK = 'kubectl create cronjob tick --image=busybox --schedule="*/1 * * * *" -- date';

describe("kubectl create job", () => {
  it("prints job.batch/NAME created", () => {
    expect(last(HELLO)).toEqual({ out: "job.batch/hello created\n", err: "", code: 0 });
  });

  it("prints the generated job for --dry-run=client -o yaml", () => {
    expectGolden(
      "batch/create-job-dry-run.txt",
      last("kubectl create job hello --image=busybox --dry-run=client -o yaml -- echo hi").out,
    );
  });

  it("needs exactly one of --image and --from", () => {
    expect(last("kubectl create job x")).toEqual({
      out: "",
      err: "error: either --image or --from must be specified\n",
      code: 1,
    });
  });

  it("copies a cron job's template for --from=cronjob/NAME", () => {
    const r = last(TICK, "kubectl create job manual --from=cronjob/tick", "kubectl get job manual -o yaml");
    expect(r.out).toContain("cronjob.kubernetes.io/instantiate: manual");
    expect(r.out).toContain("    kind: CronJob\n    name: tick\n");
  });

  it("reports a missing cron job as NotFound", () => {
    expect(last("kubectl create job x --from=cronjob/nope").err).toBe(
      'Error from server (NotFound): cronjobs.batch "nope" not found\n',
    );
  });
});

describe("kubectl create cronjob", () => {
  it("prints cronjob.batch/NAME created", () => {
    expect(last(TICK).out).toBe("cronjob.batch/tick created\n");
  });

  it("wraps the server's schedule error in failed to create cronjob", () => {
    expect(last("kubectl create cronjob x --image=busybox --schedule=hourly").err).toBe(
      'error: failed to create cronjob: CronJob.batch "x" is invalid: spec.schedule: Invalid value: "hourly": expected exactly 5 fields, found 1: [hourly]\n',
    );
  });

  it("passes --restart to the server, which wants OnFailure or Never", () => {
    expect(last("kubectl create cronjob x --image=busybox --schedule=@hourly --restart=Always").err).toBe(
      'error: failed to create cronjob: CronJob.batch "x" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n',
    );
  });

  it("asks for --schedule", () => {
    expect(last("kubectl create cronjob x --image=busybox").err).toBe(
      "error: --schedule must be specified\n",
    );
  });
});

describe("kubectl apply of a job", () => {
  it("rejects restartPolicy Always with the real server's words", () => {
    const manifest = [
      "apiVersion: batch/v1",
      "kind: Job",
      "metadata: {name: x}",
      "spec:",
      "  template:",
      "    spec:",
      "      containers: [{name: c, image: busybox}]",
    ].join("\n");
    const sh = createCluster().shell();
    const r = sh.run(`kubectl create -f - <<EOF\n${manifest}\nEOF`);
    expect(r.stderr).toBe(
      'The Job "x" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n',
    );
  });
});

describe("kubectl get jobs", () => {
  it("prints NAME STATUS COMPLETIONS DURATION AGE while running and once complete", () => {
    const sh = createCluster().shell();
    sh.run(HELLO);
    const running = sh.run("kubectl get jobs").stdout;
    sh.run("sleep 5");
    expectGolden("batch/get-jobs.txt", running + sh.run("kubectl get jobs").stdout);
  });

  it("adds CONTAINERS IMAGES SELECTOR with -o wide", () => {
    expectGolden("batch/get-jobs-wide.txt", last(HELLO, "sleep 5", "kubectl get jobs -o wide").out);
  });

  it("prints the job's output for logs job/NAME", () => {
    expect(last(HELLO, "sleep 5", "kubectl logs job/hello").out).toBe("hi\n");
  });
});

describe("kubectl get cronjobs", () => {
  it("prints NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE, before and after a run", () => {
    const sh = createCluster().shell();
    sh.run(TICK);
    const before = sh.run("kubectl get cj").stdout;
    sh.run("sleep 75");
    expectGolden("batch/get-cronjobs.txt", before + sh.run("kubectl get cronjobs").stdout);
  });

  it("adds CONTAINERS IMAGES SELECTOR with -o wide", () => {
    expectGolden("batch/get-cronjobs-wide.txt", last(TICK, "kubectl get cronjobs -o wide").out);
  });

  it("lists cron jobs and jobs in get all", () => {
    expectGolden("batch/get-all.txt", last(TICK, "sleep 75", "kubectl get all").out);
  });
});

describe("kubectl describe", () => {
  it("describes a completed job", () => {
    expectGolden("batch/describe-job.txt", last(HELLO, "sleep 5", "kubectl describe job hello").out);
  });

  it("describes a cron job after its first run", () => {
    expectGolden("batch/describe-cronjob.txt", last(TICK, "sleep 75", "kubectl describe cronjob tick").out);
  });
});

describe("kubectl wait", () => {
  it("waits for condition=complete on a job", () => {
    const r = last(
      "kubectl create job nap --image=busybox -- sleep 3",
      "kubectl wait --for=condition=complete job/nap",
    );
    expect(r).toEqual({ out: "job.batch/nap condition met\n", err: "", code: 0 });
  });
});

describe("kubectl delete job", () => {
  it("deletes the job and, in the background, its pods", () => {
    const r = last(HELLO, "sleep 5", "kubectl delete job hello", "sleep 2", "kubectl get pods");
    expect(r.err).toBe("No resources found in default namespace.\n");
  });
});

describe("kubectl create job|cronjob --help", () => {
  it("prints the create job help page", () => {
    expectGolden("batch/help-create-job.txt", last("kubectl create job --help").out);
  });

  it("prints the create cronjob help page, with its cj alias", () => {
    expectGolden("batch/help-create-cronjob.txt", last("kubectl create cj -h").out);
  });
});
