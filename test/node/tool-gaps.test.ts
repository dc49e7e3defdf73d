import { describe, expect, it } from "vitest";
import type { Pod } from "../../sandbox/api/types.ts";
import { type Lab, lab } from "../network/support.ts";

const nodeOf = (l: Lab, pod: string) => l.cluster.api.get<Pod>("pods", "default", pod).spec!.nodeName!;
const restarts = (l: Lab, pod: string) =>
  l.cluster.api.get<Pod>("pods", "default", pod).status!.containerStatuses![0].restartCount;

function withPods(...lines: string[]): Lab {
  const l = lab();
  for (const line of [...lines, "sleep 20"]) l.run(line);
  return l;
}

describe("ls", () => {
  it("lists directories themselves with -d", () => {
    const l = lab();
    expect(l.run("ssh controlplane ls -ld /etc").stdout).toMatch(
      /^drwxr-xr-x \d+ root root 4096 .* \/etc\n$/,
    );
  });

  it("words a missing path as busybox does in a busybox container", () => {
    const l = withPods("kubectl run bb --image=busybox -- sleep 3600");
    const r = l.run("kubectl exec bb -- ls /x");
    expect(r.stderr).toBe("ls: /x: No such file or directory\ncommand terminated with exit code 1\n");
  });

  it("keeps coreutils' wording in a Debian image", () => {
    const l = withPods("kubectl run web --image=nginx");
    expect(l.run("kubectl exec web -- ls /x").stderr).toBe(
      "ls: cannot access '/x': No such file or directory\ncommand terminated with exit code 2\n",
    );
  });
});

describe("date", () => {
  it("prints seconds since the epoch with +%s", () => {
    const l = lab();
    const now = Math.floor(l.cluster.now() / 1000);
    expect(l.run("ssh controlplane date +%s").stdout).toBe(`${now}\n`);
  });

  it("prints a file's modification time with -r", () => {
    const l = withPods("kubectl run bb --image=busybox -- sleep 3600");
    expect(l.run("kubectl exec bb -- date -r /etc/passwd").stdout).toBe("Thu Sep 26 21:31:42 UTC 2024\n");
    expect(l.run("ssh controlplane date -r /nope").stderr).toBe("date: /nope: No such file or directory\n");
  });

  it("formats with strftime conversions", () => {
    const l = lab();
    expect(l.run("ssh controlplane date -d @0 +%F_%T_%Z").stdout).toBe("1970-01-01_00:00:00_UTC\n");
  });
});

describe("grep -m", () => {
  it("stops after N selected lines", () => {
    const l = lab();
    expect(l.run("ssh controlplane grep -m 2 -n kube /etc/kubernetes/manifests/etcd.yaml").stdout).toBe(
      "5:    kubeadm.kubernetes.io/etcd.advertise-client-urls: https://172.30.1.2:2379\n11:  namespace: kube-system\n",
    );
  });

  it("counts at most N with -c", () => {
    const l = lab();
    expect(l.run("ssh controlplane grep -c -m1 kube /etc/kubernetes/manifests/etcd.yaml").stdout).toBe("1\n");
  });
});

describe("chmod", () => {
  it("sets an octal mode on a node", () => {
    const l = lab();
    l.run("ssh controlplane touch /root/x");
    l.run("ssh controlplane chmod 700 /root/x");
    expect(l.run("ssh controlplane ls -l /root/x").stdout).toMatch(/^-rwx------ 1 root root 0 /);
  });

  it("applies symbolic modes in busybox and Debian images", () => {
    const l = withPods("kubectl run bb --image=busybox -- sleep 3600", "kubectl run web --image=nginx");
    expect(
      l.run("kubectl exec bb -- sh -c 'touch /tmp/f; chmod u+x,go-r /tmp/f; ls -l /tmp/f'").stdout,
    ).toMatch(/^-rwx------ /);
    expect(l.run("kubectl exec web -- sh -c 'touch /tmp/f; chmod a+x /tmp/f; ls -l /tmp/f'").stdout).toMatch(
      /^-rwxr-xr-x /,
    );
  });

  it("reports a missing file in each tool's words", () => {
    const l = withPods("kubectl run bb --image=busybox -- sleep 3600");
    expect(l.run("ssh controlplane chmod 644 /nope").stderr).toBe(
      "chmod: cannot access '/nope': No such file or directory\n",
    );
    expect(l.run("kubectl exec bb -- chmod 644 /nope").stderr).toBe(
      "chmod: /nope: No such file or directory\ncommand terminated with exit code 1\n",
    );
  });
});

describe("kill on a node", () => {
  it("restarts a container whose main process got SIGKILL", () => {
    const l = withPods("kubectl run bb --image=busybox -- sleep 3600");
    const node = nodeOf(l, "bb");
    const pid = l.run(`ssh ${node} pgrep -x sleep`).stdout.trim();
    expect(l.run(`ssh ${node} kill -9 ${pid}`).exitCode).toBe(0);
    l.run("sleep 15");
    expect(restarts(l, "bb")).toBe(1);
  });

  it("stops nginx with SIGTERM, which it handles", () => {
    const l = withPods("kubectl run web --image=nginx");
    const node = nodeOf(l, "web");
    const pid = l.run(`ssh ${node} pgrep -x nginx`).stdout.split("\n")[0];
    l.run(`ssh ${node} kill -TERM ${pid}`);
    l.run("sleep 15");
    expect(restarts(l, "web")).toBe(1);
  });

  it("says when there is no such process", () => {
    const l = lab();
    expect(l.run("ssh controlplane kill 99999")).toEqual({
      stdout: "",
      stderr: "bash: kill: (99999) - No such process\n",
      exitCode: 1,
    });
    expect(l.run("ssh controlplane kill -FOO 1").stderr).toBe(
      "bash: kill: FOO: invalid signal specification\n",
    );
  });
});

describe("busybox wget", () => {
  it("follows a 301 to the directory's index", () => {
    const l = withPods("kubectl run bb --image=busybox -- sleep 3600", "kubectl run web --image=nginx");
    l.run(
      "kubectl exec web -- sh -c 'mkdir /usr/share/nginx/html/dir; echo inner > /usr/share/nginx/html/dir/index.html'",
    );
    const ip = l.run("kubectl get pod web -o jsonpath={.status.podIP}").stdout;
    const r = l.run(`kubectl exec bb -- wget -O- http://${ip}/dir`);
    expect(r.stdout).toBe("inner\n");
    expect(r.stderr).toBe(
      `Connecting to ${ip} (${ip}:80)\nConnecting to ${ip} (${ip}:80)\nwriting to stdout\n-                    100% |********************************|     6  0:00:00 ETA\nwritten to stdout\n`,
    );
  });
});

describe("crictl logs", () => {
  it("keeps stdout and stderr apart through the node shell", () => {
    const l = withPods("kubectl run bb --image=busybox -- sh -c 'echo out; echo err >&2; sleep 3600'");
    const node = nodeOf(l, "bb");
    const id = l.run(`ssh ${node} crictl ps --name bb -q`).stdout.trim();
    expect(l.run(`ssh ${node} crictl logs ${id}`)).toEqual({ stdout: "out\n", stderr: "err\n", exitCode: 0 });
    expect(l.run(`ssh ${node} crictl logs ${id} 2>/dev/null`).stdout).toBe("out\n");
  });
});
