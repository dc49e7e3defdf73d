// `kubectl api-versions`, and `kubectl top`, which needs an API group a fresh kubeadm cluster does not serve.
import { groupVersion, RESOURCES } from "../../api/resources.ts";
import { fail, type Run } from "./common.ts";

/**
 * The group/versions discovery lists, sorted as `kubectl api-versions` prints them. Only groups the
 * model serves appear: a real v1.32 kubeadm cluster also lists admissionregistration, apiextensions,
 * apiregistration, authentication, authorization, autoscaling, batch, certificates, events,
 * flowcontrol, networking, node, policy, scheduling and storage, which the model does not have.
 */
export function servedGroupVersions(): string[] {
  return [...new Set(RESOURCES.map(groupVersion))].sort();
}

/** Run `kubectl api-versions`. */
export function runApiVersions(run: Run): number {
  if (run.args.length > 0) {
    fail(
      `unexpected arguments: [${run.args.join(" ")}]\nSee 'kubectl api-versions -h' for help and examples`,
    );
  }
  run.out(
    servedGroupVersions()
      .map((v) => `${v}\n`)
      .join(""),
  );
  return 0;
}

/** Run `kubectl top node|pod`: without metrics-server, discovery has no metrics.k8s.io/v1beta1. */
export function runTop(run: Run): number {
  const sub = run.command.split(" ")[1];
  if (run.args.length > 1) {
    fail(`${sub} [NAME | -l label]\nSee 'kubectl top ${sub} -h' for help and examples`);
  }
  const sortBy = run.str("sort-by");
  if (sortBy && sortBy !== "cpu" && sortBy !== "memory") fail("--sort-by accepts only cpu or memory");
  if (run.args.length === 1 && run.str("selector")) fail("only one of NAME or --selector can be provided");
  if (sub === "pod" && !run.bool("all-namespaces")) void run.namespace;
  if (!servedGroupVersions().includes("metrics.k8s.io/v1beta1")) fail("Metrics API not available");
  return fail(`"kubectl top ${sub}" is not available in this simulated cluster`);
}
