// The kubelet: registers its node, renews its lease, reports node status, runs the pods bound to it
// (including static pods from the manifest directory, mirrored into the API) and reports their status.

import { isMirrorPod } from "../api/mirror-pod.ts";
import type { Node, Pod, Service } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { EventRecorder } from "../client/events.ts";
import { Informer, keyOf } from "../client/informer.ts";
import { heartbeatLease } from "../client/lease-heartbeat.ts";
import type { Random } from "../util/random.ts";
import { rfc3339 } from "../util/time.ts";
import type { ContainerRuntime } from "./cri.ts";
import { type MachineFacts, nodeStatus, registrationObject, statusChanged } from "./node-status.ts";
import type { PodRecord } from "./pod-state.ts";
import { admit, type KubeletLog, type PodWorkerHost, sync } from "./pod-worker.ts";
import type { ProbeTransport } from "./probe-transport.ts";
import { FILE_CHECK_MS, type ManifestReader, StaticPodSource } from "./static-pod-source.ts";
import {
  adoptMirror,
  deleteNow,
  markRemoved,
  reconcileStaticPods,
  type StaticPodHost,
  wantsMirror,
} from "./static-pod-sync.ts";
import { StatusManager } from "./status-manager.ts";
import { VolumeManager } from "./volume-manager.ts";

/** Configuration of one kubelet. */
export interface KubeletConfig {
  api: ApiServer;
  runtime: ContainerRuntime;
  random: Random;
  machine: MachineFacts;
  /** The entries of /etc/kubernetes/manifests (name → YAML, null for a directory), undefined when it is missing. */
  staticManifests: ManifestReader;
  /** Have onChange called after each change in the manifest directory (inotify); returns the unwatch. */
  watchManifests?: (onChange: () => void) => () => void;
  /** Append a klog line to the kubelet's journal: the message, the source file:line, the severity. */
  journal: KubeletLog;
  nodeStatusUpdateMs?: number;
  nodeStatusReportMs?: number;
  leaseRenewMs?: number;
  /** How probes reach pods from this node (the network model's); without it only listening is checked. */
  probes?: ProbeTransport;
}

/** One node's kubelet. */
export class Kubelet {
  private readonly cfg: Required<Omit<KubeletConfig, "probes" | "watchManifests">> &
    Pick<KubeletConfig, "probes">;
  private readonly api: ApiServer;
  private readonly recorder: EventRecorder;
  private readonly pods: Informer<Pod>;
  private readonly records = new Map<string, PodRecord>();
  private readonly status: StatusManager;
  private timers: Array<() => void> = [];
  private lastReport = 0;
  private running = false;
  private readonly host: PodWorkerHost;
  private lastNetworkReady: boolean | undefined;
  private unchangedStatus: Node["status"];
  private unchangedReady = false;
  private readonly volumes?: VolumeManager;
  private readonly source: StaticPodSource;
  private readonly staticHost: StaticPodHost;
  private manifestEventQueued = false;

  constructor(cfg: KubeletConfig) {
    if (!cfg.api || !cfg.runtime || !cfg.machine?.name)
      throw new Error("Kubelet: api, runtime and machine are required");
    this.cfg = { nodeStatusUpdateMs: 10_000, nodeStatusReportMs: 300_000, leaseRenewMs: 10_000, ...cfg };
    this.api = cfg.api;
    this.recorder = new EventRecorder(cfg.api, { component: "kubelet", host: cfg.machine.name });
    this.pods = new Informer<Pod>(cfg.api, "pods", { fieldSelector: `spec.nodeName=${cfg.machine.name}` });
    this.pods.on({
      add: (p) => this.onPod(p),
      update: (_o, p) => this.onPod(p),
      delete: (p) => this.onPodGone(p),
    });
    this.status = new StatusManager(cfg.api, this.pods, this.records, cfg.machine.ip);
    this.host = {
      loop: cfg.api.loop,
      runtime: cfg.runtime,
      recorder: this.recorder,
      resync: (rec) => this.resync(rec),
      finished: (rec) => this.finished(rec),
      log: cfg.journal,
      nodeIP: cfg.machine.ip,
      services: (ns) => this.services(ns),
      probes: () => cfg.probes,
      active: () => this.running,
    };
    this.source = new StaticPodSource(cfg.staticManifests, cfg.journal);
    cfg.watchManifests?.(() => this.manifestsChanged());
    this.staticHost = {
      api: cfg.api,
      nodeName: cfg.machine.name,
      records: this.records,
      terminate: (rec) => this.resync(markRemoved(rec, this.api.loop.now())),
      journal: cfg.journal,
    };
    // Volume hook: API-data volumes need the node's filesystem, which a bare test runtime may not offer.
    const fs = cfg.runtime.nodeFs;
    if (fs) {
      const volumes = new VolumeManager({
        api: cfg.api,
        fs,
        random: cfg.random.fork("volumes"),
        recorder: this.recorder,
        nodeName: cfg.machine.name,
        nodeIP: cfg.machine.ip,
        resync: (rec) => this.resync(rec),
        active: () => this.running,
      });
      this.volumes = volumes;
      this.host.volumes = (rec) => volumes.ensure(rec);
    }
  }

