// Builders shared by the describe fixtures: the clock, pods and events.
import type { Event, Pod } from "../../sandbox/api/types.ts";

/** The clock every fixture is read against: 2025-05-21 21:00:00 UTC. */
export const NOW = Date.parse("2025-05-21T21:00:00Z");

/** Return the RFC 3339 timestamp `seconds` before NOW. */
export function ago(seconds: number): string {
  return new Date(NOW - seconds * 1000).toISOString().replace(".000Z", "Z");
}

const DEFAULT_TOLERATIONS = [
  {
    key: "node.kubernetes.io/not-ready",
    operator: "Exists" as const,
    effect: "NoExecute" as const,
    tolerationSeconds: 300,
  },
  {
    key: "node.kubernetes.io/unreachable",
    operator: "Exists" as const,
    effect: "NoExecute" as const,
    tolerationSeconds: 300,
  },
];

function apiAccessVolume(suffix: string) {
  return {
    name: `kube-api-access-${suffix}`,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
        { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
        {
          downwardAPI: {
            items: [{ path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } }],
          },
        },
      ],
    },
  };
}

/** Build a running pod with one container, scheduled and started `age` seconds ago. */
export function runningPod(opts: {
  name: string;
  namespace?: string;
  uid: string;
  node: string;
  hostIP: string;
  podIP: string;
  image: string;
  container?: string;
  labels?: Record<string, string>;
  owner?: { kind: string; name: string; uid: string; apiVersion: string };
  age: number;
  tokenSuffix: string;
  ports?: { containerPort: number; protocol: "TCP" }[];
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}): Pod {
  const start = ago(opts.age);
  const started = ago(opts.age - 2);
  const container = opts.container ?? "nginx";
  const resources = opts.requests || opts.limits ? { requests: opts.requests, limits: opts.limits } : {};
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: opts.name,
      namespace: opts.namespace ?? "default",
      uid: opts.uid,
      resourceVersion: "1234",
      creationTimestamp: start,
      labels: opts.labels,
      ownerReferences: opts.owner
        ? [{ ...opts.owner, controller: true, blockOwnerDeletion: true }]
        : undefined,
    },
    spec: {
      containers: [
        {
          name: container,
          image: opts.image,
          imagePullPolicy: "Always",
          ports: opts.ports,
          resources,
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
          volumeMounts: [
            {
              name: `kube-api-access-${opts.tokenSuffix}`,
              mountPath: "/var/run/secrets/kubernetes.io/serviceaccount",
              readOnly: true,
            },
          ],
        },
      ],
      dnsPolicy: "ClusterFirst",
      enableServiceLinks: true,
      nodeName: opts.node,
      preemptionPolicy: "PreemptLowerPriority",
      priority: 0,
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      serviceAccount: "default",
      serviceAccountName: "default",
      terminationGracePeriodSeconds: 30,
      tolerations: DEFAULT_TOLERATIONS,
      volumes: [apiAccessVolume(opts.tokenSuffix)],
    },
    status: {
      phase: "Running",
      conditions: [
        {
          type: "PodReadyToStartContainers",
          status: "True",
          lastProbeTime: null,
          lastTransitionTime: started,
        },
        { type: "Initialized", status: "True", lastProbeTime: null, lastTransitionTime: start },
        { type: "Ready", status: "True", lastProbeTime: null, lastTransitionTime: started },
        { type: "ContainersReady", status: "True", lastProbeTime: null, lastTransitionTime: started },
        { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: start },
      ],
      hostIP: opts.hostIP,
      hostIPs: [{ ip: opts.hostIP }],
      podIP: opts.podIP,
      podIPs: [{ ip: opts.podIP }],
      startTime: start,
      qosClass: resources.requests || resources.limits ? undefined : "BestEffort",
      containerStatuses: [
        {
          name: container,
          state: { running: { startedAt: started } },
          ready: true,
          restartCount: 0,
          image: `docker.io/library/${opts.image.includes(":") ? opts.image : `${opts.image}:latest`}`,
          imageID:
            "docker.io/library/nginx@sha256:fb197595ebe76b9c0c14ab68159fd3c08bd067ec62300583543f0ebda353b5be",
          containerID: `containerd://${opts.uid.replaceAll("-", "").padEnd(64, "0")}`,
          started: true,
        },
      ],
    },
  };
}

/** Build an event about `involved`, first seen `first` seconds ago. */
export function event(
  name: string,
  involved: Event["involvedObject"],
  type: "Normal" | "Warning",
  reason: string,
  message: string,
  component: string,
  first: number,
  last = first,
  count = 1,
): Event {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name, namespace: involved.namespace || "default", creationTimestamp: ago(first) },
    involvedObject: involved,
    reason,
    message,
    source: { component, host: component === "kubelet" ? "node01" : undefined },
    firstTimestamp: ago(first),
    lastTimestamp: ago(last),
    count,
    type,
    eventTime: null,
    reportingComponent: component,
    reportingInstance: component === "kubelet" ? "node01" : "",
  };
}
