import { describe, expect, it } from "vitest";
import { NGINX_WELCOME } from "../../sandbox/images/nginx.ts";
import { normalizeImageRef } from "../../sandbox/images/ref.ts";
import { bootWorker, startPod } from "./node-helpers.ts";

describe("image references", () => {
  it("normalizes like containerd", () => {
    expect(normalizeImageRef("nginx")).toBe("docker.io/library/nginx:latest");
    expect(normalizeImageRef("bitnami/redis:7")).toBe("docker.io/bitnami/redis:7");
    expect(normalizeImageRef("registry.k8s.io/pause:3.10")).toBe("registry.k8s.io/pause:3.10");
    expect(normalizeImageRef("localhost:5000/app")).toBe("localhost:5000/app:latest");
  });
});

describe("image programs", () => {
  it("serves the nginx welcome page on port 80 of the pod netns", () => {
    const { m, clock } = bootWorker();
    const { sandbox } = startPod(m, clock, { name: "web", uid: "u1" }, { name: "nginx", image: "nginx" });
    const l = m.sockets.lookup(m.containerd.sandboxNamespaces(sandbox).net, "tcp", 80)!;
    const res = l.handler("GET / HTTP/1.1\r\nHost: 10.244.1.2\r\nUser-Agent: curl/7.81.0\r\n\r\n", {
      now: clock.now,
      remoteIp: "10.244.1.1",
    });
    expect(res.startsWith("HTTP/1.1 200 OK\r\nServer: nginx/1.27.4\r\n")).toBe(true);
    expect(res.endsWith(`\r\n\r\n${NGINX_WELCOME}`)).toBe(true);
    expect(new TextEncoder().encode(NGINX_WELCOME).length).toBe(615);
  });

  it("runs a busybox loop in virtual time", () => {
    const { m, clock } = bootWorker();
    const { container } = startPod(
      m,
      clock,
      { name: "bb", uid: "u1" },
      { name: "bb", image: "busybox", command: ["sh", "-c", "for i in 1 2 3; do echo n=$i; sleep 1; done"] },
    );
    expect(m.containerd.containerLogs(container).map((l) => l.text)).toEqual(["n=1"]);
    clock.advance(3000);
    expect(m.containerd.containerLogs(container).map((l) => l.text)).toEqual(["n=1", "n=2", "n=3"]);
    expect(m.containerd.containerStatus(container)).toMatchObject({ state: "CONTAINER_EXITED", exitCode: 0 });
  });

  it("exits busybox true/false with 0 and 1", () => {
    const { m, clock } = bootWorker();
    const t = startPod(
      m,
      clock,
      { name: "t", uid: "u1" },
      { name: "t", image: "busybox", command: ["true"] },
    );
    const f = startPod(
      m,
      clock,
      { name: "f", uid: "u2" },
      { name: "f", image: "busybox", command: ["false"] },
    );
    expect(m.containerd.containerStatus(t.container).exitCode).toBe(0);
    expect(m.containerd.containerStatus(f.container).exitCode).toBe(1);
  });

  it("keeps an infinite loop without sleep from stalling virtual time", () => {
    const { m, clock } = bootWorker();
    const { container } = startPod(
      m,
      clock,
      { name: "spin", uid: "u1" },
      { name: "spin", image: "busybox", command: ["sh", "-c", "while true; do echo x; done"] },
    );
    clock.advance(1000);
    expect(m.containerd.containerStatus(container).state).toBe("CONTAINER_RUNNING");
  });

  it("crashes the kubenotes/crash image with exit 1 after one second", () => {
    const { m, clock } = bootWorker();
    const { container } = startPod(
      m,
      clock,
      { name: "c", uid: "u1" },
      { name: "c", image: "kubenotes/crash:1.0" },
    );
    clock.advance(1000);
    expect(m.containerd.containerStatus(container)).toMatchObject({ exitCode: 1, reason: "Error" });
  });

  it("answers agnhost serve-hostname with the pod hostname", () => {
    const { m, clock } = bootWorker();
    const { sandbox } = startPod(
      m,
      clock,
      { name: "echo-1", uid: "u1" },
      { name: "a", image: "registry.k8s.io/e2e-test-images/agnhost:2.53", args: ["serve-hostname"] },
    );
    const l = m.sockets.lookup(m.containerd.sandboxNamespaces(sandbox).net, "tcp", 9376)!;
    expect(
      l
        .handler("GET / HTTP/1.1\r\n\r\n", { now: clock.now, remoteIp: "10.244.1.1" })
        .endsWith("\r\n\r\necho-1"),
    ).toBe(true);
  });

  it("answers redis PING with PONG on 6379", () => {
    const { m, clock } = bootWorker();
    const { sandbox } = startPod(m, clock, { name: "r", uid: "u1" }, { name: "r", image: "redis" });
    expect(
      m.sockets
        .lookup(m.containerd.sandboxNamespaces(sandbox).net, "tcp", 6379)!
        .handler("PING\r\n", { now: clock.now, remoteIp: "x" }),
    ).toBe("+PONG\r\n");
  });
});
