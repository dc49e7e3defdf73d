import { describe, expect, it } from "vitest";
import type { Node, Pod } from "../../sandbox/api/types.ts";
import { lab } from "./support.ts";

const URL = "https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml";

describe("a cluster without a CNI", () => {
  const l = lab("no-cni");

  it("keeps every node NotReady with containerd's cni message", () => {
    const nodes = l.cluster.api.list<Node>("nodes").items;
    for (const n of nodes) {
      const ready = n.status?.conditions?.find((c) => c.type === "Ready");
      expect(ready?.status).toBe("False");
      expect(ready?.message).toBe(
        "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized",
      );
    }
  });

  it("keeps CoreDNS Pending on the not-ready taint", () => {
    const out = l.run("kubectl get events -n kube-system --field-selector reason=FailedScheduling").stdout;
    expect(out).toContain("node(s) had untolerated taint {node.kubernetes.io/not-ready: }");
    // The attempt after the last node joined joined the previous attempt's event series (whose note is the
    // first one): its message shows in the pod's condition.
    const dns = l.cluster.api.list<Pod>("pods", {
      namespace: "kube-system",
      labelSelector: "k8s-app=kube-dns",
    });
    for (const p of dns.items)
      expect(p.status?.conditions?.find((c) => c.type === "PodScheduled")?.message).toBe(
        "0/3 nodes are available: 3 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
      );
  });

  it("has no pod network on the nodes yet", () => {
    expect(l.run("ssh node01 ip route").stdout).not.toContain("10.244.");
    expect(l.run("ssh node01 ls /etc/cni/net.d").stdout).toBe("");
  });

  it("prints one line per object when flannel's manifest is applied by URL", () => {
    const r = l.run(`kubectl apply -f ${URL}`);
    expect(r.stdout).toBe(
      [
        "namespace/kube-flannel created",
        "serviceaccount/flannel created",
        "clusterrole.rbac.authorization.k8s.io/flannel created",
        "clusterrolebinding.rbac.authorization.k8s.io/flannel created",
        "configmap/kube-flannel-cfg created",
        "daemonset.apps/kube-flannel-ds created",
        "",
      ].join("\n"),
    );
  });

  it("brings the nodes Ready, a flannel pod on each node and CoreDNS Running", () => {
    l.run("sleep 60");
    expect(l.run("kubectl get nodes").stdout).not.toContain("NotReady");
    const flannel = l.cluster.api.list<Pod>("pods", { namespace: "kube-flannel" }).items;
    expect(flannel.map((p) => p.spec.nodeName).sort()).toEqual(["controlplane", "node01", "node02"]);
    expect(flannel.every((p) => p.status?.phase === "Running")).toBe(true);
    const dns = l.cluster.api.list<Pod>("pods", {
      namespace: "kube-system",
      labelSelector: "k8s-app=kube-dns",
    });
    expect(dns.items.map((p) => p.status?.phase)).toEqual(["Running", "Running"]);
    expect(dns.items.every((p) => p.status?.podIP?.startsWith("10.244."))).toBe(true);
  });

  it("lets install-cni copy the CNI config and flanneld write subnet.env from the podCIDR", () => {
    expect(l.run("ssh node01 cat /etc/cni/net.d/10-flannel.conflist").stdout).toContain('"type": "flannel"');
    expect(l.run("ssh node02 cat /run/flannel/subnet.env").stdout).toBe(
      "FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.2.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n",
    );
  });

  it("routes the other nodes' pod CIDRs through flannel.1", () => {
    const routes = l.run("ssh node01 ip route").stdout;
    expect(routes).toContain("10.244.0.0/24 via 10.244.0.0 dev flannel.1 onlink \n");
    expect(routes).toContain("10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink \n");
  });

  it("installs the manifest as a local file on every node", () => {
    expect(l.run("kubectl apply -f /root/kube-flannel.yml").stdout).toContain(
      "daemonset.apps/kube-flannel-ds unchanged",
    );
  });
});
