// Tables with no FIDELITY capture: goldens reviewed by hand against the printer rules (FIDELITY §1.3).
import { describe, expect, it } from "vitest";
import { lookupResource, type ResourceType } from "../../sandbox/api/resources.ts";
import type { KubeObject } from "../../sandbox/api/types.ts";
import {
  buildTable,
  objectRow,
  renderTable,
  type TableOptions,
  tableHeader,
  WatchTableWriter,
} from "../../sandbox/kubectl/printers/index.ts";
import { expectGolden } from "../support/golden.ts";
import {
  ago,
  appPods,
  clusterServices,
  freshNodes,
  kubeSystemPods,
  NOW,
  node,
  object,
  service,
} from "./fixtures.ts";

const rt = (name: string): ResourceType => lookupResource(name)!;
const render = (type: string, objects: KubeObject[], opts: Partial<TableOptions> = {}) =>
  renderTable(rt(type), objects, { now: NOW, ...opts });

describe("kubectl get --show-labels", () => {
  it("appends sorted k=v labels, or <none>", () => {
    expectGolden("printers/pods-show-labels.txt", render("pods", appPods(), { showLabels: true }));
  });

  it("works on nodes", () => {
    const nodes = [...freshNodes(), node("node02", 18, "172.30.3.2", true)];
    expectGolden("printers/nodes-show-labels.txt", render("nodes", nodes, { showLabels: true }));
  });
});

describe("kubectl get -L", () => {
  it("adds one column per label key, headed by its last path segment", () => {
    const text = render("pods", appPods(), { labelColumns: ["app", "app.kubernetes.io/name"] });
    expect(text.split("\n")[0]).toBe(
      "NAME                   READY   STATUS             RESTARTS      AGE     APP   NAME",
    );
  });
});

describe("kubectl get nodes (ready cluster)", () => {
  it("prints Ready nodes and SchedulingDisabled for a cordoned node", () => {
    const nodes = [
      node("controlplane", 3 * 86400, "172.30.1.2", true, true),
      node("node01", 3 * 86400, "172.30.2.2", true),
      node("node02", 3 * 86400, "172.30.3.2", true),
    ];
    nodes[2].spec.unschedulable = true;
    expectGolden("printers/nodes-ready.txt", render("nodes", nodes));
  });
});

describe("kubectl get svc (all types)", () => {
  it("prints LoadBalancer, ExternalName and headless services", () => {
    const svcs = [
      ...clusterServices(86400, 86400),
      service("default", "db", 120, {
        type: "ClusterIP",
        clusterIP: "None",
        clusterIPs: ["None"],
        selector: { app: "db" },
      }),
      service("default", "ext", 90, { type: "ExternalName", externalName: "example.com" }),
      service("default", "lb", 60, {
        type: "LoadBalancer",
        clusterIP: "10.96.100.1",
        ports: [{ port: 80, protocol: "TCP", nodePort: 31000 }],
        selector: { app: "web" },
      }),
    ];
    expectGolden("printers/services-types.txt", render("svc", svcs));
  });
});

describe("kubectl get endpoints (many addresses)", () => {
  it("shows at most 3 then + N more...", () => {
    const ep = object("v1", "Endpoints", "web", 30, {
      subsets: [
        {
          addresses: ["10.244.1.2", "10.244.1.3", "10.244.2.2", "10.244.2.3"].map((ip) => ({ ip })),
          ports: [{ port: 80, protocol: "TCP" }],
        },
      ],
    });
    const empty = object("v1", "Endpoints", "pending", 30);
    expectGolden("printers/endpoints-more.txt", render("endpoints", [empty, ep]));
  });
});

describe("kubectl get ds", () => {
  it("prints kube-proxy with its node selector, normal and wide", () => {
    const ds = object("apps/v1", "DaemonSet", "kube-proxy", 86400, {
      spec: {
        selector: { matchLabels: { "k8s-app": "kube-proxy" } },
        template: {
          spec: {
            containers: [{ name: "kube-proxy", image: "registry.k8s.io/kube-proxy:v1.32.4" }],
            nodeSelector: { "kubernetes.io/os": "linux" },
          },
        },
      },
      status: {
        desiredNumberScheduled: 3,
        currentNumberScheduled: 3,
        numberReady: 3,
        updatedNumberScheduled: 3,
        numberAvailable: 3,
        numberMisscheduled: 0,
      },
    });
    ds.metadata.namespace = "kube-system";
    expectGolden("printers/daemonsets-all-namespaces.txt", render("ds", [ds], { withNamespace: true }));
    expectGolden("printers/daemonsets-wide.txt", render("ds", [ds], { wide: true }));
  });
});

describe("kubectl get configmaps, secrets, serviceaccounts, leases", () => {
  it("prints DATA counts, secret types, SECRETS counts and lease holders", () => {
    const cm = [
      object("v1", "ConfigMap", "coredns", 86400, { data: { Corefile: ".:53 {}" } }),
      object("v1", "ConfigMap", "kube-root-ca.crt", 86400, { data: { "ca.crt": "x" } }),
      object("v1", "ConfigMap", "kubeadm-config", 86400, {
        data: { ClusterConfiguration: "x" },
        binaryData: { b: "eA==" },
      }),
    ];
    expectGolden("printers/configmaps.txt", render("cm", cm));
    const secrets = [
      object("v1", "Secret", "bootstrap-token-abcdef", 86400, {
        type: "bootstrap.kubernetes.io/token",
        data: { a: "", b: "", c: "" },
      }),
      object("v1", "Secret", "empty", 5, { type: "Opaque" }),
    ];
    expectGolden("printers/secrets.txt", render("secrets", secrets));
    expectGolden(
      "printers/serviceaccounts.txt",
      render("sa", [object("v1", "ServiceAccount", "default", 3600)]),
    );
    const leases = [
      object("coordination.k8s.io/v1", "Lease", "kube-controller-manager", 86400, {
        spec: { holderIdentity: "controlplane_5d5a1f2e-2c43-4a8e-9b8e-0c6b2f1d7a11" },
      }),
      object("coordination.k8s.io/v1", "Lease", "unheld", 60, { spec: {} }),
    ];
    expectGolden("printers/leases.txt", render("leases", leases));
  });
});

