import { describe, expect, it } from "vitest";
import { runIptables } from "../../sandbox/node/iptables/command.ts";
import { createIptables, restoreTable } from "../../sandbox/node/iptables/model.ts";
import { parseRuleArgs } from "../../sandbox/node/iptables/parse-rule.ts";
import type { Iptables } from "../../sandbox/node/iptables/types.ts";

function sh(ipt: Iptables, line: string): string {
  return runIptables(line.split(" "), { ipt, now: 0 }).stdout;
}

function node(): Iptables {
  const ipt = createIptables();
  for (const line of [
    "iptables -N KEEP",
    "iptables -N OLD",
    "iptables -N SVC",
    "iptables -A KEEP -j RETURN",
    "iptables -A SVC -j OLD",
    "iptables -A INPUT -j SVC",
  ])
    sh(ipt, line);
  return ipt;
}

describe("iptables-restore --noflush (restoreTable)", () => {
  it("refills declared chains and leaves the others and built-in rules alone", () => {
    const ipt = node();
    restoreTable(
      ipt,
      "filter",
      [
        { name: "SVC", rules: [parseRuleArgs(["-j", "ACCEPT"])] },
        { name: "INPUT", rules: [parseRuleArgs(["-j", "KEEP"])] },
        { name: "NEW", rules: [] },
      ],
      { noflush: true, deleteChains: ["OLD"] },
    );
    expect(sh(ipt, "iptables-save").split("\n").slice(2, -3)).toEqual([
      ":INPUT ACCEPT [0:0]",
      ":FORWARD ACCEPT [0:0]",
      ":OUTPUT ACCEPT [0:0]",
      ":KEEP - [0:0]",
      ":NEW - [0:0]",
      ":SVC - [0:0]",
      "-A INPUT -j SVC",
      "-A INPUT -j KEEP",
      "-A KEEP -j RETURN",
      "-A SVC -j ACCEPT",
    ]);
  });

  it("leaves the table unchanged when a deleted chain is still referenced", () => {
    const ipt = node();
    const before = sh(ipt, "iptables-save");
    expect(() =>
      restoreTable(ipt, "filter", [{ name: "KEEP", rules: [] }], { noflush: true, deleteChains: ["OLD"] }),
    ).toThrow("Can't delete chain with references left");
    expect(sh(ipt, "iptables-save")).toBe(before);
  });

  it("leaves the table unchanged when a rule jumps to a missing chain", () => {
    const ipt = node();
    const before = sh(ipt, "iptables-save");
    expect(() =>
      restoreTable(ipt, "filter", [{ name: "KEEP", rules: [parseRuleArgs(["-j", "NOPE"])] }], {
        noflush: true,
      }),
    ).toThrow("No chain/target/match by that name");
    expect(sh(ipt, "iptables-save")).toBe(before);
  });
});
