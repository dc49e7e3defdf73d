import { describe, expect, it } from "vitest";
import { runIptables } from "../../sandbox/node/iptables/command.ts";
import { createIptables } from "../../sandbox/node/iptables/model.ts";
import type { Iptables } from "../../sandbox/node/iptables/types.ts";

const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";

function sh(ipt: Iptables, line: string) {
  return runIptables(line.split(" "), { ipt, now: Date.UTC(2025, 0, 1) });
}

describe("iptables command", () => {
  it("appends, inserts and deletes rules by number and by specification", () => {
    const ipt = createIptables();
    expect(sh(ipt, "iptables -A INPUT -p tcp --dport 22 -j ACCEPT").exitCode).toBe(0);
    sh(ipt, "iptables -I INPUT -s 10.0.0.0/8 -j DROP");
    sh(ipt, "iptables -A INPUT -m comment --comment hello -j RETURN");
    expect(sh(ipt, "iptables -S INPUT").stdout).toBe(
      "-P INPUT ACCEPT\n-A INPUT -s 10.0.0.0/8 -j DROP\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n-A INPUT -m comment --comment hello -j RETURN\n",
    );
    expect(sh(ipt, "iptables -D INPUT -p tcp --dport 22 -j ACCEPT").exitCode).toBe(0);
    expect(sh(ipt, "iptables -D INPUT 1").exitCode).toBe(0);
    expect(sh(ipt, "iptables -S INPUT").stdout).toBe(
      "-P INPUT ACCEPT\n-A INPUT -m comment --comment hello -j RETURN\n",
    );
  });

  it("stores the network part of an address with a mask", () => {
    const ipt = createIptables();
    sh(ipt, "iptables -t nat -A POSTROUTING ! -s 10.244.1.5/16 -j MASQUERADE");
    expect(sh(ipt, "iptables -t nat -S POSTROUTING").stdout).toBe(
      "-P POSTROUTING ACCEPT\n-A POSTROUTING ! -s 10.244.0.0/16 -j MASQUERADE\n",
    );
  });

  it("accepts bundled short options and abbreviated long options", () => {
    const ipt = createIptables();
    sh(ipt, "iptables -A INPUT -j ACCEPT");
    expect(sh(ipt, "iptables -nL INPUT --line-number").stdout).toBe(
      "Chain INPUT (policy ACCEPT)\nnum  target     prot opt source               destination         \n" +
        "1    ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0           \n",
    );
  });

  it("fails -L on an unknown chain like legacy iptables", () => {
    expect(sh(createIptables(), "iptables -t nat -L NOPE")).toEqual({
      stdout: "",
      stderr: "iptables: No chain/target/match by that name.\n",
      exitCode: 1,
    });
  });

  it("reports an unknown option with the try-help line and exit code 2", () => {
    expect(sh(createIptables(), "iptables -L --foo")).toEqual({
      stdout: "",
      stderr: `iptables v1.8.9 (legacy): unknown option "--foo"\n${TRY}`,
      exitCode: 2,
    });
  });

  it("does not know --dport without -p tcp", () => {
    expect(sh(createIptables(), "iptables -A INPUT --dport 80 -j ACCEPT").stderr).toBe(
      `iptables v1.8.9 (legacy): unknown option "--dport"\n${TRY}`,
    );
  });

  it("reports a missing target with a blank line before the hint", () => {
    expect(sh(createIptables(), "iptables -A INPUT -j NOPE")).toEqual({
      stdout: "",
      stderr: `iptables v1.8.9 (legacy): Couldn't load target \`NOPE':No such file or directory\n\n${TRY}`,
      exitCode: 2,
    });
  });

  it("reports an unknown match module", () => {
    expect(sh(createIptables(), "iptables -A INPUT -m foobar -j ACCEPT").stderr).toBe(
      `iptables v1.8.9 (legacy): Couldn't load match \`foobar':No such file or directory\n\n${TRY}`,
    );
  });

  it.each([
    ["iptables -D INPUT 3", "iptables: Index of deletion too big.\n"],
    ["iptables -I INPUT 5 -j ACCEPT", "iptables: Index of insertion too big.\n"],
    ["iptables -R INPUT 2 -j ACCEPT", "iptables: Index of replacement too big.\n"],
    ["iptables -A NOPE -j ACCEPT", "iptables: No chain/target/match by that name.\n"],
    ["iptables -D INPUT -j DROP", "iptables: Bad rule (does a matching rule exist in that chain?).\n"],
    ["iptables -C FORWARD -j ACCEPT", "iptables: Bad rule (does a matching rule exist in that chain?).\n"],
    ["iptables -F NOPE", "iptables: No chain/target/match by that name.\n"],
    ["iptables -P NOPE DROP", "iptables: Bad built-in chain name.\n"],
  ])("fails %s with the libiptc message", (line, stderr) => {
    expect(sh(createIptables(), line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });

  it("refuses to create a chain twice and to delete a chain that is in use", () => {
    const ipt = createIptables();
    sh(ipt, "iptables -N MINE");
    expect(sh(ipt, "iptables -N MINE").stderr).toBe("iptables: Chain already exists.\n");
    sh(ipt, "iptables -A INPUT -j MINE");
    expect(sh(ipt, "iptables -X MINE").stderr).toBe("iptables: Can't delete chain with references left.\n");
    sh(ipt, "iptables -D INPUT -j MINE");
    sh(ipt, "iptables -A MINE -j ACCEPT");
    expect(sh(ipt, "iptables -X MINE").stderr).toBe("iptables: Chain is not empty.\n");
  });

  it("forbids DROP in the nat table", () => {
    expect(sh(createIptables(), "iptables -t nat -A PREROUTING -j DROP").stderr).toBe(
      `iptables v1.8.9 (legacy): \nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n\n${TRY}`,
    );
  });

  it("fails on an unknown table with exit code 3", () => {
    expect(sh(createIptables(), "iptables -t foo -L")).toEqual({
      stdout: "",
      stderr:
        "iptables v1.8.9 (legacy): can't initialize iptables table `foo': Table does not exist (do you need to insmod?)\n" +
        "Perhaps iptables or your kernel needs to be upgraded.\n",
      exitCode: 3,
    });
  });

  it("rejects -n with -A", () => {
    expect(sh(createIptables(), "iptables -n -A INPUT -j ACCEPT").stderr).toBe(
      `iptables v1.8.9 (legacy): Illegal option \`-n' with this command\n\n${TRY}`,
    );
  });

  it("asks for a command", () => {
    expect(sh(createIptables(), "iptables -n").stderr).toBe(
      `iptables v1.8.9 (legacy): no command specified\n${TRY}`,
    );
  });

  it("prints the version", () => {
    expect(sh(createIptables(), "iptables -V").stdout).toBe("iptables v1.8.9 (legacy)\n");
  });

  it("prints iptables-save with ctime-style header and footer", () => {
    const ipt = createIptables();
    sh(ipt, "iptables -A INPUT -j ACCEPT");
    expect(sh(ipt, "iptables-save").stdout).toBe(
      "# Generated by iptables-save v1.8.9 on Wed Jan  1 00:00:00 2025\n*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n" +
        ":OUTPUT ACCEPT [0:0]\n-A INPUT -j ACCEPT\nCOMMIT\n# Completed on Wed Jan  1 00:00:00 2025\n",
    );
  });

  it("quotes a comment only when it needs quoting", () => {
    const ipt = createIptables();
    runIptables(["iptables", "-A", "INPUT", "-m", "comment", "--comment", 'say "hi"', "-j", "ACCEPT"], {
      ipt,
      now: 0,
    });
    expect(sh(ipt, "iptables -S INPUT").stdout).toContain('--comment "say \\"hi\\"" -j ACCEPT');
  });
});
