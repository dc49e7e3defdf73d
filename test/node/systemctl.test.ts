import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.ts";
import { bootMachine } from "./fixtures.ts";
import { sh } from "./node-helpers.ts";

describe("systemctl", () => {
  it("prints the status of a running kubelet", () => {
    const { m, clock } = bootMachine();
    const r = sh(m, clock, "systemctl status kubelet");
    expect(r.exitCode).toBe(0);
    expectGolden("node/systemctl-status-kubelet-running.txt", r.stdout);
  });

  it("prints the status of a stopped kubelet and exits 3", () => {
    const { m, clock } = bootMachine();
    sh(m, clock, "systemctl stop kubelet");
    clock.advance(3000);
    const r = sh(m, clock, "systemctl status kubelet");
    expect(r.exitCode).toBe(3);
    expectGolden("node/systemctl-status-kubelet-stopped.txt", r.stdout);
  });

  it("calls the owner's hooks on stop and start", () => {
    const { m, clock } = bootMachine();
    const calls: string[] = [];
    m.systemd.registerHooks("kubelet", {
      onStart: (_t, pid) => calls.push(`start ${pid}`),
      onStop: () => calls.push("stop"),
    });
    sh(m, clock, "systemctl restart kubelet");
    expect(calls).toEqual(["stop", `start ${m.systemd.get("kubelet")!.mainPid}`]);
  });

  it("reports is-active and is-enabled", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "systemctl is-active kubelet")).toEqual({
      stdout: "active\n",
      stderr: "",
      exitCode: 0,
    });
    sh(m, clock, "systemctl stop kubelet");
    expect(sh(m, clock, "systemctl is-active kubelet")).toEqual({
      stdout: "inactive\n",
      stderr: "",
      exitCode: 3,
    });
    expect(sh(m, clock, "systemctl is-enabled kubelet").stdout).toBe("enabled\n");
  });

  it("restarts a crashed kubelet after RestartSec", () => {
    const { m, clock } = bootMachine();
    const pid = m.systemd.get("kubelet")!.mainPid;
    m.processes.exit(pid, 1, clock.now);
    expect(sh(m, clock, "systemctl status kubelet").stdout).toContain(
      "Active: activating (auto-restart) (Result: exit-code)",
    );
    clock.advance(10_000);
    expect(sh(m, clock, "systemctl is-active kubelet").stdout).toBe("active\n");
  });

  it("says when a unit does not exist", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "systemctl status nope")).toEqual({
      stdout: "",
      stderr: "Unit nope.service could not be found.\n",
      exitCode: 4,
    });
  });

  it("lists running services", () => {
    const { m, clock } = bootMachine();
    expectGolden("node/systemctl-list-units.txt", sh(m, clock, "systemctl list-units --type=service").stdout);
  });

  it("prints journal lines with journalctl -u", () => {
    const { m, clock } = bootMachine();
    m.journal.append({
      time: clock.now,
      ident: "kubelet",
      pid: 1054,
      message: 'I0102 03:09:05.000000    1054 server.go:484] "Kubelet version" kubeletVersion="v1.32.4"',
    });
    expect(sh(m, clock, "journalctl -u kubelet -n 1 --no-pager").stdout).toBe(
      'Jan 02 03:09:05 controlplane kubelet[1054]: I0102 03:09:05.000000    1054 server.go:484] "Kubelet version" kubeletVersion="v1.32.4"\n',
    );
  });
});
