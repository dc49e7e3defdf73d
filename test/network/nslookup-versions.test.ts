import { describe, expect, it } from "vitest";
import type { EndpointSlice, Service } from "../../sandbox/api/types.ts";
import { answerPtr, reverseName } from "../../sandbox/network/dns.ts";
import { lab } from "./support.ts";

const head = "Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n";
const dashed = (ip: string) => ip.replace(/\./g, "-");

describe("nslookup of busybox 1.28 and of busybox 1.29+", () => {
  const l = lab();
  for (const line of [
    "kubectl create deployment web --image=nginx --replicas=2",
    "kubectl expose deployment web --port=80",
    "kubectl run old --image=busybox:1.28 -- sleep 3600",
    "kubectl run new --image=busybox:1.36 -- sleep 3600",
    "kubectl run lone --image=busybox -- sleep 3600",
    "sleep 30",
  ])
    l.run(line);
  const ipOf = (name: string) => l.pods().find((p) => p.metadata.name === name)?.status?.podIP ?? "";

  it("prints a Service's address with its PTR name in 1.28's format", () => {
    const ip = l.service("web").spec.clusterIP;
    const r = l.run("kubectl exec old -- nslookup web");
    expect(r.stdout).toBe(`${head}Name:      web\nAddress 1: ${ip} web.default.svc.cluster.local\n`);
    expect(r.exitCode).toBe(0);
  });

  it("prints kubernetes.default as the DNS debugging page shows it", () => {
    expect(l.run("kubectl exec old -- nslookup kubernetes.default").stdout).toBe(
      `${head}Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n`,
    );
  });

  it("names a Service's endpoint by its dashed IP under the Service", () => {
    const ip = l.pods("app=web")[0]?.status?.podIP ?? "";
    const name = `${dashed(ip)}.default.pod.cluster.local`;
    expect(l.run(`kubectl exec old -- nslookup ${name}`).stdout).toBe(
      `${head}Name:      ${name}\nAddress 1: ${ip} ${dashed(ip)}.web.default.svc.cluster.local\n`,
    );
  });

  it("shows only the address of a pod that backs no Service", () => {
    const ip = ipOf("lone");
    const name = `${dashed(ip)}.default.pod.cluster.local`;
    expect(l.run(`kubectl exec old -- nslookup ${name}`).stdout).toBe(
      `${head}Name:      ${name}\nAddress 1: ${ip}\n`,
    );
  });

  it("says it can't resolve a missing name and exits 1", () => {
    const r = l.run("kubectl exec old -- nslookup nope");
    expect(r.stdout).toBe(head);
    expect(r.stderr).toBe("nslookup: can't resolve 'nope'\ncommand terminated with exit code 1\n");
    expect(r.exitCode).toBe(1);
  });

  it("asks the server given as the second argument", () => {
    const ip = l.service("web").spec.clusterIP;
    expect(l.run("kubectl exec old -- nslookup web 10.96.0.10").stdout).toBe(
      `${head}Name:      web\nAddress 1: ${ip} web.default.svc.cluster.local\n`,
    );
  });

  it("prints a bare server address and can't resolve when the server does not answer", () => {
    const r = l.run("kubectl exec old -- nslookup web 10.96.0.99");
    expect(r.stdout).toBe("Server:    10.96.0.99\nAddress 1: 10.96.0.99\n\n");
    expect(r.stderr).toBe("nslookup: can't resolve 'web'\ncommand terminated with exit code 1\n");
  });

  it("keeps the rewritten nslookup's output in busybox 1.36", () => {
    const ip = l.service("web").spec.clusterIP;
    expect(l.run("kubectl exec new -- nslookup web").stdout).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n`,
    );
  });

  it("prints 1.28's nslookup usage for an option", () => {
    const r = l.run("kubectl exec old -- nslookup -type=a web");
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n\nQuery the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\ncommand terminated with exit code 1\n",
    );
  });

  it("prints each tag's own banner in its applets' usage", () => {
    expect(l.run("kubectl exec old -- ping").stderr).toMatch(
      /^BusyBox v1\.28\.4 \(2018-05-22 17:00:17 UTC\) multi-call binary\.\n\nUsage: ping /,
    );
    expect(l.run("kubectl exec new -- nc").stderr).toMatch(
      /^BusyBox v1\.36\.1 \(2023-05-18 22:34:17 UTC\) multi-call binary\.\n\nUsage: nc /,
    );
    expect(l.run("kubectl exec new -- nslookup").stderr).toMatch(
      /^BusyBox v1\.36\.1 \(2023-05-18 22:34:17 UTC\) multi-call binary\.\n\nUsage: nslookup \[-type/,
    );
    expect(l.run("kubectl exec old -- mkdir").stderr).toMatch(
      /^BusyBox v1\.28\.4 \(2018-05-22 17:00:17 UTC\) multi-call binary\.\n\nUsage: mkdir /,
    );
    expect(l.run("kubectl exec old -- ps -o").stderr).toMatch(
      /^ps: option requires an argument -- 'o'\nBusyBox v1\.28\.4 \(2018-05-22 17:00:17 UTC\) multi-call/,
    );
    expect(l.run("kubectl exec lone -- chmod 644").stderr).toMatch(
      /^BusyBox v1\.37\.0 \(2024-09-26 21:31:42 UTC\) multi-call binary\.\n\nUsage: chmod /,
    );
  });
});

describe("CoreDNS reverse lookups", () => {
  const svc = (name: string, clusterIP: string) =>
    ({ metadata: { name, namespace: "default" }, spec: { clusterIP } }) as Service;
  const slice = (service: string, ip: string, hostname?: string) =>
    ({
      metadata: {
        name: `${service}-x`,
        namespace: "default",
        labels: { "kubernetes.io/service-name": service },
      },
      addressType: "IPv4",
      endpoints: [{ addresses: [ip], conditions: { ready: true }, ...(hostname ? { hostname } : {}) }],
    }) as EndpointSlice;

  it("asks for the in-addr.arpa name of an address", () => {
    expect(reverseName("10.96.0.10")).toBe("10.0.96.10.in-addr.arpa");
  });

  it("names a ClusterIP by its Service before any endpoint", () => {
    expect(
      answerPtr("1.0.96.10.in-addr.arpa", [svc("kubernetes", "10.96.0.1")], [slice("x", "10.96.0.1")]),
    ).toEqual({ rcode: "NOERROR", names: ["kubernetes.default.svc.cluster.local"] });
  });

  it("names an endpoint by its hostname, and once per Service selecting it", () => {
    const slices = [slice("db", "10.244.1.7", "db-0"), slice("web", "10.244.1.7")];
    expect(answerPtr("7.1.244.10.in-addr.arpa", [], slices).names).toEqual([
      "10-244-1-7.web.default.svc.cluster.local",
      "db-0.db.default.svc.cluster.local",
    ]);
  });

  it("answers NXDOMAIN for an address nothing names", () => {
    expect(answerPtr("9.9.244.10.in-addr.arpa", [], [slice("web", "10.244.1.7")])).toEqual({
      rcode: "NXDOMAIN",
      names: [],
    });
  });
});
