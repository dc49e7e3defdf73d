import { describe, expect, it } from "vitest";
import { CLUSTER_CA_PEM, placeholderPem } from "../../sandbox/api/pki.ts";
import type { Binding, ConfigMap, Lease, ServiceAccount } from "../../sandbox/api/types.ts";
import { apiserverId } from "../../sandbox/apiserver/identity-lease.ts";
import { bootstrapPolicy } from "../../sandbox/apiserver/rbac/bootstrap/templates.ts";
import { runStartHooks } from "../../sandbox/apiserver/start-hooks.ts";
import { LeaderLease } from "../../sandbox/client/leader-election.ts";
import {
  CONTROLLER_ACCOUNTS,
  ensureControllerAccounts,
} from "../../sandbox/controllers/controller-accounts.ts";
import { createCluster } from "../../sandbox/index.ts";
import { microTime, rfc3339 } from "../../sandbox/util/time.ts";
import { makeHarness } from "../kubectl/harness.ts";

const cluster = createCluster();
const kubeSystem = <T>(plural: string) =>
  cluster.api.list<T & { metadata: { name?: string } }>(plural, { namespace: "kube-system" }).items;

describe("kube-system service accounts", () => {
  it("holds one account per running controller beside the addons' and the default one", () => {
    const names = kubeSystem<ServiceAccount>("serviceaccounts").map((s) => s.metadata.name);
    expect(names).toEqual([...CONTROLLER_ACCOUNTS, "coredns", "default", "kube-proxy"].sort());
    expect(names).not.toContain("service-controller");
    expect(names).not.toContain("route-controller");
  });

  it("names only accounts the bootstrap policy binds a controller role to", () => {
    const subjects = new Set(
      bootstrapPolicy()
        .filter(({ obj }) => /^system:controller:/.test((obj as Binding).roleRef?.name ?? ""))
        .flatMap(({ obj }) => (obj as Binding).subjects ?? [])
        .filter((s) => s.kind === "ServiceAccount" && s.namespace === "kube-system")
        .map((s) => s.name),
    );
    for (const name of CONTROLLER_ACCOUNTS) expect(subjects).toContain(name);
  });

  it("are created when the controller manager first takes its lease", () => {
    const lease = cluster.api.get<Lease>("leases", "kube-system", "kube-controller-manager");
    const acquired = lease.spec.acquireTime!.replace(/\.\d{6}Z$/, "Z");
    const sa = cluster.api.get<ServiceAccount>("serviceaccounts", "kube-system", "deployment-controller");
    expect(sa.metadata.creationTimestamp).toBe(acquired);
  });

  it("waits for leadership, then gets or creates each account", () => {
    const h = makeHarness({ nodes: false });
    const has = (n: string) => !!h.api.tryGet("serviceaccounts", "kube-system", n);
    const lease = new LeaderLease(h.api, "kube-controller-manager");
    let led = 0;
    lease.start(
      "controlplane_a",
      () => {},
      () => {
        led++;
        ensureControllerAccounts(h.api);
      },
    );
    h.loop.advance(10_000);
    expect(led).toBe(1);
    expect(CONTROLLER_ACCOUNTS.every(has)).toBe(true);
    h.api.delete("serviceaccounts", "kube-system", "job-controller");
    ensureControllerAccounts(h.api);
    expect(has("job-controller")).toBe(true);
  });
});

