// The kubelet's volume manager for API-data volumes (configMap, secret, projected, downwardAPI): it
// writes each one under /var/lib/kubelet/pods/<uid>/volumes before the pod's sandbox is created, retries
// a failed SetUp with the reconciler's back-off, and rewrites the files when the objects change.
import type { Pod, Secret, Volume } from "../api/types.ts";
import { StatusError } from "../apiserver/errors.ts";
import type { ApiServer } from "../apiserver/server.ts";
import type { EventRecorder } from "../client/events.ts";
import type { FileTree } from "../node/filesystem.ts";
import type { Random } from "../util/random.ts";
import { writeAtomic, writeAtomicFresh } from "./atomic-writer.ts";
import type { PodRecord } from "./pod-state.ts";
import { apiVolumePath, podDir } from "./volume-mounts.ts";
import { type PayloadSources, volumePayload } from "./volume-payload.ts";

/** The first retry after a failed mount (nestedpendingoperations), doubling each time. */
export const MOUNT_RETRY_INITIAL_MS = 500;
/** The longest wait between mount retries: 2m2s. */
export const MOUNT_RETRY_MAX_MS = 122_000;
/** WaitForAttachAndMount gives up after 2m3s and SyncPod reports the volumes still unmounted. */
export const MOUNT_WAIT_TIMEOUT_MS = 123_000;
/** How often a running pod's volumes are refreshed: the kubelet's syncFrequency (1m) re-syncs each pod. */
export const VOLUME_RESYNC_MS = 60_000;

/** What the volume manager needs from its kubelet. */
export interface VolumeManagerHost {
  api: ApiServer;
  fs: FileTree;
  random: Random;
  recorder: EventRecorder;
  nodeName: string;
  nodeIP: string;
  /** Sync the pod again (its volumes became ready). */
  resync(rec: PodRecord): void;
  /** Whether the kubelet runs; a stopped kubelet mounts and refreshes nothing. */
  active(): boolean;
}

interface PodVolumes {
  ready: boolean;
  /** Names of the volumes whose SetUp has not succeeded yet, with their next back-off. */
  failing: Map<string, number>;
  cancels: Array<() => void>;
}

// The failing set of every ready pod, shared: attempt() never runs for a ready pod, so nothing writes it.
const NONE_FAILING = new Map<string, number>();

// tmpfs-backed plugins (secret, projected) show a sticky 1777 root; the disk-backed ones 0777.
function isTmpfs(v: Volume): boolean {
  return !!(v.secret || v.projected);
}

/** Mounts each pod's API-data volumes on one node. */
export class VolumeManager {
  private readonly h: VolumeManagerHost;
  private readonly pods = new Map<string, PodVolumes>();
  private readonly sources: PayloadSources;

  constructor(host: VolumeManagerHost) {
    this.h = host;
    const api = host.api;
    this.sources = {
      configMap: (ns, name) => api.tryGet("configmaps", ns, name),
      secret: (ns, name) => api.tryGet<Secret>("secrets", ns, name),
      token: (pod, exp, aud) => this.token(pod, exp, aud),
      nodeIP: host.nodeIP,
    };
  }

  /** Set up a pod's volumes once; true when all are in place and its containers may start. */
  ensure(rec: PodRecord): boolean {
    const known = this.pods.get(rec.uid);
    if (known) return known.ready;
    const st: PodVolumes = { ready: false, failing: new Map(), cancels: [] };
    this.pods.set(rec.uid, st);
    for (const v of rec.pod.spec.volumes ?? []) if (apiVolumePath(rec.uid, v)) st.failing.set(v.name, 0);
    this.attempt(rec, st);
    if (!st.ready) this.later(st, MOUNT_WAIT_TIMEOUT_MS, () => this.timedOut(rec, st));
    return st.ready;
  }

  /** Forget a pod that left the node: stop its timers and remove its directory. */
  forget(rec: PodRecord): void {
    const st = this.pods.get(rec.uid);
    for (const c of st?.cancels ?? []) c();
    this.pods.delete(rec.uid);
    this.h.fs.remove(podDir(rec.uid));
  }

  // A stopped kubelet does nothing; the work waits for the next tick after it is back.
  private later(st: PodVolumes, ms: number, fn: () => void): void {
    st.cancels.push(this.h.api.loop.schedule(ms, () => (this.h.active() ? fn() : this.later(st, ms, fn))));
  }

