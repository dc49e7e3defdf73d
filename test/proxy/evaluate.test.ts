import { describe, expect, it } from "vitest";
import { runIptables } from "../../sandbox/node/iptables/command.ts";
import { traverse, traverseHook } from "../../sandbox/node/iptables/evaluate.ts";
import { useTable } from "../../sandbox/node/iptables/model.ts";
import { defaultInput, defaultNode, slice, webService } from "./fixture.ts";

const ctx = (value: number) => ({
  random: () => value,
  localAddresses: ["172.30.1.2"],
  masqueradeAddress: "172.30.1.2",
});

describe("iptables packet evaluation", () => {
  it("DNATs a pod's packet to the kubernetes service and names every rule on the way", () => {
    const nat = useTable(defaultNode(), "nat");
    const pkt = { proto: "tcp" as const, src: "10.244.1.5", dst: "10.96.0.1", sport: 40000, dport: 443 };
    const result = traverse(nat, "OUTPUT", pkt, ctx(0.9));
    expect(result.verdict).toBe("ACCEPT");
    expect(result.dnat).toBe("172.30.1.2:6443");
    expect(result.packet).toMatchObject({ dst: "172.30.1.2", dport: 6443 });
    expect(result.steps.map((s) => `${s.chain}#${s.ruleNumber} ${s.action}`)).toEqual([
      "OUTPUT#1 jump",
      "KUBE-SERVICES#1 jump",
      "KUBE-SVC-NPX46M4PTMTKRN6Y#2 jump",
      "KUBE-SEP-D23ODROEH5R4FSGE#2 dnat",
    ]);
    expect(result.decidedBy).toEqual(result.steps[3]);
    expect(result.steps[3].rule).toBe(
      '-A KUBE-SEP-D23ODROEH5R4FSGE -p tcp -m comment --comment "default/kubernetes:https" -m tcp -j DNAT --to-destination 172.30.1.2:6443',
    );
  });

  it("picks endpoints with the injected random number and the stored probabilities", () => {
    const picks = [0.1, 0.4, 0.9].map(
      (r) =>
        traverse(
          useTable(defaultNode(), "nat"),
          "PREROUTING",
          { proto: "tcp", src: "10.244.0.7", dst: "10.104.22.7", sport: 1234, dport: 80 },
          ctx(r),
        ).dnat,
    );
    expect(picks).toEqual(["10.244.1.2:80", "10.244.1.4:80", "10.244.2.3:80"]);
  });

  it("marks NodePort traffic from outside for masquerade and masquerades it in POSTROUTING", () => {
    const ipt = defaultNode();
    const pkt = {
      proto: "tcp" as const,
      src: "192.168.1.50",
      dst: "172.30.1.2",
      sport: 5555,
      dport: 30080,
      inIface: "eth0",
    };
    const pre = traverse(useTable(ipt, "nat"), "PREROUTING", pkt, ctx(0.95));
    expect(pre.packet).toMatchObject({ dst: "10.244.2.3", dport: 80, mark: 0x4000 });
    expect(pre.steps.map((s) => s.chain)).toContain("KUBE-EXT-LOLE4ISW44XBNF3G");
    const post = traverse(
      useTable(ipt, "nat"),
      "POSTROUTING",
      { ...pre.packet, outIface: "flannel.1" },
      ctx(0),
    );
    expect(post.masquerade).toBe(true);
    expect(post.packet).toMatchObject({ src: "172.30.1.2", mark: 0 });
  });

  it("counts matched rules so iptables -L -v shows them", () => {
    const ipt = defaultNode();
    traverse(
      useTable(ipt, "nat"),
      "OUTPUT",
      { proto: "udp", src: "10.244.0.9", dst: "10.96.0.10", dport: 53, length: 80 },
      ctx(0.2),
    );
    const out = runIptables(["iptables", "-t", "nat", "-L", "KUBE-SVC-TCOU7JCQXEZGVUNU", "-n", "-v"], {
      ipt,
      now: 0,
    }).stdout;
    expect(out.split("\n")[3]).toMatch(/^ {4}1 {4}80 KUBE-SEP-YIL6JZP7A3QYXJU2/);
  });

  it("lets a packet fall through to the built-in chain policy", () => {
    const result = traverse(
      useTable(defaultNode(), "nat"),
      "OUTPUT",
      { proto: "tcp", src: "10.244.0.9", dst: "8.8.8.8", dport: 443 },
      ctx(0),
    );
    expect(result.decidedBy).toEqual({ table: "nat", chain: "OUTPUT", policy: "ACCEPT" });
    expect(result.steps.map((s) => s.chain)).toEqual(["OUTPUT"]);
  });

  it("rejects a new connection to a service without endpoints in the filter table", () => {
    const input = defaultInput();
    input.services = [webService];
    input.endpointSlices = [slice("default", "web", [{ protocol: "TCP", port: 80 }], [])];
    const results = traverseHook(
      defaultNode(input),
      "OUTPUT",
      { proto: "tcp", src: "10.244.0.9", dst: "10.104.22.7", dport: 80 },
      ctx(0),
    );
    const last = results[results.length - 1];
    expect(last.verdict).toBe("REJECT");
    expect("rule" in last.decidedBy && last.decidedBy.rule).toContain('"default/web has no endpoints"');
  });
});
