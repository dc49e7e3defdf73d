// The kubelet's status manager: pods whose record changed are marked dirty, and at the end of the
// instant each one's status is built and written if it differs from what the API holds.
import type { Pod } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import type { Informer } from "../client/informer.ts";
import { jsonEqual } from "../util/json-equal.ts";
import { buildStatus, conditionOf, ipList, type PodRecord } from "./pod-state.ts";
import { plainlyDiffers, sameStatusInputs, statusMemoOf } from "./status-memo.ts";

/** Batches one node's pod status writes: one write per changed pod per instant. */
export class StatusManager {
  private readonly api: ApiServer;
  private readonly pods: Informer<Pod>;
  private readonly records: ReadonlyMap<string, PodRecord>;
  private readonly hostIP: string;
  // Every pod status this kubelet writes names its node's address in the same frozen hostIPs list.
  private readonly hostIPs: { ip: string }[];
  // The records to look at, in the order first marked, in the first `size` slots; a record's `queued` says
  // it is there. The list keeps its room between instants (a Set cleared per instant made a new table each
  // time and grew it again).
  private readonly queue: Array<PodRecord | undefined> = [];
  private size = 0;
  private readonly flushNow = () => this.flush();
  private flushQueued = false;

  constructor(api: ApiServer, pods: Informer<Pod>, records: ReadonlyMap<string, PodRecord>, hostIP: string) {
    this.api = api;
    this.pods = pods;
    this.records = records;
    this.hostIP = hostIP;
    this.hostIPs = ipList(hostIP);
  }

  /** Have the record's status looked at once the current instant's work is done. */
  markDirty(rec: PodRecord): void {
    if (!rec.queued) {
      rec.queued = true;
      if (this.size < this.queue.length) this.queue[this.size] = rec;
      else this.queue.push(rec);
      this.size++;
    }
    if (this.flushQueued) return;
    this.flushQueued = true;
    this.api.loop.defer(this.flushNow);
  }

  /** Drop a record that left the node. */
  forget(rec: PodRecord): void {
    if (!rec.queued) return;
    rec.queued = false;
    const queue = this.queue;
    const at = queue.indexOf(rec);
    queue.copyWithin(at, at + 1, this.size);
    queue[--this.size] = undefined;
  }

  private flush(): void {
    this.flushQueued = false;
    const queue = this.queue;
    // Records marked while this runs are looked at too; one marked again after its turn waits for the
    // next instant's mark, as with the Set this replaces (it stays queued until the list is emptied).
    for (let i = 0; i < this.size; i++) this.flushOne(queue[i]!);
    for (let i = 0; i < this.size; i++) {
      queue[i]!.queued = false;
      queue[i] = undefined;
    }
    this.size = 0;
  }

  private flushOne(rec: PodRecord): void {
    if (rec.killing && !this.records.has(rec.uid)) return;
    const cur = this.pods.get(rec.key);
    if (!cur || cur.metadata.uid !== rec.uid) return;
    const memo = statusMemoOf(rec);
    // Same inputs as the status the API holds (stored statuses are never changed in place): nothing to do.
    if (sameStatusInputs(rec, memo) && cur.status !== undefined && cur.status === memo.matched) return;
    const scheduled = conditionOf(cur.status, "PodScheduled");
    const status = buildStatus(rec, this.hostIP, this.hostIPs, scheduled);
    if ((cur.status === undefined || !plainlyDiffers(status, cur.status)) && jsonEqual(status, cur.status)) {
      memo.matched = cur.status;
      return;
    }
    memo.matched = undefined;
    const next = { ...cur, status };
    try {
      this.api.updateStatus("pods", next, { handOff: true });
      memo.matched = status;
    } catch {
      // The pod was deleted meanwhile; its delete event cleans up.
    }
  }
}
