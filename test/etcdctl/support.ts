// A small etcd seeded as kube-apiserver would have written it, and a runner with kubeadm's TLS flags.
import { runEtcdctl } from "../../sandbox/etcd/etcdctl.ts";
import { Etcd } from "../../sandbox/etcd/store.ts";

export const TLS = [
  "--cacert=/etc/kubernetes/pki/etcd/ca.crt",
  "--cert=/etc/kubernetes/pki/etcd/server.crt",
  "--key=/etc/kubernetes/pki/etcd/server.key",
];
export const NOW = Date.UTC(2025, 0, 15, 10, 0, 0);

/** An etcd holding the default namespace, a node and a pod. */
export function seeded(): Etcd {
  const etcd = new Etcd();
  etcd.put("/registry/namespaces/default", {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: "default",
      uid: "6f2a1c3e-0b7d-4e59-9a41-2c8d7e5f1a03",
      resourceVersion: "2",
      creationTimestamp: "2025-01-15T09:58:02Z",
      labels: { "kubernetes.io/metadata.name": "default" },
    },
    spec: { finalizers: ["kubernetes"] },
    status: { phase: "Active" },
  });
  etcd.put("/registry/minions/node01", {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: "node01" },
    spec: { podCIDR: "10.244.1.0/24" },
  });
  etcd.put("/registry/pods/default/web", {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web", namespace: "default" },
    spec: {
      nodeName: "node01",
      containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }] }],
    },
    status: { phase: "Running", podIP: "10.244.1.2" },
  });
  return etcd;
}

/** Run etcdctl with virtual time that advances as the command waits. */
export function run(
  etcd: Etcd,
  argv: string[],
  opts: { tls?: boolean; env?: Record<string, string>; onWait?: () => void } = {},
) {
  let waited = 0;
  const ctx = {
    now: NOW,
    env: opts.env,
    write: () => {},
    waitUntil: (done: () => boolean, limitMs: number) => {
      waited += limitMs;
      opts.onWait?.();
      return done();
    },
  };
  const r = runEtcdctl(etcd, [...argv, ...(opts.tls === false ? [] : TLS)], ctx);
  return { ...r, waited };
}
