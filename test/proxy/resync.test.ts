import { describe, expect, it } from "vitest";
import { runIptables } from "../../sandbox/node/iptables/command.ts";
import { useTable } from "../../sandbox/node/iptables/model.ts";
import type { Iptables } from "../../sandbox/node/iptables/types.ts";
import { applyProxyRules } from "../../sandbox/proxy/apply.ts";
import { buildNatRules } from "../../sandbox/proxy/sync.ts";
import { defaultInput, defaultNode, slice, webService } from "./fixture.ts";

function sh(ipt: Iptables, line: string): string {
  const result = runIptables(line.split(" "), { ipt, now: 0 });
  expect(result.stderr).toBe("");
  return result.stdout;
}

function synced(): { ipt: Iptables; rules: ReturnType<typeof buildNatRules>; save: string } {
  const input = defaultInput();
  const ipt = defaultNode(input);
  const rules = buildNatRules(input);
  applyProxyRules(ipt, rules);
  return { ipt, rules, save: sh(ipt, "iptables-save -c") };
}

describe("kube-proxy resync of unchanged rules", () => {
  it("puts back a chain flushed by hand", () => {
    const { ipt, rules, save } = synced();
    sh(ipt, "iptables -t nat -F KUBE-SERVICES");
    applyProxyRules(ipt, rules);
    expect(sh(ipt, "iptables-save -c")).toBe(save);
  });

  it("removes a rule added by hand to a kube-proxy chain", () => {
    const { ipt, rules, save } = synced();
    sh(ipt, "iptables -t nat -I KUBE-SERVICES 1 -j RETURN");
    applyProxyRules(ipt, rules);
    expect(sh(ipt, "iptables-save -c")).toBe(save);
  });

  it("re-inserts a jump deleted by hand", () => {
    const { ipt, rules, save } = synced();
    sh(ipt, "iptables -t nat -D PREROUTING 1");
    applyProxyRules(ipt, rules);
    expect(sh(ipt, "iptables-save -c")).toBe(save);
  });

  it("restarts counters of restored chains but not of built-in chains", () => {
    const { ipt, rules } = synced();
    const nat = useTable(ipt, "nat");
    nat.chains.get("KUBE-SERVICES")!.rules[0].counters = { packets: 4, bytes: 240 };
    nat.chains.get("PREROUTING")!.rules[0].counters = { packets: 4, bytes: 240 };
    applyProxyRules(ipt, rules);
    expect(nat.chains.get("KUBE-SERVICES")!.rules[0].counters).toEqual({ packets: 0, bytes: 0 });
    expect(nat.chains.get("PREROUTING")!.rules[0].counters).toEqual({ packets: 4, bytes: 240 });
  });

  it("leaves the same state whether the rules are rebuilt or reused", () => {
    const { ipt, save } = synced();
    applyProxyRules(ipt, buildNatRules(defaultInput()));
    expect(sh(ipt, "iptables-save -c")).toBe(save);
  });

  it("deletes the chains of a service removed since the last sync", () => {
    const withWeb = defaultInput();
    withWeb.services = [...withWeb.services, webService];
    withWeb.endpointSlices = [
      ...withWeb.endpointSlices,
      slice("default", "web", [{ protocol: "TCP", port: 80 }], [["10.244.1.2", "node01"]]),
    ];
    const { ipt, rules, save } = synced();
    applyProxyRules(ipt, buildNatRules(withWeb));
    expect(sh(ipt, "iptables-save -c")).toContain("default/web");
    applyProxyRules(ipt, rules);
    expect(sh(ipt, "iptables-save -c")).toBe(save);
  });
});
