// kubectl run: build a Pod the way kubectl's generator does (FIDELITY §2) and create it.
import { lookupResource } from "../../api/resources.ts";
import type { KubeObject, Pod } from "../../api/types.ts";
import { dryRun, dryRunSuffix, fail, type Run } from "./common.ts";
import { applyOverrides } from "./overrides.ts";
import { outputFormat, printResult } from "./print.ts";
import { attachRun } from "./run-attach.ts";

// A simplified docker reference: [host[:port]/]path[:tag][@digest], lower-case path components.
const IMAGE_RE =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9-]+)*(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

/** Check an image reference, failing as kubectl does for a malformed one. */
export function checkImage(image: string): void {
  if (!IMAGE_RE.test(image)) fail(`Invalid image name "${image}": invalid reference format`);
}

/** Parse `k=v,k2=v2` (run/expose --labels). */
export function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(",")) {
    const i = part.indexOf("=");
    if (i <= 0) fail(`invalid label spec: ${spec}`);
    out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

/** Build the Pod `kubectl run` would send, in the field order of kubectl's typed object. */
export function buildRunPod(run: Run, name: string): KubeObject {
  const image = run.str("image");
  checkImage(image);
  const restart = run.str("restart") || "Always";
  if (!["Always", "OnFailure", "Never"].includes(restart)) fail(`invalid restart policy: ${restart}`);
  const labels = run.str("labels") ? parseLabels(run.str("labels")) : { run: name };
  const container: Record<string, unknown> = { name, image };
  if (run.afterDash.length > 0) container[run.bool("command") ? "command" : "args"] = [...run.afterDash];
  const port = run.str("port");
  if (port) {
    const n = Number(port);
    if (!/^\d+$/.test(port) || n < 1 || n > 65535) fail(`invalid port: ${port}`);
    container.ports = [{ containerPort: n }];
  }
  const env = run.list("env");
  if (env.length > 0) {
    container.env = env.map((e) => {
      const i = e.indexOf("=");
      if (i <= 0) fail(`invalid env: ${e}`);
      return { name: e.slice(0, i), value: e.slice(i + 1) };
    });
  }
  if (run.str("image-pull-policy")) container.imagePullPolicy = run.str("image-pull-policy");
  container.resources = {};
  // -i keeps the container's stdin open for the attach; closed after it unless --leave-stdin-open.
  if (run.bool("stdin")) {
    container.stdin = true;
    if (!run.bool("leave-stdin-open")) container.stdinOnce = true;
  }
  if (run.bool("tty")) container.tty = true;
  const annotations = Object.fromEntries(
    run.list("annotations").map((a) => [a.split("=")[0], a.split("=").slice(1).join("=")]),
  );
  const metadata: Record<string, unknown> = { name, creationTimestamp: null, labels };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  return {
    kind: "Pod",
    apiVersion: "v1",
    metadata: metadata as KubeObject["metadata"],
    spec: { containers: [container], restartPolicy: restart, dnsPolicy: "ClusterFirst" },
    status: {},
  };
}

/** Run `kubectl run NAME --image=...`. */
export function runRun(run: Run): number {
  const name = run.args[0];
  if (!name) fail("NAME is required for run\nSee 'kubectl run -h' for help and examples");
  if (run.bool("tty") && !run.bool("stdin")) fail("-i/--stdin is required for containers with -t/--tty=true");
  if (run.bool("rm") && !run.bool("stdin") && !run.bool("attach"))
    fail("--rm should only be used for attached containers");
  if (run.bool("expose") && !run.str("port")) fail("--port must be set when exposing a service");
  const fmt = outputFormat(run);
  const mode = dryRun(run);
  const pod = applyOverrides(buildRunPod(run, name), run.str("overrides"), run.str("override-type"));
  const rt = lookupResource("pods")!;
  if (mode === "client") {
    printResult(run, fmt, pod, rt, `created${dryRunSuffix(mode)}`, false);
    return 0;
  }
  const created = run.ctx.api.create("pods", pod, { namespace: run.namespace, dryRun: mode === "server" });
  // Attaching (-i or --attach) prints no "created" line: the container's output or shell follows instead.
  if ((run.bool("stdin") || run.bool("attach")) && mode !== "server") return attachRun(run, created as Pod);
  printResult(run, fmt, created, rt, `created${dryRunSuffix(mode)}`);
  return 0;
}
