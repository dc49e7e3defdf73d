import { describe, expect, it } from "vitest";
import { createCluster } from "../../sandbox/index.ts";

function run(script: string) {
  return createCluster().shell().runScript(script);
}

describe("the Deployment tutorial's images", () => {
  it("rolls nginx:1.14.2 out to nginx:1.16.1", () => {
    const out = run(
      [
        "kubectl create deployment nginx-deployment --image=nginx:1.14.2 --replicas=3",
        "kubectl rollout status deployment/nginx-deployment --timeout=90s",
        "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1",
        "kubectl rollout status deployment/nginx-deployment --timeout=90s",
        "kubectl get deploy nginx-deployment -o jsonpath='{.spec.template.spec.containers[0].image} {.status.updatedReplicas}/{.status.availableReplicas}'",
      ].join("\n"),
    );
    expect(out[1].stdout).toMatch(/deployment "nginx-deployment" successfully rolled out\n$/);
    expect(out[2].stdout).toBe("deployment.apps/nginx-deployment image updated\n");
    expect(out[3].stdout).toMatch(/deployment "nginx-deployment" successfully rolled out\n$/);
    expect(out[3].stderr).toBe("");
    expect(out[4].stdout).toBe("nginx:1.16.1 3/3");
  });

  it("keeps failing the tutorial's typo nginx:1.161 with ErrImagePull", () => {
    const out = run(
      "kubectl run typo --image=nginx:1.161\nsleep 5\nkubectl describe pod typo\nsleep 20\nkubectl get pod typo",
    );
    expect(out[2].stdout).toContain(
      'Failed to pull image "nginx:1.161": failed to pull and unpack image "docker.io/library/nginx:1.161": failed to resolve reference "docker.io/library/nginx:1.161": docker.io/library/nginx:1.161: not found',
    );
    expect(out[2].stdout).toContain("Error: ErrImagePull");
    expect(out[4].stdout).toMatch(/typo\s+0\/1\s+(ErrImagePull|ImagePullBackOff)\s/);
  });

  it("runs busybox:1.28, as the DNS debugging page does", () => {
    const out = run(
      "kubectl run bb --image=busybox:1.28 --restart=Never -- busybox\nsleep 20\nkubectl logs bb",
    );
    expect(out[2].stdout.split("\n")[0]).toBe("BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.");
  });
});

describe("versions a container shows", () => {
  it("logs nginx -v of the tag it runs", () => {
    const out = run(
      "kubectl run v --image=nginx:1.16.1 --restart=Never -- nginx -v\nsleep 20\nkubectl logs v\nkubectl get pod v",
    );
    expect(out[2].stdout).toBe("nginx version: nginx/1.16.1\n");
    expect(out[3].stdout).toMatch(/v\s+0\/1\s+Completed\s/);
  });

  it("answers nginx -v inside the container's sh -c", () => {
    const out = run(
      `kubectl run v --image=nginx:1.25 --restart=Never --command -- sh -c "echo start; nginx -v"\nsleep 20\nkubectl logs v`,
    );
    expect(out[2].stdout).toBe("start\nnginx version: nginx/1.25.5\n");
  });

  it("answers kubectl exec of the image's own executables with the tag's version", () => {
    const out = run(
      "kubectl run w --image=nginx:1.16.1\nkubectl run r --image=redis:6.2\nsleep 20\nkubectl exec w -- nginx -v\nkubectl exec r -- redis-server --version",
    );
    expect(out[3]).toMatchObject({ stdout: "", stderr: "nginx version: nginx/1.16.1\n", exitCode: 0 });
    expect(out[4].stdout).toMatch(/^Redis server v=6\.2\.17 /);
  });

  it("serves the tag's version in the Server header and notices", () => {
    const out = run(
      [
        "kubectl run web --image=nginx:1.28 --port=80",
        "sleep 20",
        "kubectl logs web",
        "kubectl exec web -- curl -sI localhost",
      ].join("\n"),
    );
    expect(out[2].stdout).toContain("[notice] 1#1: nginx/1.28.0\n");
    expect(out[3].stdout).toContain("Server: nginx/1.28.0\r\n");
  });

  it("logs nothing at start from nginx 1.14.2, whose image had no entrypoint scripts", () => {
    const out = run("kubectl run old --image=nginx:1.14.2\nsleep 20\nkubectl logs old\nkubectl get pod old");
    expect(out[2].stdout).toBe("");
    expect(out[3].stdout).toMatch(/old\s+1\/1\s+Running\s/);
  });

  it("logs redis 6.2's older start-up lines", () => {
    const out = run("kubectl run r --image=redis:6\nsleep 20\nkubectl logs r");
    expect(out[2].stdout).toMatch(/# Redis version=6\.2\.17, bits=64/);
    expect(out[2].stdout).toMatch(/\* Ready to accept connections\n$/);
  });
});

describe("alpine variants", () => {
  it("have busybox ash as sh and no bash", () => {
    const out = run(
      [
        "kubectl run a --image=nginx:alpine",
        "sleep 20",
        "kubectl exec a -- bash -c true",
        "kubectl exec a -- sh -c 'nosuch'",
        "kubectl exec a -- cat /etc/alpine-release",
      ].join("\n"),
    );
    expect(out[2].stderr).toContain('exec: "bash": executable file not found in $PATH');
    expect(out[3].stderr).toContain("sh: nosuch: not found\n");
    expect(out[4].stdout).toBe("3.21.3\n");
  });
});
