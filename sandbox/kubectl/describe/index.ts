// kubectl describe: one front door that picks the describer kubectl v1.32 would use.

import { MIRROR_ANNOTATION } from "../../api/mirror-pod.ts";
import type {
  Binding,
  CronJob,
  Deployment,
  EndpointSlice,
  Event,
  Job,
  KubeObject,
  Lease,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  RoleObject,
  Service,
} from "../../api/types.ts";
import { describeCronJob, describeJob } from "./batch.ts";
import { type EventQuery, eventsFor } from "./events.ts";
import { describeGeneric } from "./generic.ts";
import { cmp } from "./multiline.ts";
import { describeNamespace } from "./namespace.ts";
import { describeNode } from "./node.ts";
import { describePod } from "./pod.ts";
import { describeBinding, describeRole } from "./rbac.ts";
import { describeService } from "./service.ts";
import { describeDeployment, describeReplicaSet } from "./workloads.ts";

/** What a describer needs beyond the object; each list may hold more than needed (it is filtered here). */
export interface DescribeRelated {
  /** Deployment: ReplicaSets in its namespace; ownership and the new/old split are worked out here. */
  replicaSets?: ReplicaSet[];
  /** ReplicaSet: pods in its namespace. Node: pods in all namespaces (non-terminated ones on it are kept). */
  pods?: Pod[];
  /** Service: EndpointSlices in its namespace (those labelled with its name are kept). */
  endpointSlices?: EndpointSlice[];
  /** Node: its Lease in kube-node-lease; null or absent prints kubectl's lookup-failure line. */
  lease?: Lease | null;
  /** Namespace: ResourceQuotas and LimitRanges in it. */
  resourceQuotas?: KubeObject[];
  limitRanges?: KubeObject[];
}

/** The inputs of describeObject: the clock, every event the caller has, and related objects. */
export interface DescribeContext {
  now: number;
  events: readonly Event[];
  related: DescribeRelated;
  /** `--show-events=false` leaves the Events section out. */
  showEvents?: boolean;
}

const byNamespacedName = (a: KubeObject, b: KubeObject) =>
  cmp(a.metadata.namespace ?? "", b.metadata.namespace ?? "") ||
  cmp(a.metadata.name ?? "", b.metadata.name ?? "");

/** Describe one object as `kubectl describe <plural> <name>` prints it (stdout text, ending in a newline). */
export function describeObject(plural: string, obj: KubeObject, ctx: DescribeContext): string {
  const { now, related } = ctx;
  const meta = obj.metadata;
  const ns = meta.namespace ?? "";
  const name = meta.name ?? "";
  const select = (q: Omit<EventQuery, "name" | "namespace">) =>
    ctx.showEvents === false ? null : eventsFor(ctx.events, { name, namespace: ns, ...q });
  const inNamespace = <T extends KubeObject>(list: T[] | undefined) =>
    (list ?? []).filter((o) => (o.metadata.namespace ?? "") === ns).sort(byNamespacedName);
  switch (plural) {
    case "pods":
      // kubectl clears the kind of a pod's event reference; mirror pods would use the mirror uid.
      return describePod(obj as Pod, select({ uid: meta.annotations?.[MIRROR_ANNOTATION] ?? meta.uid }), now);
    case "nodes": {
      const pods = (related.pods ?? [])
        .filter(
          (p) => p.spec.nodeName === name && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed",
        )
        .sort(byNamespacedName);
      // Controllers record node events by uid, the kubelet by name; kubectl asks for both.
      const events =
        ctx.showEvents === false
          ? null
          : [
              ...eventsFor(ctx.events, { name, namespace: "", kind: "Node", uid: meta.uid }),
              ...eventsFor(ctx.events, { name, namespace: "", kind: "Node", uid: name }),
            ];
      return describeNode(obj as Node, pods, related.lease ?? null, events, now);
    }
    case "deployments":
      return describeDeployment(
        obj as Deployment,
        inNamespace(related.replicaSets),
        select(ref(obj, "Deployment")),
        now,
      );
    case "replicasets":
      return describeReplicaSet(
        obj as ReplicaSet,
        inNamespace(related.pods),
        select(ref(obj, "ReplicaSet")),
        now,
      );
    case "jobs":
      return describeJob(obj as Job, select(ref(obj, "Job")), now);
    case "cronjobs":
      return describeCronJob(obj as CronJob, select(ref(obj, "CronJob")), now);
    case "services": {
      const slices = inNamespace(related.endpointSlices).filter(
        (s) => s.metadata.labels?.["kubernetes.io/service-name"] === name,
      );
      return describeService(obj as Service, slices, select(ref(obj, "Service")), now);
    }
    case "namespaces":
      return describeNamespace(obj as Namespace, related.resourceQuotas ?? [], related.limitRanges ?? []);
    case "roles":
    case "clusterroles":
      return describeRole(obj as RoleObject);
    case "rolebindings":
    case "clusterrolebindings":
      return describeBinding(obj as Binding);
    default:
      return describeGeneric(obj, select(ref(obj, obj.kind ?? "")), now);
  }
}

function ref(obj: KubeObject, kind: string): Omit<EventQuery, "name" | "namespace"> {
  return { kind, uid: obj.metadata.uid };
}
