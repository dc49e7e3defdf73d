import { describe, expect, it } from "vitest";
import { lab, WEB_SETUP } from "./support.ts";

describe("traffic between pods and Services", () => {
  const l = lab();
  for (const line of WEB_SETUP) l.run(line);
  l.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: duo
spec:
  containers:
  - name: web
    image: nginx
  - name: sidecar
    image: busybox
    command: ["sleep", "3600"]
EOF`);
  l.run("sleep 20");

  it("reaches a Service by its short, namespaced and full names from another pod", () => {
    for (const name of ["web", "web.default", "web.default.svc.cluster.local"]) {
      const r = l.run(`kubectl exec client -- wget -qO- http://${name}`);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain("<title>Welcome to nginx!</title>");
    }
  });

  it("resolves the Service's ClusterIP with nslookup through CoreDNS", () => {
    const ip = l.service("web").spec.clusterIP;
    expect(l.run("kubectl exec client -- nslookup web").stdout).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n`,
    );
  });

  it("gives a pod the cluster's resolv.conf and a managed hosts file", () => {
    expect(l.run("kubectl exec client -- cat /etc/resolv.conf").stdout).toBe(
      "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n",
    );
    const ip = l.pods().find((p) => p.metadata.name === "client")?.status?.podIP;
    expect(l.run("kubectl exec client -- cat /etc/hosts").stdout).toContain(`${ip}\tclient\n`);
  });

  it("fails a name that does not exist as busybox wget does", () => {
    const r = l.run("kubectl exec client -- wget -qO- http://nope");
    expect(r.stderr).toBe("wget: bad address 'nope'\ncommand terminated with exit code 1\n");
  });

  it("refuses an executable the image does not ship with runc's message and exit code 126", () => {
    const r = l.run("kubectl exec client -- curl http://web");
    expect(r.exitCode).toBe(126);
    expect(r.stderr).toContain(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown\n',
    );
  });

  it("lets containers of one pod share localhost", () => {
    const r = l.run("kubectl exec duo -c sidecar -- wget -qO- http://localhost");
    expect(r.stdout).toContain("Welcome to nginx!");
  });

  it("refuses localhost in a neighbour pod where nothing listens", () => {
    const r = l.run("kubectl exec client -- wget -qO- http://localhost");
    expect(r.stderr).toContain("wget: can't connect to remote host (127.0.0.1): Connection refused\n");
  });

  it("shows one IP for both containers of a pod", () => {
    const a = l.run("kubectl exec duo -c sidecar -- ip addr show eth0").stdout;
    const ip = l.pods().find((p) => p.metadata.name === "duo")?.status?.podIP;
    expect(a).toContain(`inet ${ip}/24`);
    expect(l.run("kubectl exec duo -c sidecar -- hostname").stdout).toBe("duo\n");
  });

  it("crosses nodes through the VXLAN overlay", () => {
    const ips = l.pods("app=web").map((p) => p.status?.podIP);
    const remote = l
      .pods("app=web")
      .find((p) => p.spec.nodeName !== l.pods().find((x) => x.metadata.name === "client")?.spec.nodeName);
    expect(remote).toBeDefined();
    const out = l.run(`ssh node01 explain --from client http://${remote?.status?.podIP}`).stdout;
    expect(out).toContain("flannel.1 encapsulates in UDP");
    expect(out).toContain("=> HTTP 200 OK");
    expect(ips.length).toBe(2);
  });

  it("answers a NodePort on every node's IP", () => {
    l.run("kubectl expose deployment web --name=web-np --port=80 --type=NodePort");
    l.run("sleep 2");
    const port = l.service("web-np").spec.ports?.[0].nodePort;
    for (const ip of ["172.30.1.2", "172.30.2.2", "172.30.3.2"]) {
      const r = l.run(`ssh node02 curl -s -o /dev/null -w %{http_code} http://${ip}:${port}`);
      expect(r.stdout).toBe("200");
    }
  });

  it("returns every ready pod IP for a headless Service", () => {
    l.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: web-headless
spec:
  clusterIP: None
  selector:
    app: web
  ports:
  - port: 80
EOF`);
    l.run("sleep 2");
    const out = l.run("kubectl exec client -- nslookup web-headless").stdout;
    for (const p of l.pods("app=web")) expect(out).toContain(`Address: ${p.status?.podIP}\n`);
  });

  it("rejects connections to a Service without endpoints", () => {
    l.run("kubectl create service clusterip empty --tcp=80:80");
    l.run("sleep 2");
    const r = l.run("kubectl exec client -- wget -qO- http://empty");
    expect(r.stderr).toContain("Connection refused");
    expect(l.run("ssh node01 iptables-save -t filter").stdout).toContain(
      '"default/empty:80-80 has no endpoints"',
    );
  });

  it("fails the second container binding the same port with address already in use", () => {
    l.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: clash
spec:
  containers:
  - name: one
    image: nginx
  - name: two
    image: nginx
EOF`);
    l.run("sleep 40");
    expect(l.run("kubectl logs clash -c two").stdout).toContain(
      "nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n",
    );
    const two = l
      .pods()
      .find((p) => p.metadata.name === "clash")
      ?.status?.containerStatuses?.find((c) => c.name === "two");
    expect(two?.restartCount).toBeGreaterThan(0);
    expect(two?.lastState?.terminated?.exitCode).toBe(1);
  });
});
