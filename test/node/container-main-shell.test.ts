import { describe, expect, it } from "vitest";
import type { Pod } from "../../sandbox/api/types.ts";
import { containerMounts } from "../../sandbox/kubelet/volume-mounts.ts";
import { runInContainer } from "../../sandbox/node/container-exec.ts";
import { bootWorker } from "./node-helpers.ts";

/** Boot a worker and start one busybox container running `command`; returns exec and the log. */
function start(command: string[]) {
  const { m, clock } = bootWorker();
  m.containerd.pullImage("busybox", () => {});
  clock.advance(10_000);
  const sandbox = m.containerd.runPodSandbox({ name: "one", namespace: "default", uid: "uid-1" }, clock.now);
  const id = m.containerd.createContainer(sandbox, { name: "main", image: "busybox", command }, clock.now);
  m.containerd.startContainer(id, clock.now);
  clock.advance(1000);
  return {
    m,
    exec: (...argv: string[]) => runInContainer(m.containerd.execTarget(id), argv, "", { now: clock.now }),
    log: () => m.containerd.containerLogs(id).map((l) => `${l.stream}: ${l.text}`),
  };
}

describe("a container's own sh -c command", () => {
  it("writes files that a later exec reads", () => {
    const { exec } = start(["sh", "-c", "touch /tmp/healthy; echo up > /tmp/state; sleep 3600"]);
    expect(exec("cat", "/tmp/healthy", "/tmp/state").stdout).toBe("up\n");
  });

  it("logs what its file tools print and the shell's not-found error", () => {
    const { log } = start(["sh", "-c", "echo a > /tmp/a; cat /tmp/a /nope; nosuch; sleep 3600"]);
    expect(log()).toEqual([
      "stdout: a",
      "stderr: cat: can't open '/nope': No such file or directory",
      "stderr: sh: nosuch: not found",
    ]);
  });

  it("keeps its files in its own root, not on the node", () => {
    const { m } = start(["sh", "-c", "touch /tmp/only-here; sleep 3600"]);
    expect(m.fs.exists("/tmp/only-here")).toBe(false);
  });
});

describe("ls -la inside a container", () => {
  it("shows /tmp's sticky bit and the root as ..", () => {
    const { exec } = start(["sleep", "3600"]);
    const lines = exec("ls", "-la", "/tmp").stdout.split("\n");
    expect(lines[1]).toMatch(/^drwxrwxrwt +\d+ root +root +\d+ .* \.$/);
    expect(lines[2]).toMatch(/^drwxr-xr-x +\d+ root +root +\d+ .* \.\.$/);
  });

  it("lays out busybox's long listing in its fixed-width columns", () => {
    const { exec } = start(["sleep", "3600"]);
    expect(exec("ls", "-l", "/etc/passwd").stdout).toMatch(
      /^-rw-r--r-- {4}1 root {5}root {11}340 Sep 26 21:31 \/etc\/passwd\n$/,
    );
  });
});

describe("the kubelet's container mounts", () => {
  const pod = (volumes: Pod["spec"]["volumes"]): Pod => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", namespace: "default", uid: "u1" },
    spec: { containers: [], volumes },
  });

  it("puts an emptyDir under the pod's directory and applies subPath and readOnly", () => {
    const p = pod([{ name: "cache", emptyDir: {} }]);
    const r = containerMounts(p, {
      name: "c",
      volumeMounts: [
        { name: "cache", mountPath: "/cache" },
        { name: "cache", mountPath: "/logs", subPath: "logs", readOnly: true },
      ],
    });
    const dir = "/var/lib/kubelet/pods/u1/volumes/kubernetes.io~empty-dir/cache";
    expect(r.mounts).toEqual([
      { containerPath: "/cache", hostPath: dir },
      { containerPath: "/logs", hostPath: `${dir}/logs`, readonly: true },
    ]);
    expect(r.prepare).toContainEqual({ path: `${dir}/logs`, kind: "dir" });
  });

  it("creates a FileOrCreate hostPath as a file and mounts a configMap volume read-only", () => {
    const p = pod([
      { name: "lock", hostPath: { path: "/run/xtables.lock", type: "FileOrCreate" } },
      { name: "cfg", configMap: { name: "cfg" } },
    ]);
    const r = containerMounts(p, {
      name: "c",
      volumeMounts: [
        { name: "lock", mountPath: "/run/xtables.lock" },
        { name: "cfg", mountPath: "/etc/cfg" },
      ],
    });
    expect(r.mounts).toEqual([
      { containerPath: "/run/xtables.lock", hostPath: "/run/xtables.lock" },
      {
        containerPath: "/etc/cfg",
        hostPath: "/var/lib/kubelet/pods/u1/volumes/kubernetes.io~configmap/cfg",
        readonly: true,
      },
    ]);
    expect(r.prepare).toEqual([{ path: "/run/xtables.lock", kind: "file" }]);
  });
});
