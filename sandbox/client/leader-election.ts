// Leader election as kube-scheduler and kube-controller-manager run it (client-go's leaderelection with a
// Lease lock in kube-system): take the lease once it is free or has expired, then renew it every retry
// period for as long as the process runs. A stopped process stops renewing; its successor, a new identity,
// takes the lease over once it has expired, one leaseTransition later.
import type { Lease } from "../api/types.ts";
import type { ApiServer } from "../apiserver/server.ts";
import { microTime, parseTime } from "../util/time.ts";
import { writeLeaseSpec } from "./lease-heartbeat.ts";

// The defaults both components run with (--leader-elect-lease-duration 15s, --leader-elect-retry-period 2s).
const LEASE_DURATION_S = 15;
const RETRY_MS = 2_000;

/** One component's campaign for its lease `kube-system/<name>`. */
export class LeaderLease {
  private readonly api: ApiServer;
  private readonly name: string;
  private cancel: (() => void) | undefined;

  constructor(api: ApiServer, name: string) {
    this.api = api;
    this.name = name;
  }

  /**
   * Campaign as `identity` (`<host>_<uuid>`, new for each process) from now until stop; `log` gets the
   * process's leaderelection.go lines (klog, in the component's container log); `onStartedLeading` runs each
   * time the process becomes the leader (the component starts its work then).
   */
  start(
    identity: string,
    log: (where: string, message: string) => void,
    onStartedLeading?: () => void,
  ): void {
    this.stop();
    const lease = `kube-system/${this.name}`;
    log("leaderelection.go:257", `attempting to acquire leader lease ${lease}...`);
    let leader = false;
    const tick = () => {
      const held = this.tryAcquireOrRenew(identity);
      const started = held && !leader;
      leader = held;
      if (started) {
        log("leaderelection.go:271", `successfully acquired lease ${lease}`);
        onStartedLeading?.();
      }
      this.cancel = this.api.loop.schedule(RETRY_MS, tick);
    };
    tick();
  }

  /** Stop campaigning: the lease stays as last written and expires. */
  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  // Take or renew the lease; whether `identity` holds it now.
  private tryAcquireOrRenew(identity: string): boolean {
    const now = this.api.loop.now();
    const at = microTime(now);
    const cur = this.api.tryGet<Lease>("leases", "kube-system", this.name);
    if (!cur) {
      this.api.create<Lease>("leases", {
        apiVersion: "coordination.k8s.io/v1",
        kind: "Lease",
        metadata: { name: this.name, namespace: "kube-system" },
        spec: {
          acquireTime: at,
          holderIdentity: identity,
          leaseDurationSeconds: LEASE_DURATION_S,
          leaseTransitions: 0,
          renewTime: at,
        },
      });
      return true;
    }
    const spec = cur.spec;
    let next: Lease["spec"];
    if (spec.holderIdentity === identity) next = { ...spec, renewTime: at };
    else {
      const expires =
        parseTime(spec.renewTime ?? "") + (spec.leaseDurationSeconds ?? LEASE_DURATION_S) * 1000;
      if (spec.holderIdentity && expires > now) return false;
      next = {
        ...spec,
        acquireTime: at,
        holderIdentity: identity,
        leaseDurationSeconds: LEASE_DURATION_S,
        leaseTransitions: (spec.leaseTransitions ?? 0) + 1,
        renewTime: at,
      };
    }
    writeLeaseSpec(this.api, cur, next);
    return true;
  }
}
