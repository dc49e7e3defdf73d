import { describe, it } from "vitest";
import { expectGolden } from "../support/golden.ts";
import { lab, WEB_SETUP } from "./support.ts";

describe("network command output", () => {
  const l = lab();
  for (const line of WEB_SETUP) l.run(line);
  l.run("kubectl expose deployment web --name=web-np --port=80 --type=NodePort");
  l.run("sleep 5");
  const client = l.pods().find((p) => p.metadata.name === "client")?.spec.nodeName ?? "node01";

  it("prints ip addr on a worker with flannel.1, cni0 and veths", () => {
    expectGolden("network/node-ip-addr.txt", l.run(`ssh ${client} ip addr`).stdout);
  });

  it("prints ip link and ip route on a worker", () => {
    expectGolden("network/node-ip-link.txt", l.run(`ssh ${client} ip link`).stdout);
    expectGolden("network/node-ip-route.txt", l.run(`ssh ${client} ip route`).stdout);
  });

  it("prints ip addr and ip route inside a pod", () => {
    expectGolden("network/pod-ip-addr.txt", l.run("kubectl exec client -- ip addr").stdout);
    expectGolden("network/pod-ip-route.txt", l.run("kubectl exec client -- ip route").stdout);
  });

  it("prints ip netns and lsns on a worker", () => {
    expectGolden("network/node-ip-netns.txt", l.run(`ssh ${client} ip netns`).stdout);
  });

  it("prints the nat table with -L -n", () => {
    expectGolden("network/nat-list-n.txt", l.run(`ssh ${client} iptables -t nat -L -n`).stdout);
  });

  it("prints KUBE-SERVICES without -n", () => {
    expectGolden(
      "network/nat-kube-services.txt",
      l.run(`ssh ${client} iptables -t nat -L KUBE-SERVICES`).stdout,
    );
  });

  it("prints iptables-save of a node", () => {
    expectGolden("network/iptables-save.txt", l.run(`ssh ${client} iptables-save`).stdout);
  });

  it("explains a connection from a pod to a Service by name", () => {
    expectGolden("network/explain-web.txt", l.run(`ssh ${client} explain --from client http://web`).stdout);
  });
});
