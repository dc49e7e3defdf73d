import { describe, expect, it } from "vitest";
import type { EndpointSlice, Endpoints, Event, Pod } from "../../sandbox/api/types.ts";
import { lab } from "./support.ts";

// Two agnhost pods behind a Service; the kubelet's probes to one of them are rejected on its node (an
// iptables rule in OUTPUT, which only the node's own connections cross), so that pod fails readiness while
// it keeps serving anyone who reaches it directly.
describe("a pod whose readiness fails drops out of Endpoints", () => {
  const l = lab();
  l.run(`kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: netexec
        image: registry.k8s.io/e2e-test-images/agnhost:2.53
        args: ["netexec", "--http-port=8080"]
        readinessProbe:
          httpGet:
            path: /healthz
            port: 8080
          periodSeconds: 5
EOF`);
  l.run("kubectl expose deployment web --port=80 --target-port=8080");
  l.run("kubectl run client --image=busybox -- sleep 3600");
  l.run("sleep 40");
  const [sick, well] = l.pods("app=web");
  const sickIP = sick.status?.podIP ?? "";
  const wellIP = well.status?.podIP ?? "";
  const both = l.run("kubectl get endpoints web").stdout;
  const block = `-d ${sickIP} -p tcp --dport 8080 -j REJECT`;
  l.run(`ssh ${sick.spec.nodeName} iptables -I OUTPUT ${block}`);
  l.run("sleep 20");
  const podNow = (name: string) => l.cluster.api.get<Pod>("pods", "default", name);

  it("lists both pods while both are ready", () => {
    const ips = [sickIP, wellIP].sort().map((ip) => `${ip}:8080`);
    expect(both).toMatch(new RegExp(`^web\\s+(${ips[0]},${ips[1]}|${ips[1]},${ips[0]})\\s`, "m"));
  });

  it("shows the failing pod as READY 0/1, still Running", () => {
    const out = l.run("kubectl get pods -l app=web").stdout;
    expect(out).toMatch(new RegExp(`^${sick.metadata.name}\\s+0/1\\s+Running\\s+0\\s`, "m"));
    expect(out).toMatch(new RegExp(`^${well.metadata.name}\\s+1/1\\s+Running\\s+0\\s`, "m"));
    expect(podNow(sick.metadata.name!).status?.conditions?.find((c) => c.type === "Ready")?.status).toBe(
      "False",
    );
  });

  it("records why, with the HTTP client's error", () => {
    const ev = l.cluster.api
      .list<Event>("events", { namespace: "default" })
      .items.filter((e) => e.involvedObject.name === sick.metadata.name && e.reason === "Unhealthy");
    expect(ev.map((e) => e.message)).toEqual([
      `Readiness probe failed: Get "http://${sickIP}:8080/healthz": dial tcp ${sickIP}:8080: connect: connection refused`,
    ]);
  });

  it("moves its address to notReadyAddresses in the Endpoints object", () => {
    const ep = l.cluster.api.get<Endpoints>("endpoints", "default", "web");
    expect(ep.subsets?.[0].addresses?.map((a) => a.ip)).toEqual([wellIP]);
    expect(ep.subsets?.[0].notReadyAddresses?.map((a) => a.ip)).toEqual([sickIP]);
    expect(l.run("kubectl get endpoints web").stdout).toMatch(new RegExp(`^web\\s+${wellIP}:8080\\s`, "m"));
  });

  it("marks it ready: false and serving: false in the EndpointSlice", () => {
    const slice = l.cluster.api.list<EndpointSlice>("endpointslices", {
      namespace: "default",
      labelSelector: "kubernetes.io/service-name=web",
    }).items[0];
    const byIP = new Map(slice.endpoints?.map((e) => [e.addresses[0], e.conditions]));
    expect(byIP.get(sickIP)).toEqual({ ready: false, serving: false, terminating: false });
    expect(byIP.get(wellIP)).toEqual({ ready: true, serving: true, terminating: false });
  });

  it("drops it from kube-proxy's rules on every node", () => {
    for (const node of ["controlplane", "node01", "node02"]) {
      const nat = l.run(`ssh ${node} iptables-save -t nat`).stdout;
      expect(nat).toContain(`"default/web -> ${wellIP}:8080"`);
      expect(nat).not.toContain(`${sickIP}:8080`);
    }
  });

  it("routes Service traffic only to the ready pod", () => {
    for (let i = 0; i < 8; i++) {
      const r = l.run("kubectl exec client -- wget -qO- http://web/hostname");
      expect(r.stdout).toBe(well.metadata.name);
    }
  });

  it("still answers on its own IP: readiness only steers Service traffic", () => {
    const r = l.run(`kubectl exec client -- wget -qO- http://${sickIP}:8080/hostname`);
    expect(r.stdout).toBe(sick.metadata.name);
  });

  it("returns to the Endpoints once its probe passes again", () => {
    l.run(`ssh ${sick.spec.nodeName} iptables -D OUTPUT ${block}`);
    l.run("sleep 10");
    const ep = l.cluster.api.get<Endpoints>("endpoints", "default", "web");
    expect(ep.subsets?.[0].addresses?.map((a) => a.ip).sort()).toEqual([sickIP, wellIP].sort());
    expect(ep.subsets?.[0].notReadyAddresses).toBeUndefined();
  });
});
