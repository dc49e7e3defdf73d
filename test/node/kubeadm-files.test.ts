import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { expectGolden } from "../support/golden.ts";
import { bootMachine } from "./fixtures.ts";
import { sh } from "./node-helpers.ts";

const MANIFESTS = ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"];

describe("kubeadm files", () => {
  for (const name of MANIFESTS) {
    it(`writes /etc/kubernetes/manifests/${name}.yaml`, () => {
      const { m, clock } = bootMachine();
      expectGolden(
        `node/manifest-${name}.yaml`,
        sh(m, clock, `cat /etc/kubernetes/manifests/${name}.yaml`).stdout,
      );
    });
  }

  it("writes manifests that parse as control-plane static Pods", () => {
    const { m } = bootMachine();
    for (const name of MANIFESTS) {
      const pod = parse(m.fs.readFile(`/etc/kubernetes/manifests/${name}.yaml`));
      expect(pod).toMatchObject({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name, namespace: "kube-system", labels: { component: name, tier: "control-plane" } },
        spec: { hostNetwork: true, priorityClassName: "system-node-critical" },
      });
    }
  });

  it("writes only kubelet.conf and the CA on a worker", () => {
    const { m, clock } = bootMachine({ hostname: "node01", ip: "172.30.2.2", role: "worker" });
    expect(sh(m, clock, "ls /etc/kubernetes").stdout).toBe("kubelet.conf  manifests  pki\n");
    expect(sh(m, clock, "ls /etc/kubernetes/manifests").stdout).toBe("");
    expect(sh(m, clock, "ls /etc/kubernetes/pki").stdout).toBe("ca.crt\n");
  });

  it("lists the control-plane kubeconfigs", () => {
    const { m, clock } = bootMachine();
    expectGolden("node/ls-l-etc-kubernetes.txt", sh(m, clock, "ls -l /etc/kubernetes").stdout);
  });

  it("writes the KubeletConfiguration", () => {
    const { m } = bootMachine();
    const cfg = parse(m.fs.readFile("/var/lib/kubelet/config.yaml"));
    expect(cfg).toMatchObject({
      kind: "KubeletConfiguration",
      staticPodPath: "/etc/kubernetes/manifests",
      clusterDNS: ["10.96.0.10"],
      clusterDomain: "cluster.local",
      cgroupDriver: "systemd",
    });
  });

  it("starts with an empty /etc/cni/net.d", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "ls -a /etc/cni/net.d").stdout).toBe(".  ..\n");
  });

  it("reads os-release through its symlink", () => {
    const { m, clock } = bootMachine();
    expect(sh(m, clock, "cat /etc/os-release").stdout.split("\n")[0]).toBe(
      'PRETTY_NAME="Ubuntu 22.04.5 LTS"',
    );
  });
});
