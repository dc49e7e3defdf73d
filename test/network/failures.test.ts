import { describe, expect, it } from "vitest";
import type { Endpoints, Node } from "../../sandbox/api/types.ts";
import { lab, WEB_SETUP } from "./support.ts";

describe("failures that teach", () => {
  it("gives recreated pods new IPs under the same ClusterIP", () => {
    const l = lab();
    for (const line of WEB_SETUP) l.run(line);
    const before = l.pods("app=web").map((p) => p.status?.podIP);
    const ip = l.service("web").spec.clusterIP;
    l.run("kubectl delete pod -l app=web");
    l.run("sleep 20");
    const after = l.pods("app=web").map((p) => p.status?.podIP);
    expect(after).toHaveLength(2);
    for (const a of after) expect(before).not.toContain(a);
    expect(l.service("web").spec.clusterIP).toBe(ip);
    expect(l.run("kubectl exec client -- wget -qO- http://web").stdout).toContain("Welcome to nginx!");
  });

  it("evicts a dead node's pods after the toleration period while the Service keeps answering", () => {
    const l = lab();
    for (const line of WEB_SETUP) l.run(line);
    const client = l.pods().find((p) => p.metadata.name === "client")?.spec.nodeName;
    const victim = client === "node01" ? "node02" : "node01";
    l.run(`ssh ${victim} systemctl stop kubelet`);
    l.run("sleep 30");
    const ready = () =>
      l.cluster.api.get<Node>("nodes", undefined, victim).status?.conditions?.find((c) => c.type === "Ready")
        ?.status;
    expect(ready()).toBe("True");
    l.run("sleep 30");
    expect(ready()).toBe("Unknown");
    expect(l.run("kubectl get nodes").stdout).toMatch(new RegExp(`${victim}\\s+NotReady`));
    l.run("sleep 300");
    const running = l.pods("app=web").filter((p) => !p.metadata.deletionTimestamp);
    expect(running).toHaveLength(2);
    expect(running.every((p) => p.spec.nodeName !== victim)).toBe(true);
    l.run("sleep 20");
    expect(l.run("kubectl exec client -- wget -qO- http://web").stdout).toContain("Welcome to nginx!");
  });

  it("counts a restart when a container is stopped with crictl", () => {
    const l = lab();
    for (const line of WEB_SETUP) l.run(line);
    const pod = l.pods("app=web")[0];
    const id = pod.status?.containerStatuses?.[0].containerID?.replace("containerd://", "").slice(0, 13);
    l.run(`ssh ${pod.spec.nodeName} crictl stop ${id}`);
    l.run("sleep 5");
    const again = l.pods("app=web").find((p) => p.metadata.name === pod.metadata.name);
    expect(again?.status?.containerStatuses?.[0].restartCount).toBe(1);
  });

  it("keeps a pod whose readiness probe fails out of the Endpoints", () => {
    const l = lab();
    for (const line of WEB_SETUP) l.run(line);
    l.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: unready
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx
    readinessProbe:
      tcpSocket:
        port: 8080
      periodSeconds: 5
EOF`);
    l.run("sleep 30");
    const ep = l.cluster.api.get<Endpoints>("endpoints", "default", "web");
    const ip = l.pods().find((p) => p.metadata.name === "unready")?.status?.podIP;
    expect(ep.subsets?.[0].addresses?.map((a) => a.ip)).not.toContain(ip);
    expect(ep.subsets?.[0].notReadyAddresses?.map((a) => a.ip)).toContain(ip);
    expect(l.run("ssh node01 iptables-save -t nat").stdout).not.toContain(`${ip}:80`);
  });

  it("leaves a node's rules stale once kube-proxy no longer runs there", () => {
    const l = lab();
    l.run("kubectl -n kube-system delete daemonset kube-proxy");
    l.run("sleep 40");
    l.run("kubectl create service clusterip late --tcp=80:80");
    l.run("sleep 5");
    const rules = l.run("ssh node01 iptables-save -t nat").stdout;
    expect(rules).toContain("default/kubernetes:https cluster IP");
    expect(rules).not.toContain("default/late");
  });
});
