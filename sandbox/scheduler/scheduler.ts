// kube-scheduler: watches unscheduled pods, filters and scores nodes, and binds through the API.

import { pinnedNodeNames } from "../api/scheduling.ts";
import type { Node, Pod } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { SeriesRecorder } from "../client/event-series.ts";
import { Informer, keyOf, splitKey } from "../client/informer.ts";
import { WorkQueue } from "../client/workqueue.ts";
import type { Random } from "../util/random.ts";
import { rfc3339 } from "../util/time.ts";
import { failureMessage } from "./diagnosis.ts";
import { type FilterFailure, fitsAt, type PodFacts, podFacts, resourcesFit, runFilters } from "./filters.ts";
import { NodeInfo, ownerUid } from "./node-info.ts";
import { NodeTable } from "./node-table.ts";
import { OwnerSpread } from "./owner-spread.ts";
import { score } from "./scoring.ts";

/** Configuration of the scheduler. */
export interface SchedulerConfig {
  api: ApiServer;
  random: Random;
  /** The host kube-scheduler runs on: its events' reportingInstance is `default-scheduler-<hostname>`. */
  hostname: string;
}

function isAssigned(p: Pod): boolean {
  return !!p.spec.nodeName;
}

function isTerminal(p: Pod): boolean {
  return p.status?.phase === "Succeeded" || p.status?.phase === "Failed";
}

/** The default scheduler. */
export class Scheduler {
  private readonly api: ApiServer;
  private readonly random: Random;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly infos = new Map<string, NodeInfo>();
  /** The same NodeInfos in the order nodes were added, for round-robin filtering without copying. */
  private order: NodeInfo[] = [];
  /** Their numbers, at the same positions as in `order`. */
  private readonly table = new NodeTable();
  /** Scheduling attempts and the time of the last one, for the unschedulable pods' back-off. */
  private readonly attempts = new Map<string, { count: number; at: number }>();
  private readonly queue: WorkQueue;
  private readonly unschedulable = new Set<string>();
  /** Pods bound but not yet seen bound in the cache, already counted on their node (the assume cache). */
  private readonly assumed = new Set<string>();
  private readonly recorder: SeriesRecorder;
  private nextStart = 0;
  // Pods that came up while no kube-scheduler process ran; queued again when one starts.
  private held: Set<string> | undefined;
  private readonly sameScratch: number[] = [];
  // The positions of the feasible nodes of the pod being scheduled (the first `count` entries): one array
  // for every pod.
  private readonly feasibleScratch: number[] = [];
  private readonly spread = new OwnerSpread();
  private pickStamp = 0;
  /** Pods bound, for benchmarks. */
  bound = 0;

  constructor(cfg: SchedulerConfig) {
    this.api = cfg.api;
    this.random = cfg.random;
    // kube-scheduler records through events.k8s.io/v1 (tools/events), with a recorder named after its
    // profile. The model's one scheduler stands for every kube-scheduler process: its events name one host.
    this.recorder = new SeriesRecorder(cfg.api, "default-scheduler", cfg.hostname);
    this.queue = new WorkQueue({ loop: cfg.api.loop, reconcile: (k) => this.scheduleOne(k) });
    this.pods = new Informer<Pod>(cfg.api, "pods");
    this.nodes = new Informer<Node>(cfg.api, "nodes");
    this.nodes.on({
      add: (n) => {
        const ni = new NodeInfo(n, this.spread, this.table);
        this.infos.set(n.metadata.name!, ni);
        this.order.push(ni);
        this.retryUnschedulable();
      },
      update: (_o, n) => {
        const ni = this.infos.get(n.metadata.name!);
        if (ni) ni.node = n;
        this.retryUnschedulable();
      },
      delete: (n) => {
        const ni = this.infos.get(n.metadata.name!);
        this.infos.delete(n.metadata.name!);
        if (ni) {
          this.order = this.order.filter((x) => x !== ni);
          this.table.remove(ni.slot);
          for (let i = ni.slot; i < this.order.length; i++) this.order[i].slot = i;
          this.spread.forget(ni);
        }
      },
    });
    this.pods.on({
      add: (p) => this.onPod(undefined, p),
      update: (o, p) => this.onPod(o, p),
      delete: (p) => this.onPod(p, undefined),
    });
  }

  /** Start watching. */
  start(): void {
    this.recorder.start();
    this.nodes.start();
    this.pods.start();
  }

