import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.ts";
import { bootMachine } from "./fixtures.ts";
import { sh } from "./node-helpers.ts";

describe("ps column selection", () => {
  it("prints -eo pid,comm,args with procps headers", () => {
    const { m, clock } = bootMachine();
    const out = sh(m, clock, "ps -eo pid,comm,args").stdout.split("\n").slice(0, 4).join("\n");
    expect(out).toBe(
      "    PID COMMAND         COMMAND\n      1 systemd         /sbin/init\n      2 kthreadd        [kthreadd]\n      3 rcu_gp          [rcu_gp]",
    );
  });

  it("accepts -o with a custom header and -p in one cluster", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "ps -o pid=ID,comm -p 1").stdout).toBe("     ID COMMAND\n      1 systemd\n");
  });
});

describe("pgrep and pidof", () => {
  it("prints matching pids with pgrep", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "pgrep -x containerd").stdout).toBe(
      `${m.processes.list().find((p) => p.comm === "containerd")!.pid}\n`,
    );
  });

  it("prints pid and name with -l, full command line with -a", () => {
    const { m, clock } = bootMachine();
    const pid = m.processes.list().find((p) => p.comm === "containerd")!.pid;
    expect(sh(m, clock, "pgrep -l -x containerd").stdout).toBe(`${pid} containerd\n`);
    expect(sh(m, clock, "pgrep -a -x containerd").stdout).toBe(`${pid} /usr/bin/containerd\n`);
  });

  it("exits 1 with no output when nothing matches", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "pgrep nosuchthing")).toEqual({ stdout: "", stderr: "", exitCode: 1 });
  });

  it("needs a pattern", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "pgrep")).toEqual({
      stdout: "",
      stderr: "pgrep: no matching criteria specified\nTry `pgrep --help' for more information.\n",
      exitCode: 2,
    });
  });

  it("prints pids on one line, newest first, with pidof", () => {
    const { m, clock } = bootMachine();
    const pid = m.processes.list().find((p) => p.comm === "containerd")!.pid;
    expect(sh(m, clock, "pidof containerd").stdout).toBe(`${pid}\n`);
    expect(sh(m, clock, "pidof nosuch").exitCode).toBe(1);
  });
});

describe("namespaces from the node", () => {
  it("reads several /proc/<pid>/ns links at once", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "readlink /proc/1/ns/net /proc/2/ns/mnt").stdout).toBe(
      "net:[4026531840]\nmnt:[4026531841]\n",
    );
  });

  it("lists one process's namespaces with lsns -p", () => {
    const { m, clock } = bootMachine();
    expectGolden("node/lsns-p-1.txt", sh(m, clock, "lsns -p 1").stdout);
  });
});

describe("ss", () => {
  it("lists listening TCP sockets with their processes", () => {
    const { m, clock } = bootMachine();
    m.sockets.listen({
      netns: m.namespaces.initial.net,
      port: 6443,
      proto: "tcp",
      pid: 1,
      handler: () => "",
    });
    expectGolden("node/ss-tlnp.txt", sh(m, clock, "ss -tlnp").stdout);
  });

  it("rejects an unknown option", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "ss -Q").exitCode).toBe(1);
  });
});