describe("kubectl get clusterroles and bindings", () => {
  it("prints NAME CREATED AT (RFC 3339) for roles, which have no server printer", () => {
    const roles = [
      object("rbac.authorization.k8s.io/v1", "ClusterRole", "admin", 86400),
      object("rbac.authorization.k8s.io/v1", "ClusterRole", "cluster-admin", 86400),
    ];
    expect(render("clusterroles", roles)).toBe(
      "NAME            CREATED AT\nadmin           2025-01-09T12:00:00Z\ncluster-admin   2025-01-09T12:00:00Z\n",
    );
    expectGolden("printers/clusterroles.txt", render("clusterroles", roles));
    const role = object("rbac.authorization.k8s.io/v1", "Role", "kubeadm:nodes-kubeadm-config", 86400);
    role.metadata.namespace = "kube-system";
    expectGolden("printers/roles-all-namespaces.txt", render("roles", [role], { withNamespace: true }));
  });

  it("prints NAME ROLE AGE for bindings, and USERS GROUPS SERVICEACCOUNTS with -o wide", () => {
    const crb = [
      object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "cluster-admin", 86400, {
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" },
        subjects: [{ kind: "Group", name: "system:masters" }],
      }),
      object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "system:kube-dns", 86400, {
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "system:kube-dns" },
        subjects: [{ kind: "ServiceAccount", name: "kube-dns", namespace: "kube-system" }],
      }),
    ];
    expectGolden("printers/clusterrolebindings.txt", render("clusterrolebindings", crb));
    expectGolden("printers/clusterrolebindings-wide.txt", render("clusterrolebindings", crb, { wide: true }));
  });
});

describe("kubectl get --sort-by", () => {
  it("orders rows by the JSONPath value", () => {
    const text = render("pods", kubeSystemPods(), { sortBy: ".metadata.creationTimestamp" });
    expect(
      text
        .split("\n")
        .slice(1, 4)
        .map((l) => l.split(" ")[0]),
    ).toEqual(["etcd-controlplane", "kube-apiserver-controlplane", "kube-controller-manager-controlplane"]);
  });

  it("fails when no object has the field", () => {
    expect(() => render("pods", appPods(), { sortBy: "{.spec.nope}" })).toThrow(
      'couldn\'t find any field with path "{.spec.nope}" in the list of objects',
    );
  });
});

describe("kubectl get -w --output-watch-events", () => {
  it("prepends an EVENT column and keeps widths across events", () => {
    const pods = rt("pods");
    const opts = { now: NOW };
    const w = new WatchTableWriter(tableHeader(pods, opts, true));
    const [nginx] = appPods();
    let out = w.write([objectRow(pods, nginx, opts, "ADDED")]);
    out += w.write([
      objectRow(
        pods,
        { ...nginx, metadata: { ...nginx.metadata, deletionTimestamp: ago(0) } },
        opts,
        "MODIFIED",
      ),
    ]);
    expectGolden("printers/pods-watch-events.txt", out);
  });
});

describe("table cells", () => {
  it("cut a multi-line cell at its first line break and add ...", () => {
    const ev = object("v1", "Event", "x", 5, {
      involvedObject: { kind: "Pod", name: "p" },
      message: "first line\nsecond line",
      type: "Warning",
      reason: "Failed",
      count: 2,
      lastTimestamp: ago(5),
      firstTimestamp: ago(9),
    });
    expect(render("events", [ev])).toContain("first line...");
  });

  it("take an events.k8s.io series' count and last time, and its reporter as the source", () => {
    const ev = object("v1", "Event", "big.181f3c5a2b3c4d5e", 300, {
      involvedObject: { kind: "Pod", name: "big" },
      message: "0/3 nodes are available.",
      type: "Warning",
      reason: "FailedScheduling",
      action: "Scheduling",
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      eventTime: "2025-01-10T11:55:00.123456Z",
      series: { count: 4, lastObservedTime: "2025-01-10T11:59:30.000000Z" },
      reportingComponent: "default-scheduler",
      reportingInstance: "default-scheduler-controlplane",
    });
    const [, row] = render("events", [ev], { wide: true }).split("\n");
    expect(row.split(/ {2,}/)).toEqual([
      "30s",
      "Warning",
      "FailedScheduling",
      "pod/big",
      "default-scheduler, default-scheduler-controlplane",
      "0/3 nodes are available.",
      "4m59s",
      "4",
      "big.181f3c5a2b3c4d5e",
    ]);
  });

  it("builds every column for the server Table, wide ones included", () => {
    const table = buildTable(rt("pods"), appPods(), NOW);
    expect(table.columnDefinitions.map((c) => `${c.name}:${c.priority}`)).toEqual([
      "Name:0",
      "Ready:0",
      "Status:0",
      "Restarts:0",
      "Age:0",
      "IP:1",
      "Node:1",
      "Nominated Node:1",
      "Readiness Gates:1",
    ]);
    expect(table.rows[1].cells).toEqual([
      "web-7d4b9c8f5d-x2x9z",
      "0/1",
      "CrashLoopBackOff",
      "3 (25s ago)",
      "2m10s",
      "10.244.2.3",
      "node02",
      "<none>",
      "<none>",
    ]);
  });
});
