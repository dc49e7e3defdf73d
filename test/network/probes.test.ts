import { describe, expect, it } from "vitest";
import type { Event, Pod } from "../../sandbox/api/types.ts";
import { applyPod, type Lab, lab } from "./support.ts";

function pod(l: Lab, name: string): Pod {
  return l.cluster.api.get<Pod>("pods", "default", name);
}

function events(l: Lab, name: string, reason?: string): Event[] {
  return l.cluster.api
    .list<Event>("events", { namespace: "default" })
    .items.filter((e) => e.involvedObject.name === name && (!reason || e.reason === reason));
}

function apply(l: Lab, name: string, image: string, extra: string): void {
  applyPod(
    l,
    name,
    `  containers:
  - name: main
    image: ${image}
${extra}`,
  );
}

const ms = (t?: string | null) => Date.parse(t ?? "");

describe("readiness probes", () => {
  const l = lab();
  const sleeper = `    command: ["sleep", "3600"]`;
  apply(l, "ready", "nginx", "    readinessProbe:\n      httpGet:\n        path: /\n        port: 80");
  apply(
    l,
    "notfound",
    "nginx",
    "    readinessProbe:\n      httpGet:\n        path: /healthz\n        port: 80",
  );
  apply(l, "closed", "nginx", "    readinessProbe:\n      tcpSocket:\n        port: 81");
  apply(
    l,
    "named",
    "nginx",
    "    ports:\n    - name: web\n      containerPort: 80\n    readinessProbe:\n      tcpSocket:\n        port: web",
  );
  apply(
    l,
    "execok",
    "busybox",
    `${sleeper}\n    readinessProbe:\n      exec:\n        command: ["cat", "/etc/hostname"]`,
  );
  apply(
    l,
    "execfail",
    "busybox",
    `${sleeper}\n    readinessProbe:\n      exec:\n        command: ["cat", "/tmp/healthy"]`,
  );
  l.run("sleep 40");

  it("marks a container ready once its HTTP probe answers 200", () => {
    expect(pod(l, "ready").status?.containerStatuses?.[0].ready).toBe(true);
    expect(l.run("kubectl get pod ready").stdout).toMatch(/^ready\s+1\/1\s+Running\s+0\s/m);
    expect(events(l, "ready", "Unhealthy")).toEqual([]);
  });

  it("keeps a container unready, without restarts, while its HTTP probe gets a 404", () => {
    expect(l.run("kubectl get pod notfound").stdout).toMatch(/^notfound\s+0\/1\s+Running\s+0\s/m);
    const ev = events(l, "notfound", "Unhealthy");
    expect(ev.map((e) => [e.type, e.message])).toEqual([
      ["Warning", "Readiness probe failed: HTTP probe failed with statuscode: 404"],
    ]);
    expect(ev[0].count).toBeGreaterThan(2);
    expect(ev[0].involvedObject.fieldPath).toBe("spec.containers{main}");
  });

  it("words a refused TCP probe as Go's dialer does", () => {
    const ip = pod(l, "closed").status?.podIP;
    expect(events(l, "closed", "Unhealthy").map((e) => e.message)).toEqual([
      `Readiness probe failed: dial tcp ${ip}:81: connect: connection refused`,
    ]);
    expect(pod(l, "closed").status?.conditions?.find((c) => c.type === "Ready")?.status).toBe("False");
  });

  it("resolves a named container port", () => {
    expect(pod(l, "named").status?.containerStatuses?.[0].ready).toBe(true);
  });

  it("passes an exec probe whose command exits 0", () => {
    expect(pod(l, "execok").status?.containerStatuses?.[0].ready).toBe(true);
  });

  it("reports an exec probe's output when its command fails", () => {
    expect(pod(l, "execfail").status?.containerStatuses?.[0].ready).toBe(false);
    expect(events(l, "execfail", "Unhealthy").map((e) => e.message)).toEqual([
      "Readiness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n",
    ]);
  });

  it("sends HTTP probes from the node through the pod network to the serving process", () => {
    // The kubelet dials from the host; its source address is the node's cni0 bridge address.
    const gateway = pod(l, "ready").status?.podIP?.replace(/\.\d+$/, ".1");
    const logs = l.run("kubectl logs ready").stdout;
    expect(logs).toMatch(
      new RegExp(
        `^${gateway?.replace(/\./g, "\\.")} - - \\[[^\\]]+\\] "GET / HTTP/1\\.1" 200 615 "-" "kube-probe/1\\.32" "-"$`,
        "m",
      ),
    );
  });
});

