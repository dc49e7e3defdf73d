import { describe, expect, it } from "vitest";
import { createCluster } from "../../sandbox/index.ts";

function run(script: string, preset = "default") {
  const shell = createCluster({ preset }).shell();
  return shell.runScript(script);
}

describe("a pod's life", () => {
  it("goes from ContainerCreating to Running on a worker", () => {
    const [, first, , second] = run(
      "kubectl run web --image=nginx\nkubectl get pod web\nsleep 20\nkubectl get pod web -o wide",
    );
    expect(first.stdout).toMatch(
      /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb\s+0\/1\s+(Pending|ContainerCreating)\s+0\s+0s\n$/,
    );
    expect(second.stdout).toMatch(/web\s+1\/1\s+Running\s+0\s+20s\s+10\.244\.[12]\.\d+\s+node0[12]\s/);
  });

  it("shows the pod's processes on its node", () => {
    const out = run(
      "kubectl run web --image=nginx\nsleep 20\nkubectl get pod web -o jsonpath={.spec.nodeName}",
    );
    const node = out[2].stdout.trim();
    const ps = createCluster().shell();
    ps.run("kubectl run web --image=nginx");
    ps.run("sleep 20");
    expect(ps.run(`ssh ${node} ps -ef`).stdout).toMatch(/nginx: master process/);
  });
});

describe("deployments", () => {
  it("rolls out, scales and reports status", () => {
    const out = run(
      "kubectl create deployment web --image=nginx --replicas=3\nsleep 30\nkubectl get deploy web\nkubectl scale deploy web --replicas=5\nsleep 30\nkubectl get deploy web\nkubectl get rs",
    );
    expect(out[2].stdout).toMatch(/web\s+3\/3\s+3\s+3\s+30s/);
    expect(out[3].stdout).toBe("deployment.apps/web scaled\n");
    expect(out[5].stdout).toMatch(/web\s+5\/5\s+5\s+5\s+60s/);
    expect(out[6].stdout).toMatch(/web-[4-9bcdf]{9,10}\s+5\s+5\s+5\s/);
  });

  it("replaces every pod on a new template and keeps the old ReplicaSet at zero", () => {
    const out = run(
      "kubectl create deployment web --image=nginx:1.27 --replicas=2\nsleep 30\nkubectl rollout restart deploy/web\nsleep 60\nkubectl get rs --no-headers\nkubectl rollout history deploy/web",
    );
    const rs = out[4].stdout.trim().split("\n");
    expect(rs).toHaveLength(2);
    expect(rs.some((l) => /\s0\s+0\s+0\s/.test(l))).toBe(true);
    expect(out[5].stdout).toMatch(/REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>/);
  });

  // The deployment's ScalingReplicaSet events, oldest first, as "up|down NAME FROM TO".
  const scalings = (sh: ReturnType<ReturnType<typeof createCluster>["shell"]>) =>
    sh
      .run("kubectl get events --field-selector reason=ScalingReplicaSet -o jsonpath={.items[*].message}")
      .stdout.split(/(?=Scaled )/)
      .map((m) =>
        m.trim().replace(/^Scaled (up|down) replica set (\S+) from (\d+) to (\d+)$/, "$1 $2 $3 $4"),
      );

  it("makes a rolling update's new ReplicaSet already at its surge, with one event per scaling", () => {
    const sh = createCluster().shell();
    sh.run("kubectl create deployment web --image=nginx:1.27 --replicas=4");
    sh.run("sleep 30");
    sh.run("kubectl set image deploy/web nginx=nginx:1.28");
    sh.run("sleep 60");
    const [first, ...rest] = scalings(sh);
    const oldRS = first.split(" ")[1];
    expect(first).toBe(`up ${oldRS} 0 4`);
    // 25% surge of 4 is 1: the new ReplicaSet is created at 1 (the controller's NewRSNewReplicas), so no
    // "from 0 to 0" event is ever recorded.
    const newRS = rest[0].split(" ")[1];
    expect(rest[0]).toBe(`up ${newRS} 0 1`);
    expect(rest.every((e) => !/ (\d+) \1$/.test(e))).toBe(true);
    expect(rest.at(-1)).toMatch(new RegExp(`^(down ${oldRS} 1 0|up ${newRS} 3 4)$`));
  });

  it("makes a Recreate rollout's new ReplicaSet only once the old pods are gone", () => {
    const sh = createCluster().shell();
    sh.run("kubectl create deployment web --image=nginx:1.27 --replicas=2");
    sh.run(`kubectl patch deploy web -p '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}'`);
    sh.run("sleep 30");
    sh.run("kubectl set image deploy/web nginx=nginx:1.28");
    expect(sh.run("kubectl get rs --no-headers").stdout.trim().split("\n")).toHaveLength(1);
    sh.run("sleep 60");
    const events = scalings(sh);
    const [oldRS, newRS] = [events[0].split(" ")[1], events[2].split(" ")[1]];
    expect(events).toEqual([`up ${oldRS} 0 2`, `down ${oldRS} 2 0`, `up ${newRS} 0 2`]);
  });
});

