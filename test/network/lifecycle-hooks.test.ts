import { describe, expect, it } from "vitest";
import type { Event, Pod } from "../../sandbox/api/types.ts";
import { applyPod, type Lab, lab } from "./support.ts";

function pod(l: Lab, name: string): Pod {
  return l.cluster.api.get<Pod>("pods", "default", name);
}

function events(l: Lab, name: string, reason: string): Event[] {
  return l.cluster.api
    .list<Event>("events", { namespace: "default" })
    .items.filter((e) => e.involvedObject.name === name && e.reason === reason);
}

function apply(l: Lab, name: string, extra: string, cmd = `["sleep", "3600"]`, image = "busybox"): void {
  applyPod(
    l,
    name,
    `  terminationGracePeriodSeconds: 10
  containers:
  - name: main
    image: ${image}
    command: ${cmd}
    lifecycle:
${extra}`,
  );
}

const uid = (l: Lab, name: string) => pod(l, name).metadata.uid;

describe("postStart hooks", () => {
  it("runs an exec postStart hook in the container right after it starts", () => {
    const l = lab();
    apply(
      l,
      "hooked",
      `      postStart:\n        exec:\n          command: ["sh", "-c", "echo hello > /tmp/started"]`,
    );
    l.run("sleep 10");
    expect(l.run("kubectl exec hooked -- cat /tmp/started").stdout).toBe("hello\n");
    expect(pod(l, "hooked").status!.containerStatuses![0].state?.running).toBeDefined();
  });

  it("keeps the container out of Running until the hook has finished", () => {
    const l = lab();
    apply(l, "slow", `      postStart:\n        sleep:\n          seconds: 5`);
    l.run("sleep 4");
    const cs = () => pod(l, "slow").status!.containerStatuses![0];
    expect(cs().state?.waiting?.reason).toBe("ContainerCreating");
    expect(cs().started).toBe(false);
    l.run("sleep 4");
    expect(cs().state?.running).toBeDefined();
    expect(cs().started).toBe(true);
  });

  it("kills the container when an exec hook fails and records FailedPostStartHook", () => {
    const l = lab();
    apply(
      l,
      "bad",
      `      postStart:\n        exec:\n          command: ["sh", "-c", "echo oops >&2; exit 1"]`,
    );
    l.run("sleep 3");
    const failed = events(l, "bad", "FailedPostStartHook")[0];
    expect(failed.type).toBe("Warning");
    expect(failed.message).toBe(
      `Exec lifecycle hook ([sh -c echo oops >&2; exit 1]) for Container "main" in Pod "bad_default(${uid(l, "bad")})" failed - error: command 'sh -c echo oops >&2; exit 1' exited with 1: oops\n, message: "oops\\n"`,
    );
    expect(events(l, "bad", "Killing")[0].message).toBe("FailedPostStartHook");
  });

  it("reports PostStartHookError once the killed container is gone, then restarts it", () => {
    const l = lab();
    apply(l, "bad", `      postStart:\n        exec:\n          command: ["false"]`);
    // sleep ignores SIGTERM as PID 1, so the kill lasts the 10 s grace period.
    l.run("sleep 12");
    const cs = pod(l, "bad").status!.containerStatuses![0];
    expect(cs.state?.waiting?.reason).toBe("PostStartHookError");
    expect(cs.state?.waiting?.message).toMatch(/^Exec lifecycle hook \(\[false\]\) for Container "main"/);
    expect(cs.lastState?.terminated?.exitCode).toBe(137);
    expect(l.run("kubectl get pod bad").stdout).toMatch(/bad\s+0\/1\s+PostStartHookError\s/);
    l.run("sleep 2");
    expect(pod(l, "bad").status!.containerStatuses![0].restartCount).toBe(1);
    expect(events(l, "bad", "Started")[0].count).toBe(2);
  });

  it("words a failed httpGet hook as the kubelet does", () => {
    const l = lab();
    apply(l, "web", `      postStart:\n        httpGet:\n          path: /hook\n          port: 8080`);
    l.run("sleep 3");
    const ip = pod(l, "web").status!.podIP;
    expect(events(l, "web", "FailedPostStartHook")[0].message).toBe(
      `HTTP lifecycle hook (/hook) for Container "main" in Pod "web_default(${uid(l, "web")})" failed - error: Get "http://${ip}:8080/hook": dial tcp ${ip}:8080: connect: connection refused`,
    );
  });

  it("passes an httpGet hook whatever the status code the server answers", () => {
    const l = lab();
    apply(
      l,
      "nginx",
      `      postStart:\n        httpGet:\n          path: /missing\n          port: 80`,
      `["nginx", "-g", "daemon off;"]`,
      "nginx",
    );
    l.run("sleep 10");
    expect(events(l, "nginx", "FailedPostStartHook")).toEqual([]);
  });
});

describe("preStop hooks", () => {
  it("holds SIGTERM back while a preStop sleep runs", () => {
    const l = lab();
    apply(
      l,
      "ng",
      `      preStop:\n        sleep:\n          seconds: 5`,
      `["nginx", "-g", "daemon off;"]`,
      "nginx",
    );
    l.run("sleep 10");
    l.run("kubectl delete pod ng --wait=false");
    l.run("sleep 3");
    expect(pod(l, "ng").status!.containerStatuses![0].state?.running).toBeDefined();
    l.run("sleep 3");
    expect(l.cluster.api.tryGet("pods", "default", "ng")).toBeUndefined();
  });

  it("records FailedPreStopHook without the hook's output when it fails", () => {
    const l = lab();
    apply(l, "stop", `      preStop:\n        exec:\n          command: ["sh", "-c", "echo secret; exit 2"]`);
    l.run("sleep 10");
    l.run("kubectl delete pod stop --wait=false");
    const [killing] = events(l, "stop", "Killing");
    const [failed] = events(l, "stop", "FailedPreStopHook");
    expect(killing.message).toBe("Stopping container main");
    expect(failed.type).toBe("Warning");
    expect(failed.message).toBe("PreStopHook failed");
  });
});
