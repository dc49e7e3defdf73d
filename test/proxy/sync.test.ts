import { describe, expect, it } from "vitest";
import { runIptables } from "../../sandbox/node/iptables/command.ts";
import { useTable } from "../../sandbox/node/iptables/model.ts";
import { saveTableBody } from "../../sandbox/node/iptables/print-save.ts";
import { applyProxyRules } from "../../sandbox/proxy/apply.ts";
import { buildNatRules, measureSync } from "../../sandbox/proxy/sync.ts";
import { expectGolden } from "../support/golden.ts";
import { defaultInput, defaultNode, service, slice, webService } from "./fixture.ts";

const NOW = Date.UTC(2025, 0, 1, 9, 5, 3);

function run(ipt: ReturnType<typeof defaultNode>, line: string): string {
  const result = runIptables(line.split(" "), { ipt, now: NOW });
  expect(result.stderr).toBe("");
  return result.stdout;
}

function natSaveLines(input = defaultInput()): string[] {
  return saveTableBody(useTable(defaultNode(input), "nat")).split("\n");
}

describe("kube-proxy sync on the default cluster", () => {
  it("prints iptables-save for every table", () => {
    expectGolden("proxy/default-iptables-save.txt", run(defaultNode(), "iptables-save"));
  });

  it("prints iptables -t nat -L -n", () => {
    expectGolden("proxy/default-nat-list-n.txt", run(defaultNode(), "iptables -t nat -L -n"));
  });

  it("prints iptables -t nat -L -n -v", () => {
    expectGolden("proxy/default-nat-list-n-v.txt", run(defaultNode(), "iptables -t nat -L -n -v"));
  });

  it("prints iptables -t nat -L KUBE-SERVICES -n", () => {
    expectGolden(
      "proxy/default-nat-kube-services-n.txt",
      run(defaultNode(), "iptables -t nat -L KUBE-SERVICES -n"),
    );
  });

  it("prints iptables -t nat -L KUBE-SERVICES with names", () => {
    expectGolden(
      "proxy/default-nat-kube-services.txt",
      run(defaultNode(), "iptables -t nat -L KUBE-SERVICES"),
    );
  });

  it("prints the filter table with iptables -L -n", () => {
    expectGolden("proxy/default-filter-list-n.txt", run(defaultNode(), "iptables -L -n"));
  });
});