describe("liveness probes", () => {
  const l = lab();
  apply(
    l,
    "live",
    "nginx",
    "    livenessProbe:\n      httpGet:\n        path: /healthz\n        port: 80\n      periodSeconds: 5",
  );
  apply(
    l,
    "timed",
    "busybox",
    `    command: ["sleep", "3600"]
    livenessProbe:
      exec:
        command: ["cat", "/tmp/healthy"]
      initialDelaySeconds: 15
      periodSeconds: 4
      failureThreshold: 2
  terminationGracePeriodSeconds: 2`,
  );
  apply(
    l,
    "healthy",
    "nginx",
    "    livenessProbe:\n      tcpSocket:\n        port: 80\n      periodSeconds: 3",
  );
  l.run("sleep 60");

  it("restarts a container whose liveness probe keeps failing, counting RESTARTS", () => {
    const st = pod(l, "live").status?.containerStatuses?.[0];
    expect(st?.restartCount).toBeGreaterThan(0);
    expect(st?.lastState?.terminated?.reason).toBe("Completed");
    expect(st?.lastState?.terminated?.exitCode).toBe(0);
    expect(l.run("kubectl get pod live").stdout).toMatch(/^live\s+\S+\s+\S+\s+[1-9]/m);
  });

  it("records the failure, then the kill, with the kubelet's wording", () => {
    expect(events(l, "live", "Unhealthy").map((e) => [e.type, e.message])).toEqual([
      ["Warning", "Liveness probe failed: HTTP probe failed with statuscode: 404"],
    ]);
    expect(events(l, "live", "Killing").map((e) => [e.type, e.message])).toEqual([
      ["Normal", "Container main failed liveness probe, will be restarted"],
    ]);
  });

  it("waits initialDelaySeconds, then kills after failureThreshold failures periodSeconds apart", () => {
    const first = events(l, "timed", "Unhealthy")[0];
    const kill = events(l, "timed", "Killing")[0];
    const started = ms(events(l, "timed", "Started")[0].firstTimestamp);
    const firstAt = ms(first.firstTimestamp);
    expect(firstAt - started).toBeGreaterThanOrEqual(15_000);
    expect(firstAt - started).toBeLessThan(19_000);
    // The second failure in a row (4 s later) reaches failureThreshold 2.
    expect(ms(kill.firstTimestamp) - firstAt).toBe(4_000);
  });

  it("gives a sleep that ignores SIGTERM the grace period, then SIGKILL (exit 137)", () => {
    const last = pod(l, "timed").status?.containerStatuses?.[0].lastState?.terminated;
    expect(last?.exitCode).toBe(137);
    expect(last?.reason).toBe("Error");
  });

  it("leaves a container alone while its liveness probe passes", () => {
    expect(pod(l, "healthy").status?.containerStatuses?.[0].restartCount).toBe(0);
    expect(events(l, "healthy", "Unhealthy")).toEqual([]);
  });

  it("stops probing while the node's kubelet is stopped", () => {
    // A pod of its own that fails its probe but is never killed: "live" has by now used up the 25 events
    // the kubelet's spam filter lets it write, so its count no longer moves.
    apply(
      l,
      "probed",
      "nginx",
      "    livenessProbe:\n      httpGet:\n        path: /healthz\n        port: 80\n      periodSeconds: 5\n      failureThreshold: 1000",
    );
    l.run("sleep 20");
    const node = pod(l, "probed").spec.nodeName;
    l.run(`ssh ${node} systemctl stop kubelet`);
    const count = () => events(l, "probed", "Unhealthy")[0].count;
    const before = count();
    l.run("sleep 30");
    expect(count()).toBe(before);
    l.run(`ssh ${node} systemctl start kubelet`);
    l.run("sleep 30");
    expect(count()).toBeGreaterThan(before ?? 0);
  });
});