describe("scheduling a replacement", () => {
  it("puts it where a deleted replica is still terminating, since spreading skips terminating pods", () => {
    for (const victim of [0, 1]) {
      const sh = createCluster().shell();
      sh.run("kubectl create deployment web --image=nginx --replicas=2");
      sh.run("sleep 10");
      const before = sh.run("kubectl get pods -o wide --no-headers").stdout.trim().split("\n");
      const [name, , , , , , node] = before[victim].split(/\s+/);
      sh.run(`kubectl delete pod ${name} --wait=false`);
      sh.run("sleep 3");
      const nodes = sh.run("kubectl get pods -o jsonpath={.items[*].spec.nodeName}").stdout.split(" ").sort();
      expect(nodes).toEqual(["node01", "node02"]);
      expect(sh.run(`kubectl get pods -o wide --no-headers`).stdout).not.toContain(name);
      expect(node).toMatch(/^node0[12]$/);
    }
  });
});

describe("cascading deletes", () => {
  it("removes a deployment's ReplicaSets and pods", () => {
    const out = run(
      "kubectl create deployment web --image=nginx --replicas=2\nsleep 30\nkubectl delete deploy web\nsleep 40\nkubectl get rs,pods",
    );
    expect(out[2].stdout).toBe('deployment.apps "web" deleted\n');
    expect(out[4].stderr).toBe("No resources found in default namespace.\n");
  });
});

describe("node lifecycle", () => {
  it("takes a node NotReady when its kubelet stops, because heartbeats stop", () => {
    const out = run(
      "ssh node01 systemctl stop kubelet\nsleep 60\nkubectl get nodes\nkubectl describe node node01 | grep Taints -A1",
    );
    expect(out[1].stdout).toBe("");
    expect(out[2].stdout).toMatch(/node01\s+NotReady\s+<none>/);
    expect(out[3].stdout).toMatch(/node\.kubernetes\.io\/unreachable:NoExecute/);
  });

  it("keeps a fresh kubeadm cluster NotReady until a CNI is installed", () => {
    const out = run("kubectl get nodes\nkubectl get pods -n kube-system -l k8s-app=kube-dns", "no-cni");
    expect(out[0].stdout).toMatch(/controlplane\s+NotReady\s+control-plane/);
    expect(out[1].stdout).toMatch(/coredns-\S+\s+0\/1\s+Pending/);
  });
});

describe("etcd", () => {
  it("shows keys appearing as objects are created", () => {
    const certs =
      "--cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key";
    const out = run(`kubectl create ns dev\netcdctl ${certs} get /registry/namespaces --prefix --keys-only`);
    expect(out[1].stdout).toContain("/registry/namespaces/dev\n");
  });
});

describe("determinism", () => {
  it("gives identical transcripts for the same script", () => {
    const script =
      "kubectl create deployment web --image=nginx --replicas=3\nsleep 15\nkubectl get pods -o wide\nkubectl get events\nssh node02 crictl ps";
    expect(JSON.stringify(run(script))).toBe(JSON.stringify(run(script)));
  });
});

describe("restarts", () => {
  it("sends every start through the image pull policy, and re-pulls a present image quickly", () => {
    const sh = createCluster().shell();
    sh.run('kubectl run crash --image=busybox -- sh -c "echo boom; exit 1"');
    sh.run("sleep 60");
    const rows = sh
      .run(
        `kubectl get events --field-selector involvedObject.name=crash -o jsonpath='{range .items[*]}{.reason}={.count}={.message}{"\\n"}{end}'`,
      )
      .stdout.trim()
      .split("\n")
      .map((l) => l.split("="));
    const count = (reason: string) =>
      rows.filter(([r]) => r === reason).reduce((a, [, n]) => a + Number(n), 0);
    expect(count("Started")).toBe(4);
    // busybox has no tag, so its pull policy is Always: each of the four starts pulls.
    expect(count("Pulling")).toBe(4);
    expect(count("Pulled")).toBe(4);
    const repulls = rows.find(([r, , m]) => r === "Pulled" && / in 400ms /.test(m));
    expect(repulls?.[1]).toBe("3");
  });
});

