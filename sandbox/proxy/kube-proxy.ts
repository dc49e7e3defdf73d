// kube-proxy (iptables mode) as the program of its DaemonSet pod: informers over Services and
// EndpointSlices, a rate-limited full sync into the node's iptables. When its container stops, nothing
// syncs any more and the node keeps its last rules, as on a real node.
import type { EndpointSlice, Node, Service } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { SeriesRecorder } from "../client/event-series.ts";
import { Informer } from "../client/informer.ts";
import type { ImageContext } from "../images/types.ts";
import type { Iptables } from "../node/iptables/types.ts";
import { klog } from "../util/klog.ts";
import { applyProxyRules } from "./apply.ts";
import { PortMemo } from "./port-memo.ts";
import { buildNatRules } from "./sync.ts";
import { sameItems } from "./unchanged.ts";

/** Where kube-proxy runs: its node's name, addresses, iptables and the cluster's pod CIDR. */
export interface KubeProxyHost {
  nodeName: string;
  nodeIP: string;
  clusterCIDR: string;
  iptables: Iptables;
  /** Memory of each service port's rules, which a cluster's kube-proxies may share; else one per host. */
  portMemo?: PortMemo;
  /** Called after every sync with the number of rules written (for benches and explain). */
  onSync?: (rules: number) => void;
}

/** --iptables-min-sync-period default: changes within a second are batched into one sync. */
export const MIN_SYNC_PERIOD_MS = 1000;
/** --iptables-sync-period default: a full resync every 30 s even without changes. */
export const SYNC_PERIOD_MS = 30_000;

interface Built {
  services: Service[];
  slices: EndpointSlice[];
  rules: ReturnType<typeof buildNatRules>;
  count: number;
  memo: PortMemo;
}

/** A build a cluster's kube-proxies may share: without Local traffic policy ports the rules do not depend on the node. */
interface SharedBuild extends Built {
  nodeName: string;
  clusterCIDR: string;
  /** Some port has a Local traffic policy, so only the same node may reuse the rules. */
  perNode: boolean;
}

const built = new WeakMap<KubeProxyHost, Built>();
// Keyed by a shared PortMemo: the last rules any of its kube-proxies built (nodes sync the same lists in turn).
const sharedBuilds = new WeakMap<PortMemo, SharedBuild>();

function anyLocalPort(memo: PortMemo, services: readonly Service[]): boolean {
  for (let i = 0; i < services.length; i++) {
    const ports = memo.portsOf(services[i]);
    for (let j = 0; j < ports.length; j++)
      if (ports[j].internalPolicyLocal || ports[j].externalPolicyLocal) return true;
  }
  return false;
}

/** Sync a node's rules once from lists of Services and EndpointSlices; returns the rule count. */
export function syncProxyRules(host: KubeProxyHost, services: Service[], slices: EndpointSlice[]): number {
  // The periodic resync usually sees the very same objects: the rules it would compute are the last ones.
  // They are still written, so a rule flushed by hand comes back and counters restart, as on a real node.
  let last = built.get(host);
  if (!last || !sameItems(last.services, services) || !sameItems(last.slices, slices)) {
    const memo = last?.memo ?? host.portMemo ?? new PortMemo();
    // Another node of the cluster may just have built from these very objects.
    const shared = host.portMemo === memo ? sharedBuilds.get(memo) : undefined;
    if (
      shared &&
      shared.clusterCIDR === host.clusterCIDR &&
      (!shared.perNode || shared.nodeName === host.nodeName) &&
      sameItems(shared.services, services) &&
      sameItems(shared.slices, slices)
    ) {
      last = { services, slices, rules: shared.rules, count: shared.count, memo };
    } else {
      const rules = buildNatRules(
        {
          services,
          endpointSlices: slices,
          nodeName: host.nodeName,
          nodeIPs: [host.nodeIP],
          clusterCIDR: host.clusterCIDR,
        },
        memo,
      );
      last = { services, slices, rules, count: ruleCount(rules), memo };
      if (host.portMemo === memo)
        sharedBuilds.set(memo, {
          ...last,
          nodeName: host.nodeName,
          clusterCIDR: host.clusterCIDR,
          perNode: anyLocalPort(memo, services),
        });
    }
    built.set(host, last);
  } else {
    last.services = services;
    last.slices = slices;
  }
  applyProxyRules(host.iptables, last.rules);
  return last.count;
}

function ruleCount(rules: ReturnType<typeof buildNatRules>): number {
  let n = rules.jumps.length;
  for (const c of rules.filter) n += c.rules.length;
  for (const c of rules.nat) n += c.rules.length;
  return n;
}

/** Start kube-proxy's control loop inside its container; returns the stop function. */
export function startKubeProxy(api: ApiServer, ctx: ImageContext, host: KubeProxyHost): () => void {
  const services = new Informer<Service>(api, "services");
  const slices = new Informer<EndpointSlice>(api, "endpointslices");
  let pending: (() => void) | undefined;
  let lastSync = Number.NEGATIVE_INFINITY;
  const sync = () => {
    pending = undefined;
    lastSync = ctx.now();
    const n = syncProxyRules(host, services.list(), slices.list());
    host.onSync?.(n);
  };
  const changed = () => {
    if (pending) return;
    const wait = Math.max(0, lastSync + MIN_SYNC_PERIOD_MS - ctx.now());
    pending = ctx.schedule(wait, sync);
  };
  for (const inf of [services, slices] as Informer<Service | EndpointSlice>[])
    inf.on({ add: changed, update: changed, delete: changed });
  ctx.log(
    klog(ctx.now(), 1, "server.go:1060", `"Successfully retrieved node IP(s)" IPs=["${host.nodeIP}"]`),
    "stderr",
  );
  ctx.log(klog(ctx.now(), 1, "server_linux.go:154", `"Using iptables Proxier"`), "stderr");
  // kube-proxy announces itself on its node through events.k8s.io/v1 (reporting instance
  // `kube-proxy-<node>`, action StartKubeProxy, an empty note); its node reference uses the name as uid.
  const nodeRef = { apiVersion: "v1", kind: "Node", metadata: { name: host.nodeName, uid: host.nodeName } };
  new SeriesRecorder(api, "kube-proxy", host.nodeName).eventf(
    nodeRef as Node,
    "Normal",
    "Starting",
    "StartKubeProxy",
    "",
  );
  services.start();
  slices.start();
  const resync = () => {
    changed();
    ctx.schedule(SYNC_PERIOD_MS, resync);
  };
  ctx.schedule(SYNC_PERIOD_MS, resync);
  ctx.log(klog(ctx.now(), 1, "shared_informer.go:320", `Caches are synced for service config`), "stderr");
  return () => {
    services.stop();
    slices.stop();
    pending?.();
  };
}