  /** The node name. */
  get nodeName(): string {
    return this.cfg.machine.name;
  }

  /** Whether the kubelet process is running. */
  get isRunning(): boolean {
    return this.running;
  }

  /** Start: register the node (first time), start heartbeats, static pods and the pod watch. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const name = this.nodeName;
    this.cfg.journal(
      `"Kubelet version" kubeletVersion="${this.cfg.machine.kubeletVersion}"`,
      "server.go:484",
    );
    this.recorder.record(this.nodeRef(), "Normal", "Starting", "Starting kubelet.");
    // The status setters report each pressure condition as they first set it: once when the kubelet
    // builds its node object, and again on the status update that follows a fresh registration.
    const registering = !this.api.tryGet<Node>("nodes", undefined, name);
    for (let i = registering ? 2 : 1; i > 0; i--) this.recordConditionsSet();
    if (registering) {
      this.api.create("nodes", registrationObject(this.cfg.machine, this.cfg.random));
      this.cfg.journal(`"Successfully registered node" node="${name}"`, "kubelet_node_status.go:79");
    }
    this.recorder.record(
      this.nodeRef(),
      "Normal",
      "NodeAllocatableEnforced",
      "Updated Node Allocatable limit across pods",
    );
    this.updateNodeStatus(true);
    this.renewLease();
    this.every(this.cfg.nodeStatusUpdateMs, () => this.updateNodeStatus(false));
    this.every(this.cfg.leaseRenewMs, () => this.renewLease());
    // The file source lists the directory first: mirror pods the informer replays are checked against it.
    const wants = this.source.list();
    this.pods.start();
    reconcileStaticPods(this.staticHost, wants);
    this.every(FILE_CHECK_MS, () => reconcileStaticPods(this.staticHost, this.source.list()));
    for (const rec of this.records.values()) this.resync(rec);
  }

  /** Stop: heartbeats and pod syncing cease; containers keep running under containerd. */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    for (const t of this.timers) t();
    this.timers = [];
    this.pods.stop();
    // SIGTERM: the kubelet's last words are its controllers shutting down (systemd logs the rest).
    this.cfg.journal(
      `"Shutting down controller" name="client-ca-bundle::/etc/kubernetes/pki/ca.crt"`,
      "dynamic_cafile_content.go:175",
    );
  }

  /** The kubelet refers to its node by name, with the name as the uid too (kubectl describe looks for both). */
  private nodeRef(): Node {
    return {
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: this.nodeName, uid: this.nodeName },
      spec: {},
    } as Node;
  }

  private recordConditionsSet(): void {
    for (const state of ["NodeHasSufficientMemory", "NodeHasNoDiskPressure", "NodeHasSufficientPID"])
      this.recorder.record(this.nodeRef(), "Normal", state, `Node ${this.nodeName} status is now: ${state}`);
  }

  private every(ms: number, fn: () => void): void {
    const loop = this.api.loop;
    let cancel = () => {};
    const tick = () => {
      fn();
      cancel = loop.schedule(ms, tick);
    };
    cancel = loop.schedule(ms, tick);
    this.timers.push(() => cancel());
  }

  // Read at container start, as the kubelet's Service lister would be; `kubernetes` lives in default.
  private services(namespace: string): Service[] {
    const own = this.api.list<Service>("services", { namespace }).items;
    if (namespace === "default") return own;
    const master = this.api.tryGet<Service>("services", "default", "kubernetes");
    return master ? [...own, master] : own;
  }

  private updateNodeStatus(force: boolean): void {
    const now = this.api.loop.now();
    const node = this.api.tryGet<Node>("nodes", undefined, this.nodeName);
    if (!node) return;
    const ready = this.cfg.runtime.networkReady();
    if (ready !== this.lastNetworkReady) {
      if (!ready)
        this.cfg.journal(
          `"Container runtime network not ready" networkReady="NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized"`,
          "kubelet.go:2902",
          "E",
        );
      const wasReady = this.lastNetworkReady;
      this.lastNetworkReady = ready;
      if (ready && wasReady === false) for (const rec of this.records.values()) this.resync(rec);
    }
    const due = force || now - this.lastReport >= this.cfg.nodeStatusReportMs;
    // The status found unchanged last time, with the same readiness, would build the same again but
    // for heartbeat times: nothing to report until the report period is up.
    const seen = node.status !== undefined && node.status === this.unchangedStatus;
    if (!due && seen && ready === this.unchangedReady) return;
    const next = nodeStatus(this.cfg.machine, node.status, ready, now);
    if (!due && !statusChanged(node.status, next)) {
      this.unchangedStatus = node.status;
      this.unchangedReady = ready;
      return;
    }
    this.unchangedStatus = undefined;
    this.lastReport = now;
    // Only status is sent (a status update takes nothing else), so the rest need not be copied.
    const status: NonNullable<Node["status"]> = { ...next, images: node.status?.images };
    if (!status.images) delete status.images;
    const updated: Node = { ...node, status };
    this.api.updateStatus("nodes", updated, { handOff: true });
    // Like the kubelet's Ready setter: an event only when an existing condition changes status.
    const before = node.status?.conditions?.find((c) => c.type === "Ready")?.status;
    if (before !== undefined && before !== next.conditions!.at(-1)!.status) {
      this.recorder.record(
        this.nodeRef(),
        "Normal",
        ready ? "NodeReady" : "NodeNotReady",
        `Node ${this.nodeName} status is now: ${ready ? "NodeReady" : "NodeNotReady"}`,
      );
    }
  }

  // The node lease: created with an owner reference to the node, then only its renewTime moves (every 10 s).
  private renewLease(): void {
    const name = this.nodeName;
    heartbeatLease(this.api, "kube-node-lease", name, (renewTime) => {
      const node = this.api.tryGet<Node>("nodes", undefined, name);
      return {
        metadata: {
          name,
          namespace: "kube-node-lease",
          ...(node
            ? { ownerReferences: [{ apiVersion: "v1", kind: "Node", name, uid: node.metadata.uid! }] }
            : {}),
        },
        spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime },
      };
    });
  }

  /** Take in a change of the manifest directory at the next instant, as the inotify watch does. */
  manifestsChanged(): void {
    if (!this.running || this.manifestEventQueued) return;
    this.manifestEventQueued = true;
    this.api.loop.defer(() => {
      this.manifestEventQueued = false;
      if (this.running) reconcileStaticPods(this.staticHost, this.source.changed());
    });
  }

  private onPod(p: Pod): void {
    if (!this.running) return;
    let rec = this.records.get(p.metadata.uid!);
    // Deleting a mirror pod does not touch the static pod behind it: the kubelet removes the mirror at once
    // and posts a new one (new uid, new age), while the containers keep running.
    if (rec && isMirrorPod(p) && p.metadata.deletionTimestamp) {
      deleteNow(this.api, p);
      return;
    }
    if (!rec && isMirrorPod(p)) {
      rec = adoptMirror(this.records, this.api, p);
      if (rec) this.markDirty(rec);
      // A mirror whose manifest went or changed while the kubelet was stopped: deleted, not run.
      if (!rec && !wantsMirror(this.source.wants(), this.nodeName, p)) {
        deleteNow(this.api, p);
        return;
      }
    }
    if (!rec) {
      if (p.status?.phase === "Succeeded" || p.status?.phase === "Failed") return;
      rec = admit(p, keyOf(p), this.api.loop.now());
      this.records.set(rec.uid, rec);
      this.markDirty(rec);
    } else {
      rec.pod = p;
    }
    this.resync(rec);
  }

  private onPodGone(p: Pod): void {
    const rec = this.records.get(p.metadata.uid!);
    if (!rec) return;
    // A static pod outlives its mirror: only removing its manifest stops it.
    if (isMirrorPod(p)) {
      this.api.loop.defer(() => this.running && reconcileStaticPods(this.staticHost, this.source.wants()));
      return;
    }
    // Removed from the API without us (force delete): stop whatever still runs.
    rec.pod = {
      ...rec.pod,
      metadata: {
        ...rec.pod.metadata,
        deletionTimestamp: rfc3339(this.api.loop.now()),
        deletionGracePeriodSeconds: 0,
      },
    };
    rec.terminal = undefined;
    this.resync(rec);
  }

  private resync(rec: PodRecord): void {
    if (!this.running) return;
    sync(this.host, rec);
    this.markDirty(rec);
  }

  private markDirty(rec: PodRecord): void {
    this.status.markDirty(rec);
  }

  private finished(rec: PodRecord): void {
    this.volumes?.forget(rec);
    this.records.delete(rec.uid);
    this.status.forget(rec);
    const cur = this.api.tryGet<Pod>("pods", rec.pod.metadata.namespace, rec.pod.metadata.name!);
    if (cur && cur.metadata.uid === rec.uid) {
      try {
        this.api.delete("pods", cur.metadata.namespace, cur.metadata.name!, { gracePeriodSeconds: 0 });
      } catch {
        // Already gone.
      }
    }
    if (isMirrorPod(rec.pod))
      this.api.loop.defer(() => this.running && reconcileStaticPods(this.staticHost, this.source.wants()));
  }
}