describe("the kubelet's journal", () => {
  it("writes klog lines (severity, time, pid, source) under journalctl's own prefix", () => {
    const sh = createCluster().shell();
    const lines = sh.run("ssh node01 journalctl -u kubelet").stdout.trim().split("\n");
    const kubelet = lines.filter((l) => / kubelet\[\d+\]: /.test(l));
    expect(kubelet.length).toBeGreaterThan(2);
    for (const l of kubelet)
      expect(l).toMatch(
        /^Jan 15 \d\d:\d\d:\d\d node01 kubelet\[(\d+)\]: [IWE]0115 \d\d:\d\d:\d\d\.\d{6} +\1 [a-z_]+\.go:\d+\] "/,
      );
    expect(kubelet.join("\n")).toMatch(
      /E0115 [\d:.]+ +\d+ kubelet\.go:\d+\] "Container runtime network not ready"/,
    );
  });
});

describe("FailedScheduling", () => {
  it("names the first filter each node fails, in kube-scheduler's order (taints before node selectors)", () => {
    const sh = createCluster().shell();
    sh.run(`kubectl run picky --image=nginx --overrides='{"spec":{"nodeSelector":{"disk":"ssd"}}}'`);
    sh.run("sleep 5");
    expect(
      sh.run("kubectl get events --field-selector reason=FailedScheduling -o jsonpath={.items[0].message}")
        .stdout,
    ).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, " +
        "2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: " +
        "3 Preemption is not helpful for scheduling.",
    );
  });
});

describe("rollout undo", () => {
  it("gives the rolled-back ReplicaSet the next revision, on it and on the Deployment, and keeps its old one", () => {
    const sh = createCluster().shell();
    sh.run("kubectl create deployment web --image=nginx:1.27 --replicas=2");
    sh.run("sleep 20");
    sh.run("kubectl set image deploy/web nginx=nginx:1.28");
    sh.run("sleep 30");
    sh.run("kubectl rollout undo deploy/web");
    sh.run("sleep 30");
    const revision = "{.metadata.annotations.deployment\\.kubernetes\\.io/revision}";
    expect(sh.run(`kubectl get deploy web -o jsonpath='${revision}'`).stdout).toBe("3");
    const rs = sh.run(
      `kubectl get rs -o jsonpath='{range .items[*]}{.spec.template.spec.containers[0].image} ${revision} {.metadata.annotations.deployment\\.kubernetes\\.io/revision-history}{"\\n"}{end}'`,
    );
    const lines = rs.stdout.trim().split("\n");
    expect(lines.map((l) => l.trimEnd()).sort()).toEqual(["nginx:1.27 3 1", "nginx:1.28 2"]);
    expect(sh.run("kubectl rollout history deploy/web").stdout).toMatch(
      /REVISION +CHANGE-CAUSE\n2 +<none>\n3 +<none>\n/,
    );
  });
});

describe("container statuses", () => {
  it("report each mount, read-only ones as not recursively read-only (v1.31+)", () => {
    const sh = createCluster().shell();
    sh.run("kubectl run web --image=nginx");
    sh.run("sleep 15");
    const status = JSON.parse(
      sh.run("kubectl get pod web -o jsonpath={.status.containerStatuses[0]}").stdout,
    );
    expect(status.volumeMounts).toEqual([
      {
        mountPath: "/var/run/secrets/kubernetes.io/serviceaccount",
        name: expect.stringMatching(/^kube-api-access-[a-z0-9]{5}$/),
        readOnly: true,
        recursiveReadOnly: "Disabled",
      },
    ]);
  });
});

describe("downward API", () => {
  it('writes labels as sorted key="value" lines in a volume and gives single fields to env and files', () => {
    const sh = createCluster().shell();
    sh.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: dw
  labels: {zone: b, app: web}
spec:
  containers:
  - name: c
    image: busybox
    command: ["sleep", "3600"]
    env:
    - name: APP
      valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}
    - name: NODE
      valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
    volumeMounts: [{name: info, mountPath: /info}]
  volumes:
  - name: info
    downwardAPI:
      items:
      - {path: labels, fieldRef: {fieldPath: metadata.labels}}
      - {path: name, fieldRef: {fieldPath: metadata.name}}
EOF`);
    sh.run("sleep 10");
    expect(sh.run("kubectl exec dw -- cat /info/labels").stdout).toBe('app="web"\nzone="b"');
    expect(sh.run("kubectl exec dw -- cat /info/name").stdout).toBe("dw");
    expect(sh.run("kubectl exec dw -- printenv APP").stdout).toBe("web\n");
    expect(sh.run("kubectl exec dw -- printenv NODE").stdout).toMatch(/^node0[12]\n$/);
  });
});