describe("kube-proxy sync rules", () => {
  it("writes FIDELITY's worked NodePort example rule for rule", () => {
    const web = defaultInput();
    web.services = [webService];
    web.endpointSlices = [
      slice(
        "default",
        "web",
        [{ protocol: "TCP", port: 80 }],
        [
          ["10.244.1.2", "node01"],
          ["10.244.2.3", "node02"],
        ],
      ),
    ];
    const lines = natSaveLines(web).filter((l) => /^-A KUBE-(EXT|MARK|NODEPORTS|SEP|SERVICES|SVC)/.test(l));
    expect(lines).toEqual([
      '-A KUBE-EXT-LOLE4ISW44XBNF3G -m comment --comment "masquerade traffic for default/web external destinations" -j KUBE-MARK-MASQ',
      "-A KUBE-EXT-LOLE4ISW44XBNF3G -j KUBE-SVC-LOLE4ISW44XBNF3G",
      "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000",
      '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web" -m tcp --dport 30080 -j KUBE-EXT-LOLE4ISW44XBNF3G',
      '-A KUBE-SEP-7QE66YRUUVCO6FRM -s 10.244.2.3/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-7QE66YRUUVCO6FRM -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.2.3:80',
      '-A KUBE-SEP-MQ4W7Q2CV67URU6Q -s 10.244.1.2/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-MQ4W7Q2CV67URU6Q -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.1.2:80',
      '-A KUBE-SERVICES -d 10.104.22.7/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-LOLE4ISW44XBNF3G',
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
      '-A KUBE-SVC-LOLE4ISW44XBNF3G ! -s 10.244.0.0/16 -d 10.104.22.7/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> 10.244.1.2:80" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-MQ4W7Q2CV67URU6Q',
      '-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> 10.244.2.3:80" -j KUBE-SEP-7QE66YRUUVCO6FRM',
    ]);
  });

  it("prints endpoint probabilities as the kernel stores them, for 2 to 10 endpoints", () => {
    const printed = [
      "0.50000000000",
      "0.33333333349",
      "0.25000000000",
      "0.20000000019",
      "0.16666666651",
      "0.14285714272",
      "0.12500000000",
      "0.11111111101",
      "0.10000000009",
    ];
    const input = defaultInput();
    const ips = Array.from({ length: 10 }, (_, i): [string, string] => [`10.244.1.${i + 10}`, "node01"]);
    input.services = [webService];
    input.endpointSlices = [slice("default", "web", [{ protocol: "TCP", port: 80 }], ips)];
    const probabilities = natSaveLines(input).flatMap((l) => l.match(/--probability (\S+)/)?.[1] ?? []);
    expect(probabilities).toEqual([...printed].reverse());
  });

  it("rejects traffic to a service with no ready endpoints in the filter table", () => {
    const input = defaultInput();
    input.endpointSlices = [
      slice("default", "web", [{ protocol: "TCP", port: 80 }], [["10.244.1.2", "node01", false]]),
    ];
    input.services = [webService];
    const save = run(defaultNode(input), "iptables-save -t filter");
    expect(save).toContain(
      '-A KUBE-SERVICES -d 10.104.22.7/32 -p tcp -m comment --comment "default/web has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    );
    expect(save).toContain(
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j REJECT --reject-with icmp-port-unreachable',
    );
    expect(run(defaultNode(input), "iptables-save -t nat")).not.toContain("default/web");
  });

  it("routes Local external traffic policy through KUBE-SVL with only this node's endpoints", () => {
    const input = defaultInput();
    input.nodeName = "node01";
    input.services = [service("default", "web", { ...webService.spec, externalTrafficPolicy: "Local" })];
    input.endpointSlices = [
      slice(
        "default",
        "web",
        [{ protocol: "TCP", port: 80 }],
        [
          ["10.244.1.2", "node01"],
          ["10.244.2.3", "node02"],
        ],
      ),
    ];
    const ext = natSaveLines(input).filter(
      (l) => l.startsWith("-A KUBE-EXT-") || l.startsWith("-A KUBE-SVL-"),
    );
    expect(ext).toEqual([
      '-A KUBE-EXT-LOLE4ISW44XBNF3G -s 10.244.0.0/16 -m comment --comment "pod traffic for default/web external destinations" -j KUBE-SVC-LOLE4ISW44XBNF3G',
      '-A KUBE-EXT-LOLE4ISW44XBNF3G -m comment --comment "masquerade LOCAL traffic for default/web external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-LOLE4ISW44XBNF3G -m comment --comment "route LOCAL traffic for default/web external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-LOLE4ISW44XBNF3G',
      "-A KUBE-EXT-LOLE4ISW44XBNF3G -j KUBE-SVL-LOLE4ISW44XBNF3G",
      '-A KUBE-SVL-LOLE4ISW44XBNF3G -m comment --comment "default/web -> 10.244.1.2:80" -j KUBE-SEP-MQ4W7Q2CV67URU6Q',
    ]);
  });

  it("deletes endpoint chains that a later sync no longer needs", () => {
    const ipt = defaultNode();
    const input = defaultInput();
    input.services = input.services.filter((s) => s.metadata.name !== "web");
    applyProxyRules(ipt, buildNatRules(input));
    const save = run(ipt, "iptables-save -t nat");
    expect(save).not.toMatch(/LOLE4ISW44XBNF3G|MQ4W7Q2CV67URU6Q/);
    expect(save).toContain(":KUBE-SVC-NPX46M4PTMTKRN6Y - [0:0]");
  });

  it("does not duplicate jump rules on a second sync", () => {
    const ipt = defaultNode();
    applyProxyRules(ipt, buildNatRules(defaultInput()));
    expect(run(ipt, "iptables-save")).toBe(run(defaultNode(), "iptables-save"));
  });

  it("reports a rule count from measureSync with the injected clock", () => {
    let t = 0;
    const result = measureSync(defaultInput(), { iterations: 3, now: () => (t += 5) });
    expect(result).toEqual({ ms: 5, rules: 66 });
  });
});
