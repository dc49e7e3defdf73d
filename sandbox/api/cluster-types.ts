// Nodes, namespaces, Services and endpoints, config, events, leases and Status, in the v1.32 JSON shape.
import type { Condition } from "./pod-types.ts";
import type { KubeObject, ObjectReference, StringMap, Taint } from "./types.ts";

export interface NodeSpec {
  podCIDR?: string;
  podCIDRs?: string[];
  taints?: Taint[];
  unschedulable?: boolean;
  providerID?: string;
}

export interface NodeStatus {
  capacity?: StringMap;
  allocatable?: StringMap;
  conditions?: Condition[];
  addresses?: { type: string; address: string }[];
  daemonEndpoints?: { kubeletEndpoint: { Port: number } };
  nodeInfo?: {
    machineID: string;
    systemUUID: string;
    bootID: string;
    kernelVersion: string;
    osImage: string;
    containerRuntimeVersion: string;
    kubeletVersion: string;
    kubeProxyVersion: string;
    operatingSystem: string;
    architecture: string;
  };
  images?: { names: string[]; sizeBytes: number }[];
}

export interface Node extends KubeObject {
  spec: NodeSpec;
  status?: NodeStatus;
}

export interface Namespace extends KubeObject {
  spec?: { finalizers?: string[] };
  status?: { phase?: "Active" | "Terminating"; conditions?: Condition[] };
}

export interface ServicePort {
  name?: string;
  protocol?: "TCP" | "UDP" | "SCTP";
  port: number;
  targetPort?: number | string;
  nodePort?: number;
  appProtocol?: string;
}

export interface ServiceSpec {
  type?: "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName";
  selector?: StringMap;
  ports?: ServicePort[];
  clusterIP?: string;
  clusterIPs?: string[];
  externalIPs?: string[];
  externalName?: string;
  sessionAffinity?: string;
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  internalTrafficPolicy?: string;
  externalTrafficPolicy?: string;
  publishNotReadyAddresses?: boolean;
}

export interface Service extends KubeObject {
  spec: ServiceSpec;
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: { kind: string; name: string; namespace?: string; uid?: string };
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol?: string;
}

export interface Endpoints extends KubeObject {
  subsets?: {
    addresses?: EndpointAddress[];
    notReadyAddresses?: EndpointAddress[];
    ports?: EndpointPort[];
  }[];
}

export interface EndpointSlice extends KubeObject {
  addressType: "IPv4" | "IPv6" | "FQDN";
  endpoints: {
    addresses: string[];
    conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
    hostname?: string;
    nodeName?: string;
    targetRef?: { kind: string; name: string; namespace?: string; uid?: string };
    zone?: string;
  }[];
  ports?: { name?: string; port?: number; protocol?: string; appProtocol?: string }[];
}

/** corev1.ComponentStatus (deprecated in v1.19+): a component's health, probed when it is read. */
export interface ComponentStatus extends KubeObject {
  conditions?: { type: string; status: "True" | "False" | "Unknown"; message?: string; error?: string }[];
}

export interface ConfigMap extends KubeObject {
  data?: StringMap;
  binaryData?: StringMap;
}

export interface Secret extends KubeObject {
  type?: string;
  data?: StringMap;
  stringData?: StringMap;
}

export interface ServiceAccount extends KubeObject {
  secrets?: { name: string }[];
}

export interface Event extends KubeObject {
  involvedObject: ObjectReference;
  reason?: string;
  message?: string;
  source?: { component?: string; host?: string };
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  count?: number;
  type?: "Normal" | "Warning";
  eventTime?: string | null;
  /** Set on events written through events.k8s.io/v1: what was being done (`Scheduling`, `Binding`). */
  action?: string;
  /** A repeated events.k8s.io/v1 event: how often it was observed, and when last. */
  series?: EventSeries;
  reportingComponent?: string;
  reportingInstance?: string;
}

/** core/v1 EventSeries: an event observed `count` times, the last at `lastObservedTime` (a MicroTime). */
export interface EventSeries {
  count?: number;
  lastObservedTime?: string;
}

export interface Lease extends KubeObject {
  spec: {
    holderIdentity?: string;
    leaseDurationSeconds?: number;
    renewTime?: string;
    acquireTime?: string;
    leaseTransitions?: number;
  };
}

/** metav1.Status, the body of every API error. */
export interface Status {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure" | "Success";
  message: string;
  reason?: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: { reason: string; message: string; field: string }[];
  };
  code: number;
}
