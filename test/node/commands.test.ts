import { describe, expect, it } from "vitest";
import { registerNodeCommand, runNodeCommand } from "../../sandbox/node/commands.ts";
import { bootMachine } from "./fixtures.ts";
import { sh } from "./node-helpers.ts";

describe("node commands", () => {
  it("says command not found with exit 127", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "foo")).toEqual({
      stdout: "",
      stderr: "bash: foo: command not found\n",
      exitCode: 127,
    });
  });

  it("words a missing file as cat and ls do", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "cat /x")).toEqual({
      stdout: "",
      stderr: "cat: /x: No such file or directory\n",
      exitCode: 1,
    });
    expect(sh(m, clock, "ls /x")).toEqual({
      stdout: "",
      stderr: "ls: cannot access '/x': No such file or directory\n",
      exitCode: 2,
    });
  });

  it("redirects echo into a file", () => {
    const { m, clock } = bootMachine();
    runNodeCommand(m, ["echo", "hello", ">", "/tmp/x"], { now: clock.now });
    runNodeCommand(m, ["echo", "again", ">>", "/tmp/x"], { now: clock.now });
    expect(sh(m, clock, "cat /tmp/x").stdout).toBe("hello\nagain\n");
  });

  it("prints uname, hostname, whoami and id", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "uname -r").stdout).toBe("5.15.0-131-generic\n");
    expect(sh(m, clock, "hostname").stdout).toBe("controlplane\n");
    expect(sh(m, clock, "whoami").stdout).toBe("root\n");
    expect(sh(m, clock, "id").stdout).toBe("uid=0(root) gid=0(root) groups=0(root)\n");
  });

  it("lets other components register commands", () => {
    const { m, clock } = bootMachine();
    registerNodeCommand("kubenotes-test", (machine, args) => ({
      stdout: `${machine.hostname} ${args.join(",")}\n`,
      stderr: "",
      exitCode: 0,
    }));
    expect(sh(m, clock, "kubenotes-test a b").stdout).toBe("controlplane a,b\n");
  });

  it("validates the machine config", () => {
    expect(() => bootMachine({ hostname: "Bad_Name" })).toThrow(/hostname must be a DNS label/);
  });
});
