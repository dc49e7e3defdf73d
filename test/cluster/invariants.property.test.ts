import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { Pod } from "../../sandbox/api/types.ts";
import { type Cluster, createCluster } from "../../sandbox/index.ts";

// Random sessions against a whole cluster: every step is a command line or a manifest a reader might
// type, well-formed or not. After each step the cluster must still make sense.

const NAMES = ["web", "db", "Web", "x", "a-very-long-name-that-is-still-fine", "bad_name", "", "-x"];
const IMAGES = ["nginx", "busybox", "redis", "httpd", "nosuchimage", "nginx:1.27", "Bad Image"];

const manifest = fc
  .record({
    kind: fc.constantFrom("Pod", "Deployment", "Service", "ConfigMap", "Nonsense"),
    name: fc.constantFrom(...NAMES),
    image: fc.constantFrom(...IMAGES),
    replicas: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constant("three")),
    port: fc.oneof(fc.integer({ min: -1, max: 70000 }), fc.constant("http")),
    label: fc.constantFrom("web", "db", "", "bad value!"),
    node: fc.constantFrom(undefined, "node01", "node02", "nowhere"),
  })
  .map((m) => {
    const labels = { app: m.label };
    const podSpec = {
      ...(m.node ? { nodeName: m.node } : {}),
      containers: [{ name: "c", image: m.image, ports: [{ containerPort: m.port }] }],
    };
    const body: Record<string, unknown> =
      m.kind === "Pod"
        ? { apiVersion: "v1", kind: "Pod", metadata: { name: m.name, labels }, spec: podSpec }
        : m.kind === "Deployment"
          ? {
              apiVersion: "apps/v1",
              kind: "Deployment",
              metadata: { name: m.name },
              spec: {
                replicas: m.replicas,
                selector: { matchLabels: labels },
                template: { metadata: { labels }, spec: podSpec },
              },
            }
          : m.kind === "Service"
            ? {
                apiVersion: "v1",
                kind: "Service",
                metadata: { name: m.name },
                spec: { selector: labels, ports: [{ port: m.port }] },
              }
            : { apiVersion: "v1", kind: m.kind, metadata: { name: m.name }, data: { k: m.port } };
    return `kubectl apply -f - <<EOF\n${stringify(body)}EOF`;
  });

const line = fc.oneof(
  fc.constantFrom(
    "kubectl create deployment web --image=nginx --replicas=3",
    "kubectl scale deployment web --replicas=5",
    "kubectl scale deployment web --replicas=0",
    "kubectl expose deployment web --port=80",
    "kubectl delete pod -l app=web",
    "kubectl delete pod -l app=web --force --grace-period=0",
    "kubectl run solo --image=busybox -- sleep 3600",
    "kubectl delete deployment web",
    "kubectl cordon node01",
    "kubectl uncordon node01",
    "kubectl drain node02 --ignore-daemonsets --force",
    "kubectl rollout restart deployment web",
    "kubectl set image deployment/web nginx=httpd",
    "ssh node01 systemctl stop kubelet",
    "ssh node01 systemctl start kubelet",
    "ssh node02 'crictl stop $(crictl ps -q --name c | head -1)'",
    "sleep 20",
    "sleep 90",
  ),
  manifest,
);

function runningPods(c: Cluster): Pod[] {
  return c.api.list<Pod>("pods").items.filter((p) => p.status?.phase === "Running" && !p.spec.hostNetwork);
}

function checkInvariants(c: Cluster): void {
  // Every pod IP belongs to one pod.
  const ips = runningPods(c)
    .map((p) => p.status?.podIP)
    .filter((ip): ip is string => !!ip);
  expect(new Set(ips).size).toBe(ips.length);
  // A pod's sandbox is ready on one node at most, and only on the node it is bound to.
  const readyOn = new Map<string, string[]>();
  for (const [name, node] of c.nodes)
    for (const s of node.machine.containerd.listPodSandboxes())
      if (s.state === "SANDBOX_READY")
        readyOn.set(s.config.uid, [...(readyOn.get(s.config.uid) ?? []), name]);
  for (const [uid, nodes] of readyOn) {
    expect(nodes.length, `pod ${uid} runs on ${nodes.join(", ")}`).toBe(1);
    const pod = c.api.list<Pod>("pods").items.find((p) => p.metadata.uid === uid);
    if (pod) expect(pod.spec.nodeName).toBe(nodes[0]);
  }
}

describe("a cluster under random sessions", () => {
  it("keeps pod IPs unique, runs each pod on one node, and answers every bad input with a clean error", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        const c = createCluster();
        const sh = c.shell();
        for (const l of lines) {
          const r = sh.run(l);
          expect(Number.isInteger(r.exitCode)).toBe(true);
          if (r.exitCode !== 0) expect(r.stderr.length + r.stdout.length).toBeGreaterThan(0);
          // No internal error text leaks to the reader.
          expect(r.stderr).not.toMatch(/TypeError|ReferenceError|RangeError|undefined is not|at \S+\.ts:\d+/);
          checkInvariants(c);
        }
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
