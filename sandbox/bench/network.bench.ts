// `npm run bench:network`: figures for the network model. Prints; never asserts.
//   kube-proxy: iptables rules and sync time per node for 1,000 Services x 10 endpoints;
//   the packet path: connections traced per second (pod -> Service by name, and by ClusterIP).
import type { EndpointSlice, Service } from "../api/types.ts";
import { createCluster } from "../index.ts";
import { explainFrom, podSite } from "../network/explain.ts";
import { resolveName, sendTo } from "../network/site.ts";
import { traverseHook } from "../node/iptables/evaluate.ts";
import { createIptables } from "../node/iptables/model.ts";
import { syncProxyRules } from "../proxy/kube-proxy.ts";

function synthetic(services: number, endpoints: number): { svcs: Service[]; slices: EndpointSlice[] } {
  const svcs: Service[] = [];
  const slices: EndpointSlice[] = [];
  for (let s = 0; s < services; s++) {
    const name = `svc-${s}`;
    const ip = `10.${96 + (s >> 16)}.${(s >> 8) & 255}.${s & 255}`;
    svcs.push({
      apiVersion: "v1",
      kind: "Service",
      metadata: { namespace: "default", name },
      spec: { type: "ClusterIP", clusterIP: ip, ports: [{ protocol: "TCP", port: 80, targetPort: 8080 }] },
    });
    slices.push({
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { namespace: "default", name: `${name}-x`, labels: { "kubernetes.io/service-name": name } },
      addressType: "IPv4",
      ports: [{ name: "", protocol: "TCP", port: 8080 }],
      endpoints: Array.from({ length: endpoints }, (_, e) => ({
        addresses: [`10.244.${((s * endpoints + e) >> 8) & 255}.${(s * endpoints + e) & 255}`],
        nodeName: `node${e % 3}`,
        conditions: { ready: true },
      })),
    });
  }
  return { svcs, slices };
}

function proxyFigures(): void {
  const { svcs, slices } = synthetic(1000, 10);
  const ipt = createIptables();
  const host = { nodeName: "node01", nodeIP: "172.30.2.2", clusterCIDR: "10.244.0.0/16", iptables: ipt };
  let t = performance.now();
  const rules = syncProxyRules(host, svcs, slices);
  const first = performance.now() - t;
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    syncProxyRules(host, svcs, slices);
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  const nat = ipt.tables.get("nat")!;
  const natRules = [...nat.chains.values()].reduce((n, c) => n + c.rules.length, 0);
  console.log(
    `kube-proxy, 1,000 Services x 10 endpoints: ${rules} rules written per sync (${natRules} in nat, ${nat.chains.size} nat chains); first sync ${first.toFixed(1)} ms, median resync ${runs[2].toFixed(1)} ms per node`,
  );
  const n = 2000;
  t = performance.now();
  for (let i = 0; i < n; i++)
    traverseHook(
      ipt,
      "PREROUTING",
      { proto: "tcp", src: "10.244.1.3", dst: `10.96.3.${i % 232}`, dport: 80 },
      {
        random: () => 0.5,
        localAddresses: ["172.30.2.2"],
      },
    );
  const per = n / ((performance.now() - t) / 1000);
  console.log(
    `nat PREROUTING traversals against that table: ${Math.round(per).toLocaleString("en-US")} per second`,
  );
}

function pathFigures(): void {
  const c = createCluster();
  const sh = c.shell();
  for (const line of [
    "kubectl create deployment web --image=nginx --replicas=3",
    "kubectl expose deployment web --port=80",
    "kubectl run client --image=busybox -- sleep 3600",
    "sleep 30",
  ])
    sh.run(line);
  const site = podSite(c.network, "client", c.now());
  if (typeof site === "string") throw new Error(site);
  const ip = c.api.get<Service>("services", "default", "web").spec.clusterIP!;
  const req = "GET / HTTP/1.1\r\nHost: web\r\n\r\n";
  const measure = (label: string, fn: () => void, n: number) => {
    fn();
    const t = performance.now();
    for (let i = 0; i < n; i++) fn();
    const per = n / ((performance.now() - t) / 1000);
    console.log(`${label}: ${Math.round(per).toLocaleString("en-US")} per second`);
  };
  measure(
    "connections traced, pod -> ClusterIP -> nginx",
    () => sendTo(site, { proto: "tcp", dst: ip, dport: 80, payload: req }),
    5000,
  );
  measure(
    "connections traced with DNS, pod -> web (search path, CoreDNS, DNAT) -> nginx",
    () => {
      const r = resolveName(site, "web");
      if (r.ok) sendTo(site, { proto: "tcp", dst: r.ip, dport: 80, payload: req });
    },
    2000,
  );
  measure("explain renderings, pod -> http://web", () => explainFrom(site, "http://web", "pod client"), 2000);
}

proxyFigures();
pathFigures();
