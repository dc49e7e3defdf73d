// kube-controller-manager: one process running every controller over one set of shared informers.
import type { ApiServer } from "../apiserver/server.ts";
import { EventRecorder } from "../client/events.ts";
import { InformerFactory } from "../client/informer.ts";
import { ClusterRoleAggregationController } from "./clusterrole-aggregation.ts";
import { ensureControllerAccounts } from "./controller-accounts.ts";
import { CronJobController } from "./cronjob.ts";
import { DaemonSetController } from "./daemonset.ts";
import { DeploymentController } from "./deployment.ts";
import { EndpointsController } from "./endpoints.ts";
import { EndpointSliceController } from "./endpointslice.ts";
import { GarbageCollector } from "./garbage-collector.ts";
import { JobController } from "./job.ts";
import { NamespaceController } from "./namespace.ts";
import { NamespaceDefaultsController } from "./namespace-defaults.ts";
import { NodeIpamController } from "./node-ipam.ts";
import { NodeLifecycleController } from "./node-lifecycle.ts";
import { ReplicaSetController } from "./replicaset.ts";
import { ServiceMembership } from "./service-membership.ts";
import { TTLAfterFinishedController } from "./ttl-after-finished.ts";

/** Configuration of the controller manager (its command-line flags). */
export interface ControllerManagerConfig {
  api: ApiServer;
  clusterCIDR: string;
  nodeMonitorPeriodMs?: number;
  nodeMonitorGracePeriodMs?: number;
}

/** The running controllers. */
export class ControllerManager {
  private readonly api: ApiServer;
  readonly informers: InformerFactory;
  readonly nodeLifecycle: NodeLifecycleController;
  private running = false;

  constructor(cfg: ControllerManagerConfig) {
    const api = cfg.api;
    this.api = api;
    this.informers = new InformerFactory(api);
    const rec = (component: string) => new EventRecorder(api, { component });
    new ReplicaSetController(api, this.informers, rec("replicaset-controller"));
    new DeploymentController(api, this.informers, rec("deployment-controller"));
    new DaemonSetController(api, this.informers, rec("daemonset-controller"));
    new JobController(api, this.informers, rec("job-controller"));
    new CronJobController(api, this.informers, rec("cronjob-controller"));
    new TTLAfterFinishedController(api, this.informers);
    new NamespaceController(api, this.informers);
    new NamespaceDefaultsController(api, this.informers);
    new GarbageCollector(api, this.informers);
    new NodeIpamController(api, this.informers, cfg.clusterCIDR);
    new ClusterRoleAggregationController(api, this.informers);
    const members = new ServiceMembership(this.informers);
    new EndpointsController(api, this.informers, members);
    new EndpointSliceController(api, this.informers, members);
    this.nodeLifecycle = new NodeLifecycleController(api, this.informers, rec("node-controller"), {
      monitorPeriodMs: cfg.nodeMonitorPeriodMs ?? 5000,
      gracePeriodMs: cfg.nodeMonitorGracePeriodMs ?? 50000,
    });
  }

  /** Start the informers and periodic loops. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.informers.start();
    this.nodeLifecycle.start();
  }

  /**
   * The process has become the leader: its controllers start, each with a client of its own ServiceAccount.
   * Deviation: the model's controllers run from boot, not from this moment; only their accounts wait for it.
   */
  startLeading(): void {
    ensureControllerAccounts(this.api);
  }

  /** Stop everything (the static pod being removed, or the process killed). */
  stop(): void {
    this.running = false;
    this.informers.stop();
    this.nodeLifecycle.stop();
  }
}
