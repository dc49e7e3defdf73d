import { describe, expect, it } from "vitest";
import { SocketTable } from "../../sandbox/node/sockets.ts";
import { lab } from "../network/support.ts";
import { expectGolden } from "../support/golden.ts";
import { bootMachine } from "./fixtures.ts";
import { sh } from "./node-helpers.ts";

const listener = (addr: string, port = 2379) => ({
  netns: 1,
  proto: "tcp" as const,
  port,
  pid: 7,
  addr,
  handler: () => "",
});

describe("socket table binds", () => {
  it("lets one port be bound on two different addresses", () => {
    const t = new SocketTable();
    t.listen(listener("127.0.0.1"));
    t.listen(listener("172.30.1.2"));
    expect(t.lookup(1, "tcp", 2379, "172.30.1.2")?.addr).toBe("172.30.1.2");
    expect(t.lookup(1, "tcp", 2379, "10.0.0.9")).toBeUndefined();
  });

  it("refuses a wildcard bind over a specific one, as bind() does", () => {
    const t = new SocketTable();
    t.listen(listener("127.0.0.1"));
    expect(() => t.listen(listener("0.0.0.0"))).toThrow(/address already in use/);
    expect(() => t.listen(listener("*"))).toThrow(/address already in use/);
  });

  it("keeps an IPv6-only wildcard beside an IPv4 one", () => {
    const t = new SocketTable();
    t.listen(listener("0.0.0.0", 22));
    t.listen(listener("[::]", 22));
    expect(t.lookup(1, "tcp", 22, "172.30.1.2")?.addr).toBe("0.0.0.0");
  });
});

describe("ss on a kubeadm control plane", () => {
  it("shows each component on the address its flags bind", () => {
    const l = lab();
    expectGolden("node/ss-tlnp-controlplane.txt", l.run("ssh controlplane ss -tlnp").stdout);
  });

  it("shows the kubelet, kube-proxy and containerd on a worker", () => {
    const l = lab();
    const out = l.run("ssh node01 ss -tln").stdout;
    for (const bind of ["127.0.0.1:10248", "*:10250", "127.0.0.1:10249", "*:10256", "0.0.0.0:22"])
      expect(out).toContain(` ${bind} `);
    expect(out).toMatch(/ 127\.0\.0\.1:(3[2-9]\d{3}|[4-5]\d{4}|60\d{3}) /);
  });

  it("lists CoreDNS's sockets inside its pod's network namespace", () => {
    const l = lab();
    const node = l.run(
      "kubectl get pods -n kube-system -l k8s-app=kube-dns -o jsonpath={.items[0].spec.nodeName}",
    ).stdout;
    const id = l.run(`ssh ${node} crictl pods --name coredns -q`).stdout.split("\n")[0];
    const pid = /"pid": (\d+)/.exec(l.run(`ssh ${node} crictl inspectp ${id}`).stdout)?.[1];
    const out = l.run(`ssh ${node} nsenter -t ${pid} -n ss -tulnp`).stdout;
    expect(out.replace(/pid=\d+/g, "pid=N")).toBe(
      [
        "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess",
        'udp   UNCONN 0      0                  *:53              *:*    users:(("coredns",pid=N,fd=3))',
        'tcp   LISTEN 0      4096               *:53              *:*    users:(("coredns",pid=N,fd=4))',
        'tcp   LISTEN 0      4096               *:8080            *:*    users:(("coredns",pid=N,fd=5))',
        'tcp   LISTEN 0      4096               *:8181            *:*    users:(("coredns",pid=N,fd=6))',
        'tcp   LISTEN 0      4096               *:9153            *:*    users:(("coredns",pid=N,fd=7))',
        "",
      ].join("\n"),
    );
  });

  it("reopens the kubelet's ports when the unit restarts", () => {
    const { m, clock } = bootMachine();
    sh(m, clock, "systemctl restart kubelet");
    const pid = m.systemd.mainProcess("kubelet")!.pid;
    expect(sh(m, clock, "ss -tlnp").stdout).toContain(
      `*:10250            *:*    users:(("kubelet",pid=${pid},`,
    );
  });
});

describe("connections to bound addresses", () => {
  it("refuses etcd's metrics port on the node IP but answers on loopback", () => {
    const l = lab();
    expect(l.run("ssh controlplane curl -sS http://172.30.1.2:2381/health")).toMatchObject({
      stdout: "",
      exitCode: 7,
    });
    expect(l.run("ssh controlplane curl -sS http://172.30.1.2:2381/health").stderr).toContain(
      "Connection refused",
    );
    expect(l.run("ssh controlplane curl -s http://127.0.0.1:2381/health").stdout).toBe(
      '{"health":"true","reason":""}',
    );
  });

  it("reaches etcd's client port on both of its addresses", () => {
    const l = lab();
    expect(l.run("ssh controlplane nc -zv 127.0.0.1 2379").exitCode).toBe(0);
    expect(l.run("ssh controlplane nc -zv 172.30.1.2 2379").exitCode).toBe(0);
  });

  it("keeps the controller manager and scheduler off the node IP", () => {
    const l = lab();
    expect(l.run("ssh controlplane curl -sk https://172.30.1.2:10257/healthz").exitCode).toBe(7);
    expect(l.run("ssh controlplane curl -sk https://127.0.0.1:10259/healthz").stdout).toBe("ok");
  });

  it("refuses the kubelet's healthz port from a pod but lets it reach the kubelet API", () => {
    const l = lab();
    l.run("kubectl run bb --image=busybox -- sleep 3600");
    l.run("sleep 20");
    expect(l.run("kubectl exec bb -- nc -zv -w 1 172.30.1.2 10248").stderr).toContain("Connection refused");
    expect(l.run("kubectl exec bb -- nc -zv -w 1 172.30.1.2 10250").exitCode).toBe(0);
  });

  it("answers an anonymous kubelet API request with 401", () => {
    const l = lab();
    expect(l.run("ssh node01 curl -sk https://127.0.0.1:10250/pods").stdout).toBe("Unauthorized");
    expect(l.run("ssh node01 curl -s http://127.0.0.1:10248/healthz").stdout).toBe("ok");
  });
});
