import { describe, expect, it } from "vitest";
import type { KubeObject, Pod } from "../../sandbox/api/types.ts";
import { admitPod, applyDefaults, defaultPullPolicy } from "../../sandbox/apiserver/defaults/index.ts";

// Deep, untyped access to a defaulted body, for assertions only.
interface Loose {
  [key: string]: Loose;
}

function defaulted(plural: string, o: Record<string, unknown>): Loose {
  const copy = structuredClone(o) as KubeObject;
  applyDefaults(plural, copy);
  return copy as unknown as Loose;
}

describe("pod defaults", () => {
  it("fills the pod spec as kubectl get -o yaml shows it", () => {
    const p = defaulted("pods", {
      metadata: { name: "x" },
      spec: { containers: [{ name: "c", image: "nginx:1.25", ports: [{ containerPort: 80 }] }] },
    });
    expect(p.spec).toEqual({
      containers: [
        {
          name: "c",
          image: "nginx:1.25",
          ports: [{ containerPort: 80, protocol: "TCP" }],
          imagePullPolicy: "IfNotPresent",
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
          resources: {},
        },
      ],
      dnsPolicy: "ClusterFirst",
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      enableServiceLinks: true,
    });
  });
  it("pulls :latest and untagged images always", () => {
    expect(
      ["nginx", "nginx:latest", "registry.k8s.io/pause:3.10", "nginx@sha256:abc", "Nginx"].map(
        defaultPullPolicy,
      ),
    ).toEqual(["Always", "Always", "IfNotPresent", "IfNotPresent", "IfNotPresent"]);
  });
  it("copies limits into missing requests", () => {
    const p = defaulted("pods", {
      metadata: {},
      spec: { containers: [{ name: "c", image: "i", resources: { limits: { cpu: "1" } } }] },
    });
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: "1" }, requests: { cpu: "1" } });
  });
});

describe("pod admission", () => {
  it("adds the service account, token volume, default tolerations and priority", () => {
    const p = defaulted("pods", {
      metadata: { name: "x" },
      spec: { containers: [{ name: "c", image: "nginx" }] },
    }) as unknown as Pod;
    admitPod(p, { randomSuffix: () => "7xk2p" });
    expect(p.spec.serviceAccountName).toBe("default");
    expect(p.spec.serviceAccount).toBe("default");
    expect(p.spec.volumes?.[0].name).toBe("kube-api-access-7xk2p");
    expect(p.spec.containers[0].volumeMounts).toEqual([
      {
        mountPath: "/var/run/secrets/kubernetes.io/serviceaccount",
        name: "kube-api-access-7xk2p",
        readOnly: true,
      },
    ]);
    expect(p.spec.tolerations).toEqual([
      {
        effect: "NoExecute",
        key: "node.kubernetes.io/not-ready",
        operator: "Exists",
        tolerationSeconds: 300,
      },
      {
        effect: "NoExecute",
        key: "node.kubernetes.io/unreachable",
        operator: "Exists",
        tolerationSeconds: 300,
      },
    ]);
    expect([p.spec.priority, p.spec.preemptionPolicy]).toEqual([0, "PreemptLowerPriority"]);
  });
  it("skips the token volume when automount is off and tolerations already cover the taints", () => {
    const p = defaulted("pods", {
      metadata: { name: "x" },
      spec: {
        automountServiceAccountToken: false,
        tolerations: [{ operator: "Exists" }],
        containers: [{ name: "c", image: "i" }],
      },
    }) as unknown as Pod;
    admitPod(p, { randomSuffix: () => "aaaaa" });
    expect([p.spec.volumes, p.spec.tolerations]).toEqual([undefined, [{ operator: "Exists" }]]);
  });
});

describe("other defaults", () => {
  it("defaults a service", () => {
    expect(
      defaulted("services", { metadata: {}, spec: { type: "NodePort", ports: [{ port: 80 }] } }).spec,
    ).toEqual({
      type: "NodePort",
      ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
      sessionAffinity: "None",
      externalTrafficPolicy: "Cluster",
      internalTrafficPolicy: "Cluster",
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
    });
  });
  it("defaults a deployment and its template", () => {
    const d = defaulted("deployments", {
      metadata: {},
      spec: { template: { spec: { containers: [{ name: "c", image: "i" }] } } },
    });
    expect([
      d.spec.replicas,
      d.spec.strategy,
      d.spec.revisionHistoryLimit,
      d.spec.progressDeadlineSeconds,
    ]).toEqual([
      1,
      { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
      10,
      600,
    ]);
    expect(d.spec.template.metadata).toEqual({ creationTimestamp: null });
    expect(d.spec.template.spec.enableServiceLinks).toBe(undefined);
  });
  it("defaults a daemon set's update strategy", () => {
    const ds = defaulted("daemonsets", { metadata: {}, spec: {} });
    expect([ds.spec.updateStrategy, ds.spec.revisionHistoryLimit]).toEqual([
      { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      10,
    ]);
  });
  it("defaults a namespace", () => {
    expect(defaulted("namespaces", { metadata: { name: "dev" } })).toEqual({
      metadata: { name: "dev", labels: { "kubernetes.io/metadata.name": "dev" } },
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" },
    });
  });
  it("defaults a secret and folds stringData into data", () => {
    expect(defaulted("secrets", { metadata: {}, stringData: { password: "héllo" } })).toEqual({
      metadata: {},
      type: "Opaque",
      data: { password: "aMOpbGxv" },
    });
  });
});
