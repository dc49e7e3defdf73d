import { describe, expect, it } from "vitest";
import type { CommandResult, KubeletAccess } from "../../sandbox/kubectl/context.ts";
import { runKubectl } from "../../sandbox/kubectl/index.ts";
import { type Harness, makeHarness } from "./harness.ts";

// The harness has no kubelets; this stands in for the kubelet's log endpoint. `text` gives a container's
// whole log at the current virtual time, or undefined while the container has not started.
function kubelet(text: (pod: string, container: string) => string | undefined): KubeletAccess {
  return {
    logs: (_ns, pod, container, opts) => {
      const t = text(pod, container);
      if (t === undefined)
        return { error: `container "${container}" in pod "${pod}" is waiting to start: ContainerCreating` };
      if (opts.tail === undefined) return { text: t };
      const lines = t.split(/(?<=\n)/);
      return { text: opts.tail === 0 ? "" : lines.slice(-opts.tail).join("") };
    },
    exec: () => ({ stdout: "", stderr: "", exitCode: 0 }),
  };
}

function lines(prefix: string, n: number): string {
  return Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}\n`).join("");
}

function logs(
  h: Harness,
  line: string,
  text: (pod: string, container: string) => string | undefined,
): CommandResult {
  h.loop.drain();
  return runKubectl({ ...h.ctx(), kubelets: kubelet(text) }, line.split(" "));
}

function twoPods(): Harness {
  const h = makeHarness();
  h.kubectl("run a --image=nginx --labels=app=web");
  h.kubectl("run b --image=nginx --labels=app=web");
  h.kubectl("run other --image=nginx --labels=app=db");
  return h;
}

describe("kubectl logs -l", () => {
  it("prints the last 10 lines of every matching pod by default", () => {
    const r = logs(twoPods(), "logs -l app=web", (pod) => lines(pod, 12));
    const last10 = (pod: string) =>
      lines(pod, 12)
        .split(/(?<=\n)/)
        .slice(2)
        .join("");
    expect(r).toEqual({ stdout: last10("a") + last10("b"), stderr: "", exitCode: 0 });
  });

  it("prints every line when --tail=-1 is given explicitly", () => {
    const r = logs(twoPods(), "logs -l app=web --tail=-1", (pod) => lines(pod, 12));
    expect(r.stdout).toBe(lines("a", 12) + lines("b", 12));
  });

  it("prefixes each line with the pod and container", () => {
    const r = logs(twoPods(), "logs -l app=web --prefix --tail=1", (pod) => lines(pod, 3));
    expect(r.stdout).toBe("[pod/a/a] a 3\n[pod/b/b] b 3\n");
  });

  it("prints all containers of each pod with --all-containers", () => {
    const h = makeHarness();
    h.kubectl(
      ["apply", "-f", "-"],
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: duo\n  labels:\n    app: duo\nspec:\n  containers:\n  - name: web\n    image: nginx\n  - name: side\n    image: busybox\n",
    );
    const r = logs(h, "logs -l app=duo --all-containers --prefix", (pod, c) => `${pod} ${c}\n`);
    expect(r.stdout).toBe("[pod/duo/web] duo web\n[pod/duo/side] duo side\n");
  });

  it("says so on stderr when the selector matches nothing", () => {
    expect(logs(twoPods(), "logs -l app=none", () => "x\n")).toEqual({
      stdout: "",
      stderr: "No resources found in default namespace.\n",
      exitCode: 0,
    });
  });

  it("refuses to follow more streams than --max-log-requests", () => {
    const h = makeHarness();
    for (const n of ["p1", "p2", "p3", "p4", "p5", "p6"])
      h.kubectl(`run ${n} --image=nginx --labels=app=many`);
    const r = logs(h, "logs -l app=many -f", () => "x\n");
    expect(r.stderr).toBe(
      "error: you are attempting to follow 6 log streams, but maximum allowed concurrency is 5, use --max-log-requests to increase the limit\n",
    );
    expect(r.exitCode).toBe(1);
  });

  it("follows every matching pod while virtual time passes", () => {
    const h = twoPods();
    // Each pod writes one line every 10 s for 20 s after the command starts.
    const begin = h.loop.now();
    const r = logs(h, "logs -l app=web -f --prefix", (pod) => {
      const n = Math.min(2, Math.floor((h.loop.now() - begin) / 10_000));
      return lines(pod, n + 1);
    });
    expect(r.stdout).toBe(
      "[pod/a/a] a 1\n[pod/b/b] b 1\n[pod/a/a] a 2\n[pod/b/b] b 2\n[pod/a/a] a 3\n[pod/b/b] b 3\n",
    );
    expect(h.loop.now()).toBeGreaterThan(begin + 20_000);
  });

  it("rejects a pod name together with a selector", () => {
    expect(logs(twoPods(), "logs a -l app=web", () => "x\n").stderr).toBe(
      "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n",
    );
  });

  it("rejects --all-containers with a container name", () => {
    expect(logs(twoPods(), "logs a -c a --all-containers", () => "x\n").stderr).toBe(
      "error: --all-containers=true should not be specified with container name a\n",
    );
  });

  it("reports a container that has not started as the server does", () => {
    expect(logs(twoPods(), "logs -l app=web", () => undefined)).toEqual({
      stdout: "",
      stderr:
        'Error from server (BadRequest): container "a" in pod "a" is waiting to start: ContainerCreating\n',
      exitCode: 1,
    });
  });
});
