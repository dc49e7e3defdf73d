// Each table is checked character by character against a FIDELITY §1.5/§1.7 capture, then kept as a golden.
import { describe, expect, it } from "vitest";
import { lookupResource, type ResourceType } from "../../sandbox/api/resources.ts";
import type { KubeObject } from "../../sandbox/api/types.ts";
import { renderGroups, renderTable, type TableOptions } from "../../sandbox/kubectl/printers/index.ts";
import { expectGolden } from "../support/golden.ts";
import {
  apiserverEndpoints,
  appPods,
  clusterServices,
  corednsWorkloads,
  freshNodes,
  kubeSystemPods,
  NOW,
  namespace,
  nginxEvents,
  pod,
  webService,
} from "./fixtures.ts";

const rt = (name: string): ResourceType => lookupResource(name)!;
const render = (type: string, objects: KubeObject[], opts: Partial<TableOptions> = {}) =>
  renderTable(rt(type), objects, { now: NOW, ...opts });
const lines = (...l: string[]) => `${l.join("\n")}\n`;

function check(golden: string, actual: string, capture: string): void {
  expect(actual).toBe(capture);
  expectGolden(`printers/${golden}`, actual);
}

describe("kubectl get nodes", () => {
  it("prints the fresh-cluster capture", () => {
    check(
      "nodes.txt",
      render("nodes", freshNodes()),
      lines(
        "NAME           STATUS     ROLES           AGE   VERSION",
        "controlplane   NotReady   control-plane   45s   v1.32.4",
        "node01         NotReady   <none>          20s   v1.32.4",
      ),
    );
  });

  it("prints the -o wide capture", () => {
    check(
      "nodes-wide.txt",
      render("nodes", freshNodes(), { wide: true }),
      lines(
        "NAME           STATUS     ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME",
        "controlplane   NotReady   control-plane   45s   v1.32.4   172.30.1.2    <none>        Ubuntu 22.04.5 LTS   5.15.0-131-generic   containerd://1.7.24",
        "node01         NotReady   <none>          20s   v1.32.4   172.30.2.2    <none>        Ubuntu 22.04.5 LTS   5.15.0-131-generic   containerd://1.7.24",
      ),
    );
  });

  it("prints no NAMESPACE column with -A, nodes being cluster-scoped", () => {
    expect(render("nodes", freshNodes(), { withNamespace: true })).toBe(render("nodes", freshNodes()));
  });
});

describe("kubectl get pods", () => {
  it("prints the kube-system capture", () => {
    check(
      "pods-kube-system.txt",
      render("pods", kubeSystemPods()),
      lines(
        "NAME                                   READY   STATUS    RESTARTS   AGE",
        "coredns-668d6bf9bc-4xk9p               0/1     Pending   0          45s",
        "coredns-668d6bf9bc-tq7lm               0/1     Pending   0          45s",
        "etcd-controlplane                      1/1     Running   0          52s",
        "kube-apiserver-controlplane            1/1     Running   0          52s",
        "kube-controller-manager-controlplane   1/1     Running   0          52s",
        "kube-proxy-8wzrd                       1/1     Running   0          45s",
        "kube-proxy-b2n6v                       1/1     Running   0          20s",
        "kube-scheduler-controlplane            1/1     Running   0          52s",
      ),
    );
  });

  it("prints the -o wide capture rows", () => {
    const text = render("pods", kubeSystemPods(), { wide: true });
    const shown = text.split("\n").filter((l, i) => i < 3 || l.startsWith("kube-proxy-8wzrd"));
    expect(`${shown.join("\n")}\n`).toBe(
      lines(
        "NAME                                   READY   STATUS    RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES",
        "coredns-668d6bf9bc-4xk9p               0/1     Pending   0          45s   <none>       <none>         <none>           <none>",
        "coredns-668d6bf9bc-tq7lm               0/1     Pending   0          45s   <none>       <none>         <none>           <none>",
        "kube-proxy-8wzrd                       1/1     Running   0          45s   172.30.1.2   controlplane   <none>           <none>",
      ),
    );
    expectGolden("printers/pods-kube-system-wide.txt", text);
  });

  it("prints the -A capture with NAMESPACE first", () => {
    const coredns = pod("kube-system", "coredns-668d6bf9bc-abcde", 10 * 86400, {
      node: "node01",
      ip: "10.244.1.5",
    });
    check(
      "pods-all-namespaces.txt",
      render("pods", [...appPods(), coredns], { withNamespace: true }),
      lines(
        "NAMESPACE     NAME                       READY   STATUS             RESTARTS      AGE",
        "default       nginx                      1/1     Running            0             5m",
        "default       web-7d4b9c8f5d-x2x9z       0/1     CrashLoopBackOff   3 (25s ago)   2m10s",
        "kube-system   coredns-668d6bf9bc-abcde   1/1     Running            0             10d",
      ),
    );
  });

  it("prints the --no-headers capture, widths from data rows only", () => {
    check(
      "pods-no-headers.txt",
      render("pods", appPods(), { noHeaders: true }),
      lines(
        "nginx                  1/1   Running            0             5m",
        "web-7d4b9c8f5d-x2x9z   0/1   CrashLoopBackOff   3 (25s ago)   2m10s",
      ),
    );
  });
});