  /** Pause or resume scheduling as the kube-scheduler process stops or starts (the watches go on). */
  setProcessRunning(running: boolean): void {
    if (running === (this.held === undefined)) return;
    if (!running) {
      this.held = new Set();
      // The process's events not yet written (a series' later count) go with it.
      this.recorder.stop();
      return;
    }
    const held = this.held!;
    this.held = undefined;
    this.recorder.start();
    for (const key of held) this.queue.add(key);
  }

  /** Stop watching. */
  stop(): void {
    this.nodes.stop();
    this.pods.stop();
    this.queue.stop();
    this.recorder.stop();
  }

  private counts(p: Pod | undefined): boolean {
    return !!p && isAssigned(p) && !isTerminal(p);
  }

  private onPod(old: Pod | undefined, cur: Pod | undefined): void {
    const key = keyOf((cur ?? old)!);
    if (
      old &&
      cur &&
      old.spec === cur.spec &&
      this.counts(old) &&
      this.counts(cur) &&
      !this.assumed.has(key)
    ) {
      // A status change of a placed pod: same spec, so the same node and requests; only the owner may differ.
      if (ownerUid(old) === ownerUid(cur)) {
        // A graceful delete began: the pod stops counting for spreading, though it still holds its requests.
        if (!old.metadata.deletionTimestamp && cur.metadata.deletionTimestamp)
          this.infos.get(cur.spec.nodeName!)?.accountOwner(old, -1);
        this.attempts.delete(key);
        return;
      }
    }
    if (this.counts(old)) this.infos.get(old!.spec.nodeName!)?.account(old!, -1);
    if (this.counts(cur)) {
      if (this.assumed.delete(key)) {
        // Already counted when it was bound; the cache has caught up.
      } else this.infos.get(cur!.spec.nodeName!)?.account(cur!, 1);
    } else if (!cur && this.assumed.delete(key) && old?.spec.nodeName) {
      this.infos.get(old.spec.nodeName)?.account(old, -1);
    }
    if (old && this.counts(old) && (!cur || !this.counts(cur))) this.retryUnschedulable();
    if (
      cur &&
      !isAssigned(cur) &&
      !cur.metadata.deletionTimestamp &&
      (cur.spec.schedulerName ?? "default-scheduler") === "default-scheduler"
    ) {
      if (!old) this.queue.add(keyOf(cur));
    } else if (cur === undefined && old) {
      this.unschedulable.delete(keyOf(old));
      this.attempts.delete(keyOf(old));
    }
    if (cur && isAssigned(cur)) this.attempts.delete(key);
  }

  /**
   * A cluster event may make unschedulable pods fit: move them back to the queue, each once its back-off
   * (1 s doubling to 10 s per failed attempt, kube-scheduler's defaults) has passed.
   */
  private retryUnschedulable(): void {
    const now = this.api.loop.now();
    for (const k of this.unschedulable) {
      const a = this.attempts.get(k);
      const backoff = a ? Math.min(1000 * 2 ** (a.count - 1), 10_000) : 0;
      const wait = a ? a.at + backoff - now : 0;
      if (wait > 0) this.queue.addAfter(k, wait);
      else this.queue.add(k);
    }
    this.unschedulable.clear();
  }

  private scheduleOne(key: string): void {
    if (this.held) {
      this.held.add(key);
      return;
    }
    const pod = this.pods.get(key);
    if (!pod || isAssigned(pod) || pod.metadata.deletionTimestamp) return;
    const facts = podFacts(pod);
    const candidates = this.preFilter(pod);
    if (candidates) {
      // Pinned to named nodes (a DaemonSet pod): only those are filtered, as NodeAffinity's PreFilter does.
      const feasible = candidates.filter((ni) => !runFilters(pod, ni, facts)).map((ni) => ni.slot);
      if (feasible.length > 0) {
        this.pick(pod, facts, feasible, feasible.length);
        return;
      }
    }
    const all = this.order;
    const n = all.length;
    // Like kube-scheduler, stop filtering once enough feasible nodes are found (percentageOfNodesToScore).
    const pct = Math.max(5, 50 - Math.floor(n / 125));
    const want = n < 100 ? n : Math.max(100, Math.floor((n * pct) / 100));
    const feasible = this.feasibleScratch;
    let count = 0;
    const failures: FilterFailure[] = [];
    // A pod naming no node and selecting none, on a schedulable node without taints, passes every filter
    // but the resource fit (each of the others lets it through): that one alone is run there.
    const plain = !pod.spec.nodeName && facts.nodeSelector.length === 0 && !facts.terms;
    const table = this.table;
    const start = n ? this.nextStart % n : 0;
    let i = 0;
    for (; i < n && count < want; i++) {
      const at = start + i < n ? start + i : start + i - n;
      if (plain && table.plain[at] === 1) {
        // The plain case reads only the table; the node's object is read when it does not fit.
        if (fitsAt(facts, table, at)) feasible[count++] = at;
        else failures.push(resourcesFit(facts, all[at])!);
        continue;
      }
      const f = runFilters(pod, all[at], facts);
      if (f) failures.push(f);
      else feasible[count++] = at;
    }
    this.nextStart = n ? (this.nextStart + i) % n : 0;
    if (count === 0) {
      this.fail(pod, failureMessage(n, failures));
      return;
    }
    this.pick(pod, facts, feasible, count);
  }

