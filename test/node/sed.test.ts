import { describe, expect, it } from "vitest";
import type { Pod } from "../../sandbox/api/types.ts";
import { type Lab, lab } from "../network/support.ts";

const MANIFEST = "/etc/kubernetes/manifests/kube-scheduler.yaml";
const FLAG_EDIT = "s/--leader-elect=true/--leader-elect=false/";

// What the kubelet made of the scheduler's manifest: the mirror pod and its container's restarts.
function schedulerState(l: Lab) {
  const pod = l.cluster.api.get<Pod>("pods", "kube-system", "kube-scheduler-controlplane");
  return {
    uid: pod.metadata.uid,
    hash: pod.metadata.annotations?.["kubernetes.io/config.hash"],
    restarts: pod.status?.containerStatuses?.[0]?.restartCount,
    command: pod.spec?.containers[0].command,
  };
}

describe("sed on a node", () => {
  it("edits a static pod manifest in place, keeping its mode", () => {
    const l = lab();
    l.run("ssh controlplane");
    expect(l.run(`sed -i '${FLAG_EDIT}' ${MANIFEST}`)).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(l.run(`grep leader-elect ${MANIFEST}`).stdout).toBe("    - --leader-elect=false\n");
    expect(l.run(`ls -l ${MANIFEST}`).stdout).toMatch(/^-rw------- 1 root root /);
  });

  it("stamps the edited file with the command's time", () => {
    const l = lab();
    l.run("sleep 120");
    l.run(`ssh controlplane sed -i '${FLAG_EDIT}' ${MANIFEST}`);
    const node = l.cluster.nodes.get("controlplane")!;
    expect(node.machine.fs.lookup(MANIFEST).mtimeMs).toBe(l.cluster.now());
  });

  it("is seen by the kubelet exactly as a cp of the same manifest is", () => {
    const viaSed = lab();
    viaSed.run("ssh controlplane");
    viaSed.run(`sed -i '${FLAG_EDIT}' ${MANIFEST}`);
    viaSed.run("exit");
    viaSed.run("sleep 60");
    const viaCp = lab();
    viaCp.run("ssh controlplane");
    viaCp.run(`sed '${FLAG_EDIT}' ${MANIFEST} > /root/s.yaml`);
    viaCp.run(`cp /root/s.yaml ${MANIFEST}`);
    viaCp.run("exit");
    viaCp.run("sleep 60");
    const node = (l: Lab) => l.cluster.nodes.get("controlplane")!.machine.fs.readFile(MANIFEST);
    expect(node(viaSed)).toBe(node(viaCp));
    expect(schedulerState(viaSed)).toEqual(schedulerState(viaCp));
  });

  it("prints the first lines of kubectl's YAML", () => {
    const l = lab();
    expect(
      l.run("kubectl get pod -n kube-system kube-scheduler-controlplane -o yaml | sed -n '1,3p'").stdout,
    ).toBe("apiVersion: v1\nkind: Pod\nmetadata:\n");
  });

  it("rewrites a manifest on its way to kubectl apply", () => {
    const l = lab();
    l.run("kubectl run web --image=nginx:1.27 --dry-run=client -o yaml > d.yaml");
    expect(l.run("sed 's/nginx:1.27/nginx:1.28/' d.yaml | kubectl apply -f -").stdout).toBe(
      "pod/web created\n",
    );
    expect(l.cluster.api.get<Pod>("pods", "default", "web").spec?.containers[0].image).toBe("nginx:1.28");
  });

  it("changes a live pod's image through get, sed and apply", () => {
    const l = lab();
    l.run("kubectl run web --image=nginx:1.27");
    l.run("sleep 10");
    const r = l.run(
      "kubectl get pod web -o yaml | sed 's/image: nginx:1.27/image: nginx:1.28/' | kubectl apply -f -",
    );
    expect(r.stdout).toBe("pod/web configured\n");
    expect(l.cluster.api.get<Pod>("pods", "default", "web").spec?.containers[0].image).toBe("nginx:1.28");
  });

  it("reports a missing file and exits 2", () => {
    const l = lab();
    expect(l.run("ssh controlplane sed p nope.txt")).toEqual({
      stdout: "",
      stderr: "sed: can't read nope.txt: No such file or directory\n",
      exitCode: 2,
    });
  });
});

describe("sed in containers", () => {
  it("runs busybox sed in a busybox image, with busybox's messages", () => {
    const l = lab();
    l.run("kubectl run bb --image=busybox -- sleep 3600");
    l.run("sleep 10");
    expect(l.run("kubectl exec bb -- sed -n 1p /etc/passwd").stdout).toBe("root:x:0:0:root:/root:/bin/sh\n");
    expect(l.run("kubectl exec bb -- sed s/a/b /etc/passwd").stderr).toBe(
      "sed: unmatched '/'\ncommand terminated with exit code 1\n",
    );
  });

  it("runs GNU sed in a Debian-based image", () => {
    const l = lab();
    l.run("kubectl run web --image=nginx");
    l.run("sleep 10");
    expect(l.run("kubectl exec web -- sed k /etc/hostname").stderr).toBe(
      "sed: -e expression #1, char 1: unknown command: `k'\ncommand terminated with exit code 1\n",
    );
    l.run("kubectl exec web -- sed -i s/web/WEB/ /etc/hostname");
    expect(l.run("kubectl exec web -- cat /etc/hostname").stdout).toBe("WEB\n");
  });

  it("cannot edit a file on a read-only mount", () => {
    const l = lab();
    l.run("kubectl run web --image=nginx");
    l.run("sleep 10");
    const dir = "/var/run/secrets/kubernetes.io/serviceaccount";
    const r = l.run(`kubectl exec web -- sed -i s/default/x/ ${dir}/namespace`);
    expect(r.stderr).toMatch(
      /^sed: couldn't open temporary file \/var\/run\/secrets\/kubernetes\.io\/serviceaccount\/sed[A-Za-z0-9]{6}: Read-only file system\ncommand terminated with exit code 4\n$/,
    );
  });
});
