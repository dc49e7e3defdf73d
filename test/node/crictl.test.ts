import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.ts";
import { bootMachine } from "./fixtures.ts";
import { bootWorker, sh, startPod } from "./node-helpers.ts";

describe("crictl", () => {
  it("prints crictl ps, pods and images for two pods", () => {
    const { m, clock } = bootWorker();
    startPod(m, clock, { name: "web", uid: "u1" }, { name: "nginx", image: "nginx" });
    startPod(
      m,
      clock,
      { name: "bb", uid: "u2" },
      { name: "bb", image: "busybox", command: ["sleep", "3600"] },
    );
    clock.advance(90_000);
    expectGolden("node/crictl-ps.txt", sh(m, clock, "crictl ps").stdout);
    expectGolden("node/crictl-pods.txt", sh(m, clock, "crictl pods").stdout);
    expectGolden("node/crictl-images.txt", sh(m, clock, "crictl images").stdout);
  });

  it("prints the kubeadm images of a control-plane node", () => {
    const { m, clock } = bootMachine();
    expectGolden("node/crictl-images-controlplane.txt", sh(m, clock, "crictl images").stdout);
  });

  it("reports the pod IP and netns path in inspectp", () => {
    const { m, clock } = bootWorker();
    const { sandbox } = startPod(m, clock, { name: "web", uid: "u1" }, { name: "nginx", image: "nginx" });
    const doc = JSON.parse(sh(m, clock, `crictl inspectp ${sandbox.slice(0, 13)}`).stdout);
    expect(doc.status.network.ip).toBe("10.244.1.2");
    expect(
      doc.info.runtimeSpec.linux.namespaces.find((n: { type: string }) => n.type === "network").path,
    ).toMatch(/^\/var\/run\/netns\/cni-/);
  });

  it("fails a pull of an unknown image with containerd's wording", () => {
    const { m, clock } = bootWorker();
    let error = "";
    m.containerd.pullImage("nginxx", (err) => {
      error = err ?? "";
    });
    clock.advance(5000);
    expect(error).toBe(
      'failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
  });

  it("fails a sandbox without a CNI config", () => {
    const { m, clock } = bootMachine({ hostname: "node01", ip: "172.30.2.2", role: "worker" });
    expect(() =>
      m.containerd.runPodSandbox({ name: "p", namespace: "default", uid: "u" }, clock.now),
    ).toThrow(/^failed to setup network for sandbox "[0-9a-f]{64}": cni plugin not initialized$/);
  });

  it("stops a container with SIGKILL (exit 137) and emits an exit event", () => {
    const { m, clock } = bootWorker();
    const { container } = startPod(
      m,
      clock,
      { name: "bb", uid: "u2" },
      { name: "bb", image: "busybox", command: ["sleep", "3600"] },
    );
    const exits: number[] = [];
    m.containerd.onContainerExit((e) => exits.push(e.exitCode));
    expect(sh(m, clock, `crictl stop ${container}`).stdout).toBe(`${container}\n`);
    expect(exits).toEqual([137]);
    expect(m.containerd.containerStatus(container).state).toBe("CONTAINER_EXITED");
  });

  it("ignores SIGTERM for a shell PID 1 until the grace period ends", () => {
    const { m, clock } = bootWorker();
    const { container } = startPod(
      m,
      clock,
      { name: "bb", uid: "u2" },
      { name: "bb", image: "busybox", command: ["sleep", "3600"] },
    );
    m.containerd.stopContainer(container, 30, clock.now);
    expect(m.containerd.containerStatus(container).state).toBe("CONTAINER_RUNNING");
    clock.advance(30_000);
    expect(m.containerd.containerStatus(container).exitCode).toBe(137);
  });

  it("lets nginx exit 0 on SIGTERM", () => {
    const { m, clock } = bootWorker();
    const { container } = startPod(m, clock, { name: "web", uid: "u1" }, { name: "nginx", image: "nginx" });
    m.containerd.stopContainer(container, 30, clock.now);
    expect(m.containerd.containerStatus(container)).toMatchObject({
      state: "CONTAINER_EXITED",
      exitCode: 0,
      reason: "Completed",
    });
  });

  it("prints container logs split into stdout and stderr", () => {
    const { m, clock } = bootWorker();
    const { container } = startPod(
      m,
      clock,
      { name: "bb", uid: "u2" },
      { name: "bb", image: "busybox", command: ["sh", "-c", "echo hello; nosuch; exit 3"] },
    );
    expect(sh(m, clock, `crictl logs ${container}`)).toEqual({
      stdout: "hello\n",
      stderr: "sh: nosuch: not found\n",
      exitCode: 0,
    });
    expect(m.containerd.containerStatus(container)).toMatchObject({ exitCode: 3, reason: "Error" });
  });

  it("refuses to start a command that is not in the image", () => {
    const { m, clock } = bootWorker();
    expect(() =>
      startPod(m, clock, { name: "x", uid: "u3" }, { name: "x", image: "busybox", command: ["nginx"] }),
    ).toThrow(
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "nginx": executable file not found in $PATH: unknown',
    );
  });
});