  /** The nodes a pod's required node affinity names by `metadata.name` in every term, if it does. */
  private preFilter(pod: Pod): NodeInfo[] | undefined {
    const names = pinnedNodeNames(pod);
    if (!names) return undefined;
    const out: NodeInfo[] = [];
    for (const name of names) {
      const ni = this.infos.get(name);
      if (ni) out.push(ni);
    }
    return out;
  }

  /** Score the first `count` feasible nodes (positions) and bind to the best (ties broken at random). */
  private pick(pod: Pod, facts: PodFacts, feasible: number[], count: number): void {
    const t = this.table;
    const owner = facts.owner;
    // Each node's count of the pod's siblings, read once for both the maximum and the spread score.
    const same = this.sameScratch;
    let maxSame = 0;
    if (owner) {
      // The owner's counts are marked on the nodes holding its pods: no lookup per feasible node.
      const stamp = ++this.pickStamp;
      // forEach, not for-of: no [node, count] entry array per sibling node.
      this.spread.of(owner)?.forEach((n, ni) => {
        t.sameCount[ni.slot] = n;
        t.sameStamp[ni.slot] = stamp;
      });
      for (let i = 0; i < count; i++) {
        const at = feasible[i];
        same[i] = t.sameStamp[at] === stamp ? t.sameCount[at] : 0;
        if (same[i] > maxSame) maxSame = same[i];
      }
    }
    let best = -1;
    let bestScore = -1;
    let ties = 0;
    for (let i = 0; i < count; i++) {
      const at = feasible[i];
      const s = score(facts, t, at, maxSame, owner ? same[i] : 0);
      if (s > bestScore) {
        best = at;
        bestScore = s;
        ties = 1;
      } else if (s === bestScore && this.random.oneIn(++ties)) {
        best = at;
      }
    }
    this.bind(pod, this.order[best].node.metadata.name!);
  }

  private bind(pod: Pod, node: string): void {
    const { namespace, name } = splitKey(keyOf(pod));
    try {
      const bound = this.api.bind(namespace!, name, node);
      this.infos.get(node)?.account(bound, 1);
      this.assumed.add(keyOf(pod));
      this.bound++;
      // About the pod as it was scheduled (the assumed pod), so its resourceVersion is the one before binding.
      this.recorder.eventf(
        pod,
        "Normal",
        "Scheduled",
        "Binding",
        `Successfully assigned ${namespace}/${name} to ${node}`,
      );
    } catch {
      // Deleted or bound by someone else meanwhile: the pod's next event tells the truth.
    }
  }

  private fail(pod: Pod, message: string): void {
    const { namespace, name } = splitKey(keyOf(pod));
    this.unschedulable.add(keyOf(pod));
    const prev = this.attempts.get(keyOf(pod));
    this.attempts.set(keyOf(pod), { count: (prev?.count ?? 0) + 1, at: this.api.loop.now() });
    const now = rfc3339(this.api.loop.now());
    const cond = pod.status?.conditions?.find((c) => c.type === "PodScheduled");
    if (!cond || cond.message !== message) {
      this.api.mutate<Pod>(
        "pods",
        namespace,
        name,
        (p) => {
          p.status ??= {};
          p.status.phase = "Pending";
          const conds = (p.status.conditions ?? []).filter((c) => c.type !== "PodScheduled");
          conds.push({
            type: "PodScheduled",
            status: "False",
            lastProbeTime: null,
            lastTransitionTime: now,
            reason: "Unschedulable",
            message,
          });
          p.status.conditions = conds;
          return true;
        },
        true,
      );
    }
    // About the pod as this attempt read it: after the condition first changes, later attempts refer to a
    // newer resourceVersion, so their events form a series of their own.
    this.recorder.eventf(pod, "Warning", "FailedScheduling", "Scheduling", message);
  }
}
