import { describe, expect, it } from "vitest";
import type { Pod } from "../../sandbox/api/types.ts";
import { lab } from "./support.ts";

// A two-container pod sharing one emptyDir at /shared, and an nginx pod: `kubectl exec` runs in each
// container's own root filesystem, with the environment the runtime built for it.
describe("kubectl exec in a container's filesystem and environment", () => {
  const { cluster, run } = lab();
  run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: duo
spec:
  volumes:
  - name: shared
    emptyDir: {}
  containers:
  - name: app
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - name: shared
      mountPath: /shared
  - name: sidecar
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - name: shared
      mountPath: /shared
EOF`);
  run("kubectl run web --image=nginx");
  run("sleep 30");

  it("writes and reads a file inside one container", () => {
    expect(run("kubectl exec duo -c app -- sh -c 'echo hi > /tmp/x; cat /tmp/x'")).toEqual({
      stdout: "hi\n",
      stderr: "",
      exitCode: 0,
    });
  });

  it("keeps that file out of the other container's /tmp", () => {
    run("kubectl exec duo -c app -- sh -c 'echo hi > /tmp/x'");
    expect(run("kubectl exec duo -c sidecar -- cat /tmp/x")).toEqual({
      stdout: "",
      stderr: "cat: can't open '/tmp/x': No such file or directory\ncommand terminated with exit code 1\n",
      exitCode: 1,
    });
  });

  it("shares files written under the emptyDir both containers mount", () => {
    run("kubectl exec duo -c app -- sh -c 'echo from-app > /shared/x'");
    expect(run("kubectl exec duo -c sidecar -- cat /shared/x").stdout).toBe("from-app\n");
    const pod = cluster.api.get<Pod>("pods", "default", "duo");
    const dir = `/var/lib/kubelet/pods/${pod.metadata.uid}/volumes/kubernetes.io~empty-dir/shared`;
    expect(run(`ssh ${pod.spec.nodeName} cat ${dir}/x`).stdout).toBe("from-app\n");
  });

  it("lists the image's, the runtime's and the kubelet's variables with env", () => {
    expect(run("kubectl exec web -- env | sort").stdout).toBe(
      [
        "DYNPKG_RELEASE=1~bookworm",
        "HOME=/root",
        "HOSTNAME=web",
        "KUBERNETES_PORT=tcp://10.96.0.1:443",
        "KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443",
        "KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1",
        "KUBERNETES_PORT_443_TCP_PORT=443",
        "KUBERNETES_PORT_443_TCP_PROTO=tcp",
        "KUBERNETES_SERVICE_HOST=10.96.0.1",
        "KUBERNETES_SERVICE_PORT=443",
        "KUBERNETES_SERVICE_PORT_HTTPS=443",
        "NGINX_VERSION=1.27.4",
        "NJS_RELEASE=1~bookworm",
        "NJS_VERSION=0.8.9",
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "PKG_RELEASE=1~bookworm",
        "",
      ].join("\n"),
    );
  });

  it("removes the pod's emptyDir from the node when the pod is deleted", () => {
    const pod = cluster.api.get<Pod>("pods", "default", "duo");
    run("kubectl delete pod duo --wait=false");
    run("sleep 40");
    const ls = run(`ssh ${pod.spec.nodeName} ls /var/lib/kubelet/pods/${pod.metadata.uid}`);
    expect(ls.stderr).toContain("No such file or directory");
  });

  it("prints one variable with printenv", () => {
    expect(run("kubectl exec web -- printenv KUBERNETES_SERVICE_HOST")).toEqual({
      stdout: "10.96.0.1\n",
      stderr: "",
      exitCode: 0,
    });
  });
});

describe("the environment a container gets", () => {
  const { cluster, run } = lab();
  run("kubectl run web --image=nginx");
  run("kubectl run box --image=busybox -- sleep 3600");
  run("sleep 30");

  it("puts the image's ENV after PATH and HOSTNAME, in Dockerfile order", () => {
    expect(run("kubectl exec web -- env").stdout.split("\n").slice(0, 7)).toEqual([
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "HOSTNAME=web",
      "NGINX_VERSION=1.27.4",
      "NJS_VERSION=0.8.9",
      "NJS_RELEASE=1~bookworm",
      "PKG_RELEASE=1~bookworm",
      "DYNPKG_RELEASE=1~bookworm",
    ]);
  });

  it("gives busybox only PATH from its image", () => {
    const env = run("kubectl exec box -- env").stdout.split("\n");
    expect(env.slice(0, 3)).toEqual([
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "HOSTNAME=box",
      "KUBERNETES_SERVICE_HOST=10.96.0.1",
    ]);
  });

  it("lets a pod's env override an image variable in place", () => {
    run("kubectl run pinned --image=nginx --env=NGINX_VERSION=custom");
    run("sleep 20");
    expect(run("kubectl exec pinned -- env").stdout.split("\n")[2]).toBe("NGINX_VERSION=custom");
  });

  it("leaves a script's unexported variables out of env", () => {
    const out = run("kubectl exec box -- sh -c 'X=1; export Y=2; env'").stdout;
    expect(out).not.toMatch(/^(X|\?)=/m);
    expect(out).toMatch(/^Y=2$/m);
  });

  it("shows the main process's environment in /proc/<pid>/environ on the node, NUL-separated", () => {
    const pod = cluster.api.get<Pod>("pods", "default", "box");
    const pid = run(`ssh ${pod.spec.nodeName} pgrep sleep`).stdout.trim().split("\n")[0];
    const environ = run(`ssh ${pod.spec.nodeName} cat /proc/${pid}/environ`).stdout;
    expect(environ.split("\0")).toEqual([
      ...run("kubectl exec box -- env").stdout.split("\n").slice(0, -1),
      "",
    ]);
  });

  it("shows the same environment inside the container at /proc/1/environ", () => {
    const environ = run("kubectl exec box -- cat /proc/1/environ").stdout;
    expect(
      environ.startsWith("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\0HOSTNAME=box\0"),
    ).toBe(true);
    expect(environ.endsWith("\0HOME=/root\0")).toBe(true);
  });
});
