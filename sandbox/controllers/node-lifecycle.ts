// The node lifecycle controller: watches node leases, marks silent nodes Unknown, keeps the not-ready and
// unreachable taints in step with the Ready condition, and evicts pods that do not tolerate NoExecute taints.

import { tolerates } from "../api/scheduling.ts";
import type { Condition, Lease, Node, Pod, Taint } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import type { EventRecorder } from "../client/events.ts";
import { type InformerFactory, keyFor } from "../client/informer.ts";
import { parseTime, rfc3339 } from "../util/time.ts";

/** Timing of the controller (kube-controller-manager flags). */
export interface NodeLifecycleConfig {
  /** --node-monitor-period. */
  monitorPeriodMs: number;
  /** --node-monitor-grace-period. */
  gracePeriodMs: number;
}

const NOT_READY = "node.kubernetes.io/not-ready";
const UNREACHABLE = "node.kubernetes.io/unreachable";
const STATUS_CONDITIONS = ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"];

/** The node lifecycle controller, with taint-based eviction. */
export class NodeLifecycleController {
  private readonly api: ApiServer;
  private readonly informers: InformerFactory;
  private readonly cfg: NodeLifecycleConfig;
  private readonly recorder: EventRecorder;
  private readonly evictions = new Map<string, () => void>();
  private cancel: (() => void) | undefined;

  constructor(api: ApiServer, informers: InformerFactory, recorder: EventRecorder, cfg: NodeLifecycleConfig) {
    if (cfg.gracePeriodMs <= 0 || cfg.monitorPeriodMs <= 0)
      throw new Error("NodeLifecycleController: periods must be positive");
    this.api = api;
    this.informers = informers;
    this.recorder = recorder;
    this.cfg = cfg;
    informers.for<Node>("nodes").on({
      add: (n) => {
        this.recorder.record(
          n,
          "Normal",
          "RegisteredNode",
          `Node ${n.metadata.name} event: Registered Node ${n.metadata.name} in Controller`,
        );
        this.syncTaints(n);
      },
      update: (_o, n) => this.syncTaints(n),
    });
    informers.for<Pod>("pods").on({ add: (p) => this.checkPod(p), update: (_o, p) => this.checkPod(p) });
    informers.for<Lease>("leases");
  }

  /** Start the periodic health check. */
  start(): void {
    const tick = () => {
      this.monitor();
      this.cancel = this.api.loop.schedule(this.cfg.monitorPeriodMs, tick);
    };
    this.cancel = this.api.loop.schedule(this.cfg.monitorPeriodMs, tick);
  }

  /** Stop the periodic check. */
  stop(): void {
    this.cancel?.();
  }

  /** Mark nodes whose lease has not been renewed within the grace period as Unknown. */
  monitor(): void {
    const now = this.api.loop.now();
    const leases = this.informers.for<Lease>("leases");
    for (const node of this.informers.for<Node>("nodes").list()) {
      const name = node.metadata.name!;
      const lease = leases.get(`kube-node-lease/${name}`);
      const renew = lease?.spec.renewTime
        ? parseTime(lease.spec.renewTime)
        : parseTime(node.metadata.creationTimestamp!);
      const ready = node.status?.conditions?.find((c) => c.type === "Ready");
      if (now - renew <= this.cfg.gracePeriodMs || ready?.status === "Unknown") continue;
      const stamp = rfc3339(now);
      this.api.mutate<Node>(
        "nodes",
        undefined,
        name,
        (n) => {
          const conds: Condition[] = (n.status?.conditions ?? []).map((c) =>
            STATUS_CONDITIONS.includes(c.type)
              ? {
                  ...c,
                  status: "Unknown",
                  reason: "NodeStatusUnknown",
                  message: "Kubelet stopped posting node status.",
                  lastTransitionTime: stamp,
                }
              : c,
          );
          n.status = { ...(n.status ?? {}), conditions: conds };
          return true;
        },
        true,
      );
      this.recorder.record(node, "Normal", "NodeNotReady", `Node ${name} status is now: NodeNotReady`);
      this.markPodsNotReady(name, stamp);
    }
  }

  private markPodsNotReady(node: string, stamp: string): void {
    for (const p of this.informers.for<Pod>("pods").list()) {
      if (p.spec.nodeName !== node) continue;
      try {
        this.api.mutate<Pod>(
          "pods",
          p.metadata.namespace,
          p.metadata.name!,
          (o) => {
            const conds = o.status?.conditions ?? [];
            let changed = false;
            for (const c of conds) {
              if ((c.type === "Ready" || c.type === "ContainersReady") && c.status !== "False") {
                c.status = "False";
                c.lastTransitionTime = stamp;
                changed = true;
              }
            }
            return changed;
          },
          true,
        );
      } catch {
        // Pod gone.
      }
    }
  }

