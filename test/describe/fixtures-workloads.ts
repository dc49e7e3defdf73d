// Deployment web, its ReplicaSet, pods and events.
import type { Deployment, Event, Pod, PodTemplateSpec, ReplicaSet } from "../../sandbox/api/types.ts";
import { ago, event, runningPod } from "./fixtures-common.ts";

const WEB_UID = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
const WEB_RS_UID = "6f5e4d3c-2b1a-4098-a7b6-c5d4e3f2a1b0";

function webTemplate(withHash: boolean): PodTemplateSpec {
  const labels: Record<string, string> = withHash
    ? { app: "web", "pod-template-hash": "7d4b9c8f5d" }
    : { app: "web" };
  return {
    metadata: { labels },
    spec: {
      containers: [
        {
          name: "nginx",
          image: "nginx:1.27",
          imagePullPolicy: "IfNotPresent" as const,
          ports: [{ containerPort: 80, protocol: "TCP" as const }],
          resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { memory: "128Mi" } },
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
        },
      ],
      dnsPolicy: "ClusterFirst",
      restartPolicy: "Always" as const,
      schedulerName: "default-scheduler",
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    },
  };
}

/** Deployment web: 3 nginx replicas, all available. */
export function webDeployment(): Deployment {
  const created = ago(600);
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name: "web",
      namespace: "default",
      uid: WEB_UID,
      generation: 1,
      creationTimestamp: created,
      labels: { app: "web" },
      annotations: { "deployment.kubernetes.io/revision": "1" },
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: "web" } },
      template: webTemplate(false),
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: [
        {
          type: "Available",
          status: "True",
          reason: "MinimumReplicasAvailable",
          message: "Deployment has minimum availability.",
          lastTransitionTime: ago(590),
        },
        {
          type: "Progressing",
          status: "True",
          reason: "NewReplicaSetAvailable",
          message: 'ReplicaSet "web-7d4b9c8f5d" has successfully progressed.',
          lastTransitionTime: created,
        },
      ],
    },
  };
}

/** The ReplicaSet web-7d4b9c8f5d owned by deployment web. */
export function webReplicaSet(): ReplicaSet {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: "web-7d4b9c8f5d",
      namespace: "default",
      uid: WEB_RS_UID,
      creationTimestamp: ago(600),
      labels: { app: "web", "pod-template-hash": "7d4b9c8f5d" },
      annotations: {
        "deployment.kubernetes.io/desired-replicas": "3",
        "deployment.kubernetes.io/max-replicas": "4",
        "deployment.kubernetes.io/revision": "1",
      },
      ownerReferences: [
        {
          apiVersion: "apps/v1",
          kind: "Deployment",
          name: "web",
          uid: WEB_UID,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: "web", "pod-template-hash": "7d4b9c8f5d" } },
      template: webTemplate(true),
    },
    status: {
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    },
  };
}

/** The three pods of web-7d4b9c8f5d, two on node01 and one on node02. */
export function webPods(): Pod[] {
  const owner = { apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-7d4b9c8f5d", uid: WEB_RS_UID };
  const labels = { app: "web", "pod-template-hash": "7d4b9c8f5d" };
  const common = {
    image: "nginx:1.27",
    labels,
    owner,
    age: 600,
    ports: [{ containerPort: 80, protocol: "TCP" as const }],
  };
  const res = { requests: { cpu: "100m", memory: "64Mi" }, limits: { memory: "128Mi" } };
  return [
    runningPod({
      ...common,
      ...res,
      name: "web-7d4b9c8f5d-2xkqp",
      uid: "aa000000-0000-4000-8000-000000000001",
      node: "node01",
      hostIP: "172.30.2.2",
      podIP: "10.244.1.3",
      tokenSuffix: "m4n5b",
    }),
    runningPod({
      ...common,
      ...res,
      name: "web-7d4b9c8f5d-8fjw7",
      uid: "aa000000-0000-4000-8000-000000000002",
      node: "node02",
      hostIP: "172.30.2.3",
      podIP: "10.244.2.2",
      tokenSuffix: "q9r8s",
    }),
    runningPod({
      ...common,
      ...res,
      name: "web-7d4b9c8f5d-lz6tv",
      uid: "aa000000-0000-4000-8000-000000000003",
      node: "node01",
      hostIP: "172.30.2.2",
      podIP: "10.244.1.4",
      tokenSuffix: "t7u6v",
    }),
  ];
}

/** The deployment controller's and replica set controller's events for web. */
export function webEvents(): Event[] {
  const dep = { kind: "Deployment", namespace: "default", name: "web", uid: WEB_UID, apiVersion: "apps/v1" };
  const rs = {
    kind: "ReplicaSet",
    namespace: "default",
    name: "web-7d4b9c8f5d",
    uid: WEB_RS_UID,
    apiVersion: "apps/v1",
  };
  return [
    event(
      "web.1",
      dep,
      "Normal",
      "ScalingReplicaSet",
      "Scaled up replica set web-7d4b9c8f5d to 3",
      "deployment-controller",
      600,
    ),
    event(
      "web-7d4b9c8f5d.1",
      rs,
      "Normal",
      "SuccessfulCreate",
      "Created pod: web-7d4b9c8f5d-2xkqp",
      "replicaset-controller",
      600,
    ),
    event(
      "web-7d4b9c8f5d.2",
      rs,
      "Normal",
      "SuccessfulCreate",
      "Created pod: web-7d4b9c8f5d-8fjw7",
      "replicaset-controller",
      600,
    ),
    event(
      "web-7d4b9c8f5d.3",
      rs,
      "Normal",
      "SuccessfulCreate",
      "Created pod: web-7d4b9c8f5d-lz6tv",
      "replicaset-controller",
      600,
    ),
  ];
}
