import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.ts";
import { bootMachine } from "./fixtures.ts";
import { bootWorker, sh, startPod } from "./node-helpers.ts";

function workerWithNginx() {
  const booted = bootWorker();
  const ids = startPod(
    booted.m,
    booted.clock,
    { name: "nginx", uid: "0b9c6f7e" },
    { name: "nginx", image: "nginx" },
  );
  return { ...booted, ...ids };
}

describe("lsns", () => {
  it("lists the initial and systemd-private namespaces of a fresh node", () => {
    const { m, clock } = bootMachine();
    expectGolden("node/lsns-controlplane.txt", sh(m, clock, "lsns").stdout);
  });

  it("lists pod namespaces owned by the pause process", () => {
    const { m, clock } = workerWithNginx();
    expectGolden("node/lsns-worker-nginx.txt", sh(m, clock, "lsns").stdout);
  });

  it("adds NETNSID and NSFS columns for lsns -t net", () => {
    const { m, clock } = workerWithNginx();
    expectGolden("node/lsns-net-worker-nginx.txt", sh(m, clock, "lsns -t net").stdout);
  });

  it("shares the sandbox net namespace with the app container", () => {
    const { m, clock, sandbox, container } = workerWithNginx();
    const pause = m.containerd.podSandboxStatus(sandbox).pid;
    const app = m.containerd.containerStatus(container).pid;
    expect(sh(m, clock, `readlink /proc/${app}/ns/net`).stdout).toBe(
      sh(m, clock, `readlink /proc/${pause}/ns/net`).stdout,
    );
    expect(sh(m, clock, `readlink /proc/${app}/ns/pid`).stdout).not.toBe(
      sh(m, clock, `readlink /proc/${pause}/ns/pid`).stdout,
    );
  });

  it("prints /proc/<pid>/ns as ls -l shows it", () => {
    const { m, clock } = bootMachine();
    expectGolden("node/ls-proc-1-ns.txt", sh(m, clock, "ls -l /proc/1/ns").stdout);
  });

  it("names the pod netns cni-<uuid> as ip netns lists it", () => {
    const { m } = workerWithNginx();
    expect(m.netns.formatList()).toMatch(
      /^cni-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} \(id: 0\)\n$/,
    );
  });

  it("rejects an unknown namespace type", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "lsns -t foo")).toEqual({
      stdout: "",
      stderr: "lsns: unknown namespace type: foo\n",
      exitCode: 1,
    });
  });
});