describe("kubectl get ns", () => {
  it("prints the capture", () => {
    const names = ["default", "kube-node-lease", "kube-public", "kube-system"];
    check(
      "namespaces.txt",
      render(
        "ns",
        names.map((n) => namespace(n, 60)),
      ),
      lines(
        "NAME              STATUS   AGE",
        "default           Active   60s",
        "kube-node-lease   Active   60s",
        "kube-public       Active   60s",
        "kube-system       Active   60s",
      ),
    );
  });
});

describe("kubectl get svc", () => {
  it("prints the -A capture", () => {
    check(
      "services-all-namespaces.txt",
      render("svc", clusterServices(60, 58), { withNamespace: true }),
      lines(
        "NAMESPACE     NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE",
        "default       kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP                  60s",
        "kube-system   kube-dns     ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   58s",
      ),
    );
  });

  it("prints the -o wide capture with SELECTOR", () => {
    check(
      "services-wide.txt",
      render("svc", [clusterServices(10 * 86400, 0)[0], webService(5)], { wide: true }),
      lines(
        "NAME         TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)        AGE   SELECTOR",
        "kubernetes   ClusterIP   10.96.0.1     <none>        443/TCP        10d   <none>",
        "web          NodePort    10.104.22.7   <none>        80:30080/TCP   5s    app=web",
      ),
    );
  });
});

describe("kubectl get deploy and rs", () => {
  const [deploy, rs] = corednsWorkloads();

  it("prints the deploy -A capture", () => {
    check(
      "deployments-all-namespaces.txt",
      render("deploy", [deploy], { withNamespace: true }),
      lines(
        "NAMESPACE     NAME      READY   UP-TO-DATE   AVAILABLE   AGE",
        "kube-system   coredns   0/2     2            0           58s",
      ),
    );
  });

  it("prints the deploy -A -o wide capture", () => {
    check(
      "deployments-all-namespaces-wide.txt",
      render("deploy", [deploy], { withNamespace: true, wide: true }),
      lines(
        "NAMESPACE     NAME      READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES                                    SELECTOR",
        "kube-system   coredns   0/2     2            0           58s   coredns      registry.k8s.io/coredns/coredns:v1.11.3   k8s-app=kube-dns",
      ),
    );
  });

  it("prints the rs -A capture", () => {
    check(
      "replicasets-all-namespaces.txt",
      render("rs", [rs], { withNamespace: true }),
      lines(
        "NAMESPACE     NAME                 DESIRED   CURRENT   READY   AGE",
        "kube-system   coredns-668d6bf9bc   2         2         0       45s",
      ),
    );
  });
});

describe("kubectl get endpoints and endpointslices", () => {
  const [ep, slice] = apiserverEndpoints(60);

  it("prints the endpoints capture", () => {
    check(
      "endpoints.txt",
      render("endpoints", [ep]),
      lines("NAME         ENDPOINTS         AGE", "kubernetes   172.30.1.2:6443   60s"),
    );
  });

  it("prints the endpointslices capture", () => {
    check(
      "endpointslices.txt",
      render("endpointslices", [slice]),
      lines(
        "NAME         ADDRESSTYPE   PORTS   ENDPOINTS    AGE",
        "kubernetes   IPv4          6443    172.30.1.2   60s",
      ),
    );
  });
});

describe("kubectl get events", () => {
  it("prints the capture", () => {
    check(
      "events.txt",
      render("events", nginxEvents()),
      lines(
        "LAST SEEN   TYPE     REASON      OBJECT      MESSAGE",
        "12s         Normal   Scheduled   pod/nginx   Successfully assigned default/nginx to node01",
        '11s         Normal   Pulling     pod/nginx   Pulling image "nginx"',
      ),
    );
  });

  it("prints the -o wide capture with interleaved columns", () => {
    check(
      "events-wide.txt",
      render("events", nginxEvents(), { wide: true }),
      lines(
        "LAST SEEN   TYPE     REASON      OBJECT      SUBOBJECT                SOURCE              MESSAGE                                         FIRST SEEN   COUNT   NAME",
        "12s         Normal   Scheduled   pod/nginx                            default-scheduler   Successfully assigned default/nginx to node01   12s          1       nginx.181f3c5a2b3c4d5e",
        '11s         Normal   Pulling     pod/nginx   spec.containers{nginx}   kubelet, node01     Pulling image "nginx"                           11s          1       nginx.181f3c5a3c4d5e6f',
      ),
    );
  });
});

describe("kubectl get pods,svc", () => {
  it("prints each kind with its own header and widths, one empty line between (FIDELITY §1.5)", () => {
    const kubernetes = clusterServices(10 * 86400, 0)[0];
    check(
      "groups-pods-services.txt",
      renderGroups(
        [
          { rt: rt("pods"), objects: appPods() },
          { rt: rt("services"), objects: [kubernetes, webService(5)] },
        ],
        { now: NOW, withKindPrefix: true },
      ),
      lines(
        "NAME                       READY   STATUS             RESTARTS      AGE",
        "pod/nginx                  1/1     Running            0             5m",
        "pod/web-7d4b9c8f5d-x2x9z   0/1     CrashLoopBackOff   3 (25s ago)   2m10s",
        "",
        "NAME                 TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)        AGE",
        "service/kubernetes   ClusterIP   10.96.0.1     <none>        443/TCP        10d",
        "service/web          NodePort    10.104.22.7   <none>        80:30080/TCP   5s",
      ),
    );
  });
});