  /** Keep the NoSchedule/NoExecute taints matching the node's Ready condition. */
  private syncTaints(node: Node): void {
    const ready = node.status?.conditions?.find((c) => c.type === "Ready");
    // A node that has not reported yet keeps the taints the kubelet registered it with.
    if (!ready) return;
    const want =
      ready?.status === "True"
        ? undefined
        : ready?.status === "Unknown"
          ? UNREACHABLE
          : ready
            ? NOT_READY
            : undefined;
    const taints = node.spec.taints ?? [];
    const managed = (t: Taint) => t.key === NOT_READY || t.key === UNREACHABLE;
    const current = taints.filter(managed);
    const desired: Taint[] = want
      ? [
          { key: want, effect: "NoSchedule" },
          {
            key: want,
            effect: "NoExecute",
            timeAdded:
              current.find((t) => t.key === want && t.effect === "NoExecute")?.timeAdded ??
              rfc3339(this.api.loop.now()),
          },
        ]
      : [];
    const same =
      current.length === desired.length &&
      desired.every((d) => current.some((c) => c.key === d.key && c.effect === d.effect));
    if (same) return;
    try {
      this.api.mutate<Node>("nodes", undefined, node.metadata.name!, (n) => {
        const rest = (n.spec.taints ?? []).filter((t) => !managed(t));
        // The NoSchedule taint comes from TaintNodesByCondition and sits after the user's taints.
        const next = [
          ...rest,
          ...desired.filter((t) => t.effect === "NoExecute"),
          ...desired.filter((t) => t.effect === "NoSchedule"),
        ];
        if (next.length)
          n.spec.taints = next.map((t) => (t.effect === "NoSchedule" ? { key: t.key, effect: t.effect } : t));
        else delete n.spec.taints;
        return true;
      });
    } catch {
      // Node gone.
    }
    // Read the node back: the informer may not have seen the new taints yet.
    const tainted = this.api.tryGet<Node>("nodes", undefined, node.metadata.name!);
    if (want)
      for (const p of this.informers.for<Pod>("pods").list())
        if (p.spec.nodeName === node.metadata.name) this.checkPod(p, tainted);
  }

  /** Schedule or cancel the eviction of a pod on a NoExecute-tainted node. */
  private checkPod(p: Pod, fresh?: Node): void {
    if (!p.spec.nodeName || p.metadata.deletionTimestamp) return;
    // A GET, not the informer: a pod event can arrive before the node event that tainted its node.
    const node = fresh ?? this.api.tryGet<Node>("nodes", undefined, p.spec.nodeName);
    const nodeTaints = node?.spec.taints;
    // Most nodes carry no NoExecute taint and most pods no pending eviction: then there is nothing to do.
    if (!hasNoExecute(nodeTaints)) {
      if (this.evictions.size === 0) return;
      const key = keyFor(p.metadata.namespace, p.metadata.name);
      this.evictions.get(key)?.();
      this.evictions.delete(key);
      return;
    }
    const key = keyFor(p.metadata.namespace, p.metadata.name);
    if (this.evictions.has(key)) return;
    const taints = (nodeTaints as Taint[]).filter((t) => t.effect === "NoExecute");
    let wait = Number.POSITIVE_INFINITY;
    for (const t of taints) {
      const tol = (p.spec.tolerations ?? []).filter((x) => tolerates(x, t));
      if (tol.length === 0) {
        wait = 0;
        break;
      }
      const secs = Math.min(...tol.map((x) => x.tolerationSeconds ?? Number.POSITIVE_INFINITY));
      const added = t.timeAdded ? parseTime(t.timeAdded) : this.api.loop.now();
      wait = Math.min(wait, Math.max(0, added + secs * 1000 - this.api.loop.now()));
    }
    if (!Number.isFinite(wait)) return;
    const cancel = this.api.loop.schedule(wait, () => {
      this.evictions.delete(key);
      const cur = this.informers.for<Pod>("pods").get(key);
      if (!cur || cur.metadata.deletionTimestamp) return;
      this.recorder.record(cur, "Normal", "TaintManagerEviction", `Marking for deletion Pod ${key}`);
      try {
        this.api.delete("pods", cur.metadata.namespace, cur.metadata.name!);
      } catch {
        // Gone already.
      }
    });
    this.evictions.set(key, cancel);
  }
}

// Whether any taint is NoExecute (a loop: this runs on every pod event).
function hasNoExecute(taints: Taint[] | undefined): boolean {
  if (!taints) return false;
  for (let i = 0; i < taints.length; i++) if (taints[i].effect === "NoExecute") return true;
  return false;
}