describe("kube-apiserver's start hooks", () => {
  it("write extension-apiserver-authentication with the client CA and the request-header settings", () => {
    const cm = cluster.api.get<ConfigMap>("configmaps", "kube-system", "extension-apiserver-authentication");
    expect(cm.data).toEqual({
      "client-ca-file": CLUSTER_CA_PEM,
      "requestheader-allowed-names": '["front-proxy-client"]',
      "requestheader-client-ca-file": placeholderPem("front-proxy-ca.crt"),
      "requestheader-extra-headers-prefix": '["X-Remote-Extra-"]',
      "requestheader-group-headers": '["X-Remote-Group"]',
      "requestheader-username-headers": '["X-Remote-User"]',
    });
    expect(cluster.readFile("controlplane", "/etc/kubernetes/pki/front-proxy-ca.crt")).toBe(
      cm.data!["requestheader-client-ca-file"],
    );
  });

  it("record the day legacy token tracking began as YYYY-MM-DD", () => {
    const cm = cluster.api.get<ConfigMap>(
      "configmaps",
      "kube-system",
      "kube-apiserver-legacy-service-account-token-tracking",
    );
    expect(cm.data).toEqual({ since: cm.metadata.creationTimestamp!.slice(0, 10) });
    expect(cm.data!.since).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it("derive the identity lease name from the host name as genericapiserver does", () => {
    // Checked against Python's hashlib/base64 over the same uint16-length-prefixed bytes.
    expect(apiserverId("controlplane")).toBe("apiserver-ivtlveyukuyrha5ia44unn7io4");
    expect(apiserverId("master-1")).toBe("apiserver-wj467rbl25eeviqacfhvg2yvnm");
  });

  it("hold the identity lease and renew it every 10 s", () => {
    const h = makeHarness({ nodes: false });
    const t0 = h.loop.now();
    const stop = runStartHooks(h.api, { hostname: "controlplane", uuid: "u-1" });
    const name = "apiserver-ivtlveyukuyrha5ia44unn7io4";
    const lease = () => h.api.get<Lease>("leases", "kube-system", name);
    expect(lease().metadata.labels).toEqual({
      "apiserver.kubernetes.io/identity": "kube-apiserver",
      "kubernetes.io/hostname": "controlplane",
    });
    expect(lease().spec).toEqual({
      holderIdentity: `${name}_u-1`,
      leaseDurationSeconds: 3600,
      renewTime: microTime(t0),
    });
    h.loop.advance(25_000);
    expect(lease().spec.renewTime).toBe(microTime(t0 + 20_000));
    stop();
    h.loop.advance(30_000);
    expect(lease().spec.renewTime).toBe(microTime(t0 + 20_000));
    expect(lease().metadata.creationTimestamp).toBe(rfc3339(t0));
  });

  it("show the lease in kubectl get lease -A with its holder", () => {
    const out = cluster.shell().run("kubectl get lease -A").stdout;
    expect(out).toMatch(
      /\nkube-system\s+apiserver-ivtlveyukuyrha5ia44unn7io4\s+apiserver-ivtlveyukuyrha5ia44unn7io4_[0-9a-f-]{36}\s+\d+m/,
    );
  });
});

describe("kubectl get componentstatuses", () => {
  it("warns that the API is deprecated and lists the three components healthy", () => {
    const r = createCluster().shell().run("kubectl get cs");
    expect(r.stderr).toBe("Warning: v1 ComponentStatus is deprecated in v1.19+\n");
    expect(r.stdout).toBe(
      [
        "NAME                 STATUS    MESSAGE   ERROR",
        "scheduler            Healthy   ok        ",
        "controller-manager   Healthy   ok        ",
        "etcd-0               Healthy   ok        ",
        "",
      ].join("\n"),
    );
  });

  it("reports a stopped scheduler Unhealthy with the probe's connection error", () => {
    const sh = createCluster().shell();
    sh.run("mv /etc/kubernetes/manifests/kube-scheduler.yaml /root/");
    sh.run("sleep 30");
    const out = sh.run("kubectl get componentstatuses").stdout;
    expect(out).toMatch(
      /\nscheduler\s+Unhealthy\s+Get "https:\/\/127\.0\.0\.1:10259\/healthz": dial tcp 127\.0\.0\.1:10259: connect: connection refused\s*\ncontroller-manager\s+Healthy\s+ok/,
    );
    sh.run("mv /root/kube-scheduler.yaml /etc/kubernetes/manifests/");
    sh.run("sleep 30");
    expect(sh.run("kubectl get cs scheduler").stdout).toMatch(/\nscheduler\s+Healthy\s+ok/);
  });

  it("prints the objects as the server builds them, with a null creationTimestamp", () => {
    const out = createCluster().shell().run("kubectl get cs etcd-0 -o yaml").stdout;
    expect(out).toBe(
      [
        "apiVersion: v1",
        "conditions:",
        "- message: ok",
        '  status: "True"',
        "  type: Healthy",
        "kind: ComponentStatus",
        "metadata:",
        "  creationTimestamp: null",
        "  name: etcd-0",
        "",
      ].join("\n"),
    );
  });

  it("is listed by api-resources, serves only get and list, and names unknown components", () => {
    const sh = createCluster().shell();
    expect(sh.run("kubectl api-resources").stdout).toMatch(
      /\ncomponentstatuses\s+cs\s+v1\s+false\s+ComponentStatus\n/,
    );
    expect(sh.run("kubectl delete cs scheduler").stderr).toBe(
      "Error from server (MethodNotAllowed): the server does not allow this method on the requested resource\n",
    );
    expect(sh.run("kubectl get cs nope").stderr).toMatch(/Error from server: Component not found: nope\n$/);
  });
});