  // Try every volume still failing; each failure is a FailedMount event and a longer wait.
  private attempt(rec: PodRecord, st: PodVolumes): void {
    let retryIn = Number.POSITIVE_INFINITY;
    for (const v of rec.pod.spec.volumes ?? []) {
      const backoff = st.failing.get(v.name);
      if (backoff === undefined) continue;
      const error = this.setUp(rec.pod, v);
      if (!error) {
        st.failing.delete(v.name);
        continue;
      }
      this.h.recorder.record(
        rec.pod,
        "Warning",
        "FailedMount",
        `MountVolume.SetUp failed for volume "${v.name}" : ${error}`,
      );
      const next = backoff ? Math.min(backoff * 2, MOUNT_RETRY_MAX_MS) : MOUNT_RETRY_INITIAL_MS;
      st.failing.set(v.name, next);
      retryIn = Math.min(retryIn, next);
    }
    if (st.failing.size === 0) {
      st.failing = NONE_FAILING;
      st.ready = true;
      if ((rec.pod.spec.volumes ?? []).some(refreshable))
        this.later(st, VOLUME_RESYNC_MS, () => this.refresh(rec, st));
      return;
    }
    this.later(st, retryIn, () => {
      if (st.ready) return;
      this.attempt(rec, st);
      if (st.ready) this.h.resync(rec);
    });
  }

  private timedOut(rec: PodRecord, st: PodVolumes): void {
    if (st.ready || rec.pod.metadata.deletionTimestamp) return;
    const unmounted = [...st.failing.keys()].join(" ");
    this.h.recorder.record(
      rec.pod,
      "Warning",
      "FailedMount",
      `Unable to attach or mount volumes: unmounted volumes=[${unmounted}], unattached volumes=[], failed to process volumes=[]: context deadline exceeded`,
    );
    this.later(st, MOUNT_WAIT_TIMEOUT_MS, () => this.timedOut(rec, st));
  }

  // The periodic pod sync: rewrite volumes whose objects changed; a failure keeps the old files.
  private refresh(rec: PodRecord, st: PodVolumes): void {
    if (rec.pod.metadata.deletionTimestamp || rec.terminal) return;
    for (const v of rec.pod.spec.volumes ?? []) {
      if (!refreshable(v)) continue;
      const error = this.setUp(rec.pod, v);
      if (error)
        this.h.recorder.record(
          rec.pod,
          "Warning",
          "FailedMount",
          `MountVolume.SetUp failed for volume "${v.name}" : ${error}`,
        );
    }
    this.later(st, VOLUME_RESYNC_MS, () => this.refresh(rec, st));
  }

  // Write one volume's current payload; returns SetUp's error text, or undefined when it is in place.
  private setUp(pod: Pod, v: Volume): string | undefined {
    const dir = apiVolumePath(pod.metadata.uid ?? "", v)!;
    const r = volumePayload(pod, v, this.sources);
    if ("error" in r) return r.error;
    const fs = this.h.fs;
    const now = this.h.api.loop.now();
    if (!fs.exists(dir)) {
      fs.mkdirp(dir, now);
      const root = fs.lookup(dir);
      if (root.kind === "dir") {
        root.mode = isTmpfs(v) ? 0o1777 : 0o777;
        if (isTmpfs(v)) root.tmpfs = true;
      }
      // Most volumes are written once and never listed: their files are made when first read.
      writeAtomicFresh(fs, dir, r.files, now, this.h.random);
      return undefined;
    }
    writeAtomic(fs, dir, r.files, now, this.h.random);
    return undefined;
  }

  // TokenRequest as the kubelet's token manager makes it for a pod's projected token: bound to the pod.
  private token(pod: Pod, expirationSeconds: number, audience?: string): string | { error: string } {
    const ns = pod.metadata.namespace ?? "default";
    const name = pod.spec.serviceAccountName ?? "default";
    const request = {
      metadata: {},
      spec: {
        audiences: audience ? [audience] : null,
        expirationSeconds,
        boundObjectRef: { kind: "Pod", apiVersion: "v1", name: pod.metadata.name, uid: pod.metadata.uid },
      },
    };
    try {
      return this.h.api.createToken(ns, name, request, this.h.random).status?.token ?? "";
    } catch (e) {
      if (e instanceof StatusError) return { error: e.message };
      throw e;
    }
  }
}

// Volumes refreshed by the periodic sync. The admission-injected kube-api-access volume is left as first
// written: the model neither rotates tokens nor expects kube-root-ca.crt to change, and skipping it keeps
// ordinary pods free of a timer each.
function refreshable(v: Volume): boolean {
  if (v.name.startsWith("kube-api-access-")) return false;
  return !!(v.configMap || v.secret || v.projected || v.downwardAPI);
}
