import { describe, expect, it } from "vitest";
import type { Pod } from "../../sandbox/api/types.ts";
import { type Lab, lab } from "../network/support.ts";

const DIR = "/etc/kubernetes/manifests";
const MANIFEST = `${DIR}/kube-scheduler.yaml`;

function scheduler(l: Lab): Pod | undefined {
  return l.cluster.api.tryGet<Pod>("pods", "kube-system", "kube-scheduler-controlplane");
}

function kubeletJournal(l: Lab, node: string): string {
  return l.cluster.nodes
    .get(node)!
    .machine.journal.forUnit("kubelet.service")
    .map((e) => e.message)
    .join("\n");
}

const STATIC_WEB = `cat > ${DIR}/static-web.yaml <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: static-web
spec:
  containers:
  - name: web
    image: nginx
EOF`;

describe("kubelet static pod files", () => {
  it("replaces the scheduler pod when sed -i edits its manifest", () => {
    const l = lab();
    const before = scheduler(l)!;
    l.run(`ssh controlplane sed -i 's/--leader-elect=true/--leader-elect=false/' ${MANIFEST}`);
    l.run("sleep 20");
    const after = scheduler(l)!;
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.metadata.annotations?.["kubernetes.io/config.hash"]).not.toBe(
      before.metadata.annotations?.["kubernetes.io/config.hash"],
    );
    expect(after.spec.containers[0].command).toContain("--leader-elect=false");
    expect(l.run("kubectl get pods -n kube-system kube-scheduler-controlplane").stdout).toMatch(
      /^NAME +READY +STATUS +RESTARTS +AGE\nkube-scheduler-controlplane +1\/1 +Running +0 +1\ds\n$/,
    );
  });

  it("removes the scheduler pod when its manifest is moved out, and nothing schedules", () => {
    const l = lab();
    l.run(`ssh controlplane mv ${MANIFEST} /tmp/`);
    l.run("sleep 10");
    expect(scheduler(l)).toBeUndefined();
    expect(l.run("ssh controlplane crictl ps --name kube-scheduler -q").stdout).toBe("");
    l.run("kubectl run idle --image=nginx");
    l.run("sleep 30");
    const idle = l.cluster.api.get<Pod>("pods", "default", "idle");
    expect(idle.spec.nodeName).toBeUndefined();
    expect(idle.status?.conditions ?? []).toEqual([]);
  });

  it("brings the scheduler back when the manifest returns, and the pending pod is scheduled", () => {
    const l = lab();
    l.run(`ssh controlplane mv ${MANIFEST} /tmp/`);
    l.run("sleep 10");
    l.run("kubectl run idle --image=nginx");
    l.run("sleep 10");
    l.run(`ssh controlplane mv /tmp/kube-scheduler.yaml ${DIR}/`);
    l.run("sleep 30");
    expect(scheduler(l)?.status?.phase).toBe("Running");
    expect(l.cluster.api.get<Pod>("pods", "default", "idle").spec.nodeName).toBe("node01");
  });

  it("logs a manifest that does not parse and runs no pod for it", () => {
    const l = lab();
    l.run(`ssh controlplane "sed -i 's/^metadata:/metadata;/' ${MANIFEST}"`);
    l.run("sleep 30");
    expect(scheduler(l)).toBeUndefined();
    const journal = kubeletJournal(l, "controlplane");
    expect(journal).toContain(
      `"Unable to process watch event" err="can't process config file \\"${MANIFEST}\\": ${MANIFEST}: couldn't parse as pod(yaml: line `,
    );
    expect(journal).toContain(
      `"Could not process manifest file" err="${MANIFEST}: couldn't parse as pod(yaml: line `,
    );
    expect(journal).toContain(`please check config file" path="${MANIFEST}"`);
  });

  it("keeps the old pod until the next relist when a manifest stops parsing", () => {
    const l = lab();
    const uid = scheduler(l)!.metadata.uid;
    l.run(`ssh controlplane "sed -i 's/^metadata:/metadata;/' ${MANIFEST}"`);
    expect(scheduler(l)?.metadata.uid).toBe(uid);
  });

  it("runs a new manifest on node01 as a mirror pod named after the node", () => {
    const l = lab();
    l.run("ssh node01");
    l.run(STATIC_WEB);
    l.run("exit");
    l.run("sleep 20");
    expect(l.run("kubectl get pod static-web-node01").stdout).toMatch(
      /^static-web-node01 +1\/1 +Running +0 +\d+s$/m,
    );
  });

  it("ignores files whose names start with a dot", () => {
    const l = lab();
    l.run("ssh node01");
    l.run(STATIC_WEB);
    l.run(`mv ${DIR}/static-web.yaml ${DIR}/.static-web.yaml`);
    l.run("exit");
    l.run("sleep 40");
    expect(l.cluster.api.tryGet<Pod>("pods", "default", "static-web-node01")).toBeUndefined();
  });

  it("applies changes made while the kubelet was stopped once it starts", () => {
    const l = lab();
    l.run("ssh node01");
    l.run("systemctl stop kubelet");
    l.run(STATIC_WEB);
    l.run("sleep 30");
    expect(l.cluster.api.tryGet<Pod>("pods", "default", "static-web-node01")).toBeUndefined();
    l.run("systemctl start kubelet");
    l.run("exit");
    l.run("sleep 20");
    expect(l.cluster.api.get<Pod>("pods", "default", "static-web-node01").status?.phase).toBe("Running");
  });

  it("stops a static pod whose manifest was removed while the kubelet was stopped", () => {
    const l = lab();
    l.run("ssh node01");
    l.run(STATIC_WEB);
    l.run("sleep 20");
    l.run("systemctl stop kubelet");
    l.run(`rm ${DIR}/static-web.yaml`);
    l.run("systemctl start kubelet");
    l.run("sleep 40");
    expect(l.cluster.api.tryGet<Pod>("pods", "default", "static-web-node01")).toBeUndefined();
    expect(l.run("crictl ps --name web -q").stdout).toBe("");
  });
});
