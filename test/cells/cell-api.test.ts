import { transform } from "esbuild";
import { describe, expect, it } from "vitest";
import { runCell } from "../../sandbox/cells/index.ts";
import { createCluster } from "../../sandbox/index.ts";

async function run(ts: string, cluster = createCluster()) {
  let out = "";
  const { code } = await transform(ts, { loader: "ts", format: "esm", target: "es2022" });
  await runCell(code, { cluster, write: (_stream, text) => (out += text) });
  return out;
}

describe("the cell API on a real cluster", () => {
  it("gets a node by kind and name", async () => {
    const out = await run(
      'import { api, print } from "kubenotes";\nprint((await api.get("Node", "node01")).metadata.name);',
    );
    expect(out).toBe("node01\n");
  });

  it("lists pods of a namespace with a label selector", async () => {
    const out = await run(
      'import { api, print } from "kubenotes";\n' +
        'const pods = await api.list("pods", { namespace: "kube-system", labelSelector: "k8s-app=kube-dns" });\n' +
        "print(pods.length);",
    );
    expect(out).toBe("2\n");
  });

  it("creates a pod that kubectl then sees", async () => {
    const cluster = createCluster();
    await run(
      'import { api } from "kubenotes";\n' +
        'await api.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "web" }, spec: { containers: [{ name: "web", image: "nginx" }] } });',
      cluster,
    );
    const out = await run('import { $ } from "kubenotes";\nawait $`kubectl get pod web -o name`;', cluster);
    expect(out).toBe("pod/web\n");
  });

  it("hands a cell copies: changing what get, list, create or watch returned leaves the cluster as it was", async () => {
    const cluster = createCluster();
    const out = await run(
      'import { $, api, print } from "kubenotes";\n' +
        'const made = await api.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "web" }, spec: { containers: [{ name: "web", image: "nginx" }] } });\n' +
        'made.metadata.labels = { from: "create" };\n' +
        'const got = await api.get("pods", "web");\n' +
        'got.metadata.labels = { from: "get" };\n' +
        'got.spec.tolerations.push({ key: "x", operator: "Exists" });\n' +
        'const [listed] = await api.list("pods");\n' +
        'listed.spec.containers[0].image = "changed";\n' +
        'const stop = api.watch("pods", {}, (ev) => { ev.object.metadata.name = "renamed"; });\n' +
        "await $`kubectl label pod web tier=web`;\n" +
        "stop();\n" +
        'print(JSON.stringify((await api.get("pods", "web")).metadata.labels), (await api.get("pods", "web")).spec.tolerations.length);',
      cluster,
    );
    expect(out).toBe('pod/web labeled\n{"tier":"web"} 2\n');
    expect(cluster.shell().run("kubectl get pod web -o jsonpath={.spec.containers[0].image}").stdout).toBe(
      "nginx",
    );
  });

  it("lets virtual time pass with sleep", async () => {
    const cluster = createCluster();
    const before = cluster.now();
    await run('import { sleep } from "kubenotes";\nawait sleep(30);', cluster);
    expect(cluster.now() - before).toBe(30_000);
  });

  it("returns a failing line's exit code instead of throwing", async () => {
    const out = await run(
      'import { $, print } from "kubenotes";\nconst r = await $`kubectl get pod nope`;\nprint(r.exitCode);',
    );
    expect(out).toBe('Error from server (NotFound): pods "nope" not found\n1\n');
  });
});
