import { describe, expect, it } from "vitest";
import type { Service } from "../../sandbox/api/types.ts";
import { runIptables } from "../../sandbox/node/iptables/command.ts";
import { createIptables } from "../../sandbox/node/iptables/model.ts";
import type { Iptables } from "../../sandbox/node/iptables/types.ts";
import { type KubeProxyHost, syncProxyRules } from "../../sandbox/proxy/kube-proxy.ts";
import { PortMemo } from "../../sandbox/proxy/port-memo.ts";
import { buildNatRules } from "../../sandbox/proxy/sync.ts";
import {
  defaultInput,
  defaultSlices,
  kubeDnsService,
  kubernetesService,
  service,
  slice,
  webService,
} from "./fixture.ts";

function save(ipt: Iptables): string {
  return runIptables(["iptables-save"], { ipt, now: 0 }).stdout;
}

function host(nodeName: string, portMemo?: PortMemo): KubeProxyHost {
  return {
    nodeName,
    nodeIP: "172.30.1.2",
    clusterCIDR: "10.244.0.0/16",
    iptables: createIptables(),
    portMemo,
  };
}

// Each node synced alone (its own memo) and then all nodes synced in turn through one shared memo.
function bothWays(services: Service[]): { alone: string[]; shared: string[] } {
  const nodes = ["controlplane", "node01", "node02"];
  const alone = nodes.map((n) => {
    const h = host(n);
    syncProxyRules(h, services, defaultSlices);
    return save(h.iptables);
  });
  const memo = new PortMemo();
  const shared = nodes.map((n) => {
    const h = host(n, memo);
    syncProxyRules(h, services, defaultSlices);
    return save(h.iptables);
  });
  return { alone, shared };
}

describe("kube-proxy sync with a cluster's shared port memo", () => {
  it("writes each node the rules it would build alone", () => {
    const { alone, shared } = bothWays([kubernetesService, kubeDnsService, webService]);
    expect(shared).toEqual(alone);
  });

  it("builds per node the rules of a Local traffic policy service", () => {
    const local = service("default", "web", { ...webService.spec, externalTrafficPolicy: "Local" });
    const { alone, shared } = bothWays([kubernetesService, local]);
    expect(alone[1]).not.toBe(alone[2]);
    expect(shared).toEqual(alone);
  });

  it("replays another cluster's port writes only for the same endpoints and readiness", () => {
    const ready = defaultInput();
    const first = buildNatRules(ready, new PortMemo());
    expect(buildNatRules(defaultInput(), new PortMemo())).toEqual(first);
    const notReady = defaultInput();
    notReady.endpointSlices = [
      slice("default", "web", [{ name: "", protocol: "TCP", port: 80 }], [["10.244.1.2", "node01", false]]),
    ];
    expect(buildNatRules(notReady, new PortMemo())).toEqual(buildNatRules(notReady));
    expect(buildNatRules(notReady, new PortMemo())).not.toEqual(first);
  });
});
