import { describe, expect, it } from "vitest";
import { runInContainer } from "../../sandbox/node/container-exec.ts";
import type { ContainerConfig } from "../../sandbox/node/cri-types.ts";
import { expectGolden } from "../support/golden.ts";
import { bootWorker } from "./node-helpers.ts";

const EMPTY_DIR = "/var/lib/kubelet/pods/uid-1/volumes/kubernetes.io~empty-dir/cache";

/** Boot a worker and start one pod with the given containers; returns an exec function per container. */
function pod(containers: Array<Omit<ContainerConfig, "labels">>) {
  const { m, clock } = bootWorker();
  for (const image of new Set(containers.map((c) => c.image))) m.containerd.pullImage(image, () => {});
  clock.advance(10_000);
  const sandbox = m.containerd.runPodSandbox({ name: "two", namespace: "default", uid: "uid-1" }, clock.now);
  const ids = containers.map((c) => {
    const id = m.containerd.createContainer(
      sandbox,
      { ...c, labels: { "io.kubernetes.pod.name": "two" } },
      clock.now,
    );
    m.containerd.startContainer(id, clock.now);
    return id;
  });
  clock.advance(1000);
  const exec = (i: number, ...argv: string[]) =>
    runInContainer(m.containerd.execTarget(ids[i]), argv, "", { now: clock.now });
  return { m, exec };
}

const sleeper = (name: string, extra: Partial<ContainerConfig> = {}) => ({
  name,
  image: "busybox",
  command: ["sleep", "3600"],
  ...extra,
});

describe("kubectl exec file writes", () => {
  it("writes and reads back a file with sh -c", () => {
    const { exec } = pod([sleeper("a")]);
    expect(exec(0, "sh", "-c", "echo hi > /tmp/x; cat /tmp/x")).toEqual({
      stdout: "hi\n",
      stderr: "",
      exitCode: 0,
    });
  });

  it("keeps a file written by one exec for the next", () => {
    const { exec } = pod([sleeper("a")]);
    exec(0, "sh", "-c", "echo one >> /tmp/log; echo two >> /tmp/log");
    expect(exec(0, "cat", "/tmp/log").stdout).toBe("one\ntwo\n");
  });

  it("gives each container of a pod its own /tmp", () => {
    const { exec } = pod([sleeper("a"), sleeper("b")]);
    exec(0, "touch", "/tmp/only-a");
    expect(exec(1, "ls", "/tmp/only-a")).toEqual({
      stdout: "",
      stderr: "ls: /tmp/only-a: No such file or directory\n",
      exitCode: 1,
    });
  });

  it("shares files under an emptyDir mounted in both containers", () => {
    const mounts = [{ containerPath: "/cache", hostPath: EMPTY_DIR }];
    const { m, exec } = pod([sleeper("a", { mounts }), sleeper("b", { mounts })]);
    exec(0, "sh", "-c", "echo shared > /cache/f");
    expect(exec(1, "cat", "/cache/f").stdout).toBe("shared\n");
    expect(m.fs.readFile(`${EMPTY_DIR}/f`)).toBe("shared\n");
  });

  it("words a failed redirection as busybox sh does", () => {
    const { exec } = pod([sleeper("a")]);
    expect(exec(0, "sh", "-c", "echo hi > /proc/x")).toEqual({
      stdout: "",
      stderr: "sh: can't create /proc/x: nonexistent directory\n",
      exitCode: 1,
    });
    expect(exec(0, "sh", "-c", "cat < /nope").stderr).toBe("sh: can't open /nope: no such file\n");
  });

  it("words rm and cat failures as busybox applets do", () => {
    const { exec } = pod([sleeper("a")]);
    expect(exec(0, "rm", "/x").stderr).toBe("rm: can't remove '/x': No such file or directory\n");
    expect(exec(0, "cat", "/x").stderr).toBe("cat: can't open '/x': No such file or directory\n");
  });

  it("runs mkdir -p, mv and cp inside the container", () => {
    const { exec } = pod([sleeper("a")]);
    const r = exec(
      0,
      "sh",
      "-c",
      "mkdir -p /data/a/b && echo v > /data/a/b/f && cp /data/a/b/f /data/g && mv /data/g /data/h && ls /data",
    );
    // Without a terminal (no `kubectl exec -t`) ls prints one name per line.
    expect(r).toEqual({ stdout: "a\nh\n", stderr: "", exitCode: 0 });
  });

  it("reports a missing command the way sh does inside a script", () => {
    const { exec } = pod([sleeper("a")]);
    expect(exec(0, "sh", "-c", "nosuch; echo $?")).toEqual({
      stdout: "127\n",
      stderr: "sh: nosuch: not found\n",
      exitCode: 0,
    });
  });
});

describe("kubectl exec shell features", () => {
  it("expands $(...), backticks and variables", () => {
    const { exec } = pod([sleeper("a")]);
    expect(exec(0, "sh", "-c", 'H=$(hostname); echo "$H `echo x`"').stdout).toBe("two x\n");
  });

  it("runs for loops and pipes into text tools", () => {
    const { exec } = pod([sleeper("a")]);
    const r = exec(0, "sh", "-c", "for i in 3 1 2; do echo $i; done | sort | tr '\\n' ' '");
    expect(r.stdout).toBe("1 2 3 ");
  });

  it("stops at exit with its status", () => {
    const { exec } = pod([sleeper("a")]);
    expect(exec(0, "sh", "-c", "echo a; exit 3; echo b")).toEqual({ stdout: "a\n", stderr: "", exitCode: 3 });
  });
});

describe("busybox ps", () => {
  it("lists the container's pid namespace with its own pids", () => {
    const { exec } = pod([sleeper("a")]);
    expectGolden("node/busybox-ps.txt", exec(0, "ps").stdout);
  });

  it("shows sh and ps when run from a script", () => {
    const { exec } = pod([sleeper("a")]);
    expectGolden("node/busybox-ps-sh.txt", exec(0, "sh", "-c", "ps -o pid,ppid,comm").stdout);
  });

  it("finds the main process with pgrep and pidof by its namespace pid", () => {
    const { exec } = pod([sleeper("a")]);
    expect(exec(0, "pgrep", "sleep").stdout).toBe("1\n");
    expect(exec(0, "pidof", "sleep").stdout).toBe("1\n");
  });

  it("rejects an unknown option", () => {
    const { exec } = pod([sleeper("a")]);
    const r = exec(0, "ps", "-z");
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split("\n")[0]).toBe("ps: invalid option -- 'z'");
  });
});

describe("kubectl exec in a Debian-based image", () => {
  it("words a failed redirection as dash does", () => {
    const { exec } = pod([{ name: "web", image: "nginx" }]);
    expect(exec(0, "sh", "-c", "echo x > /nodir/f")).toEqual({
      stdout: "",
      stderr: "sh: 1: cannot create /nodir/f: Directory nonexistent\n",
      exitCode: 1,
    });
  });

  it("has coreutils but no ps", () => {
    const { exec } = pod([{ name: "web", image: "nginx" }]);
    expect(exec(0, "sh", "-c", "touch /tmp/a && ls /tmp")).toEqual({
      stdout: "a\n",
      stderr: "",
      exitCode: 0,
    });
    expect(exec(0, "ps").exitCode).toBe(126);
  });
});
