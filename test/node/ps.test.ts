import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.ts";
import { bootMachine } from "./fixtures.ts";
import { bootWorker, sh, startPod } from "./node-helpers.ts";

describe("ps", () => {
  it("prints ps -ef on a fresh control-plane node", () => {
    const { m, clock } = bootMachine();
    expectGolden("node/ps-ef-controlplane.txt", sh(m, clock, "ps -ef").stdout);
  });

  it("prints ps -ef on a worker running an nginx pod", () => {
    const { m, clock } = bootWorker();
    startPod(
      m,
      clock,
      { name: "nginx", uid: "0b9c6f7e-1d2a-4c3b-9e8f-7a6b5c4d3e2f" },
      { name: "nginx", image: "nginx" },
    );
    expectGolden("node/ps-ef-worker-nginx.txt", sh(m, clock, "ps -ef").stdout);
  });

  it("lets a too-wide VSZ borrow from the padding after it in ps aux", () => {
    const { m, clock } = bootMachine();
    const line = sh(m, clock, "ps aux")
      .stdout.split("\n")
      .find((l) => l.endsWith("/usr/bin/containerd"));
    expect(line).toBe(
      "root         702  0.5  1.2 1876464 48200 ?       Ssl  03:04   0:01 /usr/bin/containerd",
    );
  });

  it("prints only the header and exits 1 when -p matches nothing", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "ps -p 99999")).toEqual({
      stdout: "    PID TTY          TIME CMD\n",
      stderr: "",
      exitCode: 1,
    });
  });

  it("prints chosen columns with -o", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "ps -p 1 -o pid,ppid,comm,netns").stdout).toBe(
      "    PID    PPID COMMAND              NETNS\n      1       0 systemd         4026531840\n",
    );
  });

  it("rejects an unknown SysV option", () => {
    const { m, clock } = bootMachine();
    const r = sh(m, clock, "ps -Z");
    expect(r.exitCode).toBe(1);
    expect(r.stderr.startsWith("error: unsupported SysV option\n\nUsage:\n ps [options]\n")).toBe(true);
  });

  it("shows STIME as MonDD for processes started on an earlier day", () => {
    const { m, clock } = bootMachine();
    clock.advance(24 * 3600_000);
    expect(sh(m, clock, "ps -p 1 -f").stdout.split("\n")[1]).toBe(
      "root           1       0  0 Jan02 ?        00:02:53 /sbin/init",
    );
  });
});
