import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../sandbox/api/types.ts";
import { parseKubectl } from "../../sandbox/kubectl/cli/index.ts";
import { applyPatch, PatchFailure } from "../../sandbox/kubectl/patch/index.ts";
import { expectGolden } from "../support/golden.ts";
import { makeHarness } from "./harness.ts";

type Pod = KubeObject & {
  spec: { containers: { name: string; image: string; env?: { name: string; value: string }[] }[] };
};

function withWeb() {
  const h = makeHarness();
  h.kubectl("create deployment web --image=nginx");
  h.kubectl("run app --image=nginx --env=A=1 --env=B=2");
  return h;
}

const podSpec = (h: ReturnType<typeof makeHarness>) => h.api.get<Pod>("pods", "default", "app").spec;
const replicas = (h: ReturnType<typeof makeHarness>) =>
  h.api.get<KubeObject & { spec: { replicas: number } }>("deployments", "default", "web").spec.replicas;

describe("kubectl patch", () => {
  it("applies a strategic merge patch given as JSON and prints the object as patched", () => {
    const h = withWeb();
    const r = h.kubectl(["patch", "deployment", "web", "-p", '{"spec":{"replicas":3}}']);
    expect(r).toEqual({ stdout: "deployment.apps/web patched\n", stderr: "", exitCode: 0 });
    expect(replicas(h)).toBe(3);
  });

  it("prints patched (no change) when the patch changes nothing, without writing", () => {
    const h = withWeb();
    h.kubectl(["patch", "deploy/web", "-p", '{"spec":{"replicas":3}}']);
    h.loop.drain();
    const rv = h.api.get("deployments", "default", "web").metadata.resourceVersion;
    expect(h.kubectl(["patch", "deploy/web", "-p", '{"spec":{"replicas":3}}']).stdout).toBe(
      "deployment.apps/web patched (no change)\n",
    );
    expect(h.api.get("deployments", "default", "web").metadata.resourceVersion).toBe(rv);
  });

  it("accepts the patch as YAML", () => {
    const h = withWeb();
    expect(h.kubectl(["patch", "deployment", "web", "-p", "spec:\n replicas: 2"]).stdout).toBe(
      "deployment.apps/web patched\n",
    );
    expect(replicas(h)).toBe(2);
  });

  it("merges containers by name with a strategic patch, keeping the image", () => {
    const h = withWeb();
    h.kubectl(["patch", "pod", "app", "-p", '{"spec":{"containers":[{"name":"app","image":"nginx:1.27"}]}}']);
    expect(podSpec(h).containers.map((c) => [c.name, c.image, c.env?.length])).toEqual([
      ["app", "nginx:1.27", 2],
    ]);
  });

  it("replaces the containers list with a merge patch, which the server then rejects", () => {
    const h = withWeb();
    const r = h.kubectl([
      "patch",
      "pod",
      "app",
      "--type",
      "merge",
      "-p",
      '{"spec":{"containers":[{"name":"app"}]}}',
    ]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('The Pod "app" is invalid: ');
  });

  it("deletes a list element with the $patch: delete directive", () => {
    const h = withWeb();
    const env = (list: string) =>
      `{"spec":{"template":{"spec":{"containers":[{"name":"nginx","env":${list}}]}}}}`;
    h.kubectl(["patch", "deploy", "web", "-p", env('[{"name":"A","value":"1"},{"name":"B","value":"2"}]')]);
    const r = h.kubectl(["patch", "deploy", "web", "-p", env('[{"name":"A","$patch":"delete"}]')]);
    expect(r.stdout).toBe("deployment.apps/web patched\n");
    const d = h.api.get<KubeObject & { spec: { template: { spec: Pod["spec"] } } }>(
      "deployments",
      "default",
      "web",
    );
    expect(d.spec.template.spec.containers[0].env).toEqual([{ name: "B", value: "2" }]);
  });

  it("applies a JSON patch", () => {
    const h = withWeb();
    const p = '[{"op":"replace","path":"/spec/containers/0/image","value":"httpd"}]';
    expect(h.kubectl(["patch", "pod", "app", "--type=json", "-p", p]).stdout).toBe("pod/app patched\n");
    expect(podSpec(h).containers[0].image).toBe("httpd");
  });

  it("reports a failing JSON patch operation with the server's generic 422 text", () => {
    const h = withWeb();
    const r = h.kubectl([
      "patch",
      "pod",
      "app",
      "--type=json",
      "-p",
      '[{"op":"remove","path":"/spec/nope"}]',
    ]);
    expect(r).toEqual({
      stdout: "",
      stderr: "The request is invalid: the server rejected our request due to an error in our request\n",
      exitCode: 1,
    });
  });

  it("words a failing JSON patch as kubectl's library does in a client dry run", () => {
    const h = withWeb();
    const p = '[{"op":"replace","path":"/spec/containers/5","value":{}}]';
    expect(h.kubectl(["patch", "pod", "app", "--type=json", "--dry-run=client", "-p", p]).stderr).toBe(
      "error: Object to be patched is missing field (/spec/containers/5: missing value)\n",
    );
    const add = '[{"op":"add","path":"/spec/x/y","value":1}]';
    expect(h.kubectl(["patch", "pod", "app", "--type=json", "--dry-run=client", "-p", add]).stderr).toBe(
      'error: add operation does not apply: doc is missing path: "/spec/x/y": missing value\n',
    );
  });

  it("leaves malformed JSON to the server, which words it per patch type", () => {
    const h = withWeb();
    const bad = '{"spec":{replicas:3}}';
    expect(h.kubectl(["patch", "deploy", "web", "-p", bad]).stderr).toBe(
      "Error from server (BadRequest): invalid character 'r' looking for beginning of object key string\n",
    );
    expect(h.kubectl(["patch", "deploy", "web", "--type=merge", "-p", '{"spec":{"replicas":3}']).stderr).toBe(
      "Error from server (BadRequest): error decoding patch: unexpected end of JSON input\n",
    );
  });

  it("fails on YAML it cannot parse before contacting the server", () => {
    const h = withWeb();
    const p = "[{'op': 'replace', 'path': '/spec/replicas', 'value': 2]";
    expect(h.kubectl(["patch", "deploy", "web", "--type=json", "-p", p]).stderr).toBe(
      `error: unable to parse "${p}": yaml: did not find expected ',' or '}'\n`,
    );
    expect(h.kubectl(["patch", "deploy", "web", "--type=json", "-p", "[1,2"]).stderr).toBe(
      `error: unable to parse "[1,2": yaml: did not find expected ',' or ']'\n`,
    );
  });

  it("reports a JSON patch that is not a list", () => {
    const h = withWeb();
    expect(h.kubectl(["patch", "deploy", "web", "--type=json", "-p", '{"op":"add"}']).stderr).toBe(
      "Error from server (BadRequest): error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp\n",
    );
  });

  it("reports a keyed list element without its merge key as the server does", () => {
    const h = withWeb();
    expect(
      h.kubectl(["patch", "pod", "app", "-p", '{"spec":{"containers":[{"image":"httpd"}]}}']).stderr,
    ).toBe("Error from server: map: map[image:httpd] does not contain declared merge key: name\n");
  });

  it("refuses a patch that renames the object", () => {
    const h = withWeb();
    expect(
      h.kubectl(["patch", "deploy", "web", "--type=merge", "-p", '{"metadata":{"name":"api"}}']).stderr,
    ).toBe(
      "Error from server (BadRequest): the name of the object (api) does not match the name on the URL (web)\n",
    );
  });

  it("reports a missing object as NotFound and goes on with the others", () => {
    const h = withWeb();
    const r = h.kubectl(["patch", "pod", "nope", "app", "-p", '{"metadata":{"labels":{"x":"y"}}}']);
    expect(r).toEqual({
      stdout: "pod/app patched\n",
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
  });

  it("prints the patched object in a client dry run without saving it", () => {
    const h = withWeb();
    const r = h.kubectl([
      "patch",
      "deploy",
      "web",
      "--dry-run=client",
      "-o",
      "jsonpath={.spec.replicas}",
      "-p",
      '{"spec":{"replicas":5}}',
    ]);
    expect(r.stdout).toBe("5");
    expect(replicas(h)).toBe(1);
    expect(
      h.kubectl(["patch", "deploy", "web", "--dry-run=server", "-p", '{"spec":{"replicas":5}}']).stdout,
    ).toBe("deployment.apps/web patched\n");
    expect(replicas(h)).toBe(1);
  });

  it("patches the scale subresource", () => {
    const h = withWeb();
    const r = h.kubectl([
      "patch",
      "deploy",
      "web",
      "--subresource=scale",
      "--type=merge",
      "-p",
      '{"spec":{"replicas":4}}',
    ]);
    expect(r.stdout).toBe("scale.autoscaling/web patched\n");
    expect(replicas(h)).toBe(4);
    expect(h.kubectl(["patch", "pod", "app", "--subresource=scale", "-p", "{}"]).stderr).toBe(
      "Error from server (NotFound): the server could not find the requested resource\n",
    );
  });

  it("patches the object a file names, and a file's object alone with --local", () => {
    const h = withWeb();
    h.files.set("d.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n");
    expect(h.kubectl(["patch", "-f", "d.yaml", "-p", '{"spec":{"replicas":2}}']).stdout).toBe(
      "deployment.apps/web patched\n",
    );
    const local = h.kubectl([
      "patch",
      "-f",
      "d.yaml",
      "--local",
      "-o",
      "yaml",
      "-p",
      '{"spec":{"replicas":7}}',
    ]);
    expect(local.stdout).toContain("  replicas: 7\n");
    expect(replicas(h)).toBe(2);
    // The file's copy, not the live object, is what kubectl compares the result with.
    expect(h.kubectl(["patch", "-f", "d.yaml", "-p", '{"spec":{"replicas":2}}']).stdout).toBe(
      "deployment.apps/web patched\n",
    );
  });

  it("validates its flags as kubectl does", () => {
    const h = withWeb();
    expect(h.kubectl("patch deploy web").stderr).toBe(
      "error: must specify --patch or --patch-file containing the contents of the patch\n",
    );
    expect(h.kubectl(["patch", "deploy", "web", "-p", "{}", "--patch-file", "p.json"]).stderr).toBe(
      "error: cannot specify --patch and --patch-file together\n",
    );
    expect(h.kubectl(["patch", "deploy", "web", "-p", "{}", "--type", "xml"]).stderr).toBe(
      'error: --type must be one of [json merge strategic], not "xml"\n',
    );
    expect(h.kubectl(["patch", "deploy", "web", "-p", "{}", "--subresource", "log"]).stderr).toBe(
      'error: invalid subresource value: "log". Must be one of [status scale]\n',
    );
  });

  it("reads the patch from --patch-file", () => {
    const h = withWeb();
    h.files.set("p.yaml", "spec:\n  replicas: 6\n");
    expect(h.kubectl("patch deploy web --patch-file p.yaml").stdout).toBe("deployment.apps/web patched\n");
    expect(replicas(h)).toBe(6);
  });

  it("prints its help page", () => {
    const r = parseKubectl(["patch", "--help"]);
    expectGolden("kubectl-cli/help-patch.txt", r.ok ? "" : r.stdout);
  });
});

describe("strategic merge patch", () => {
  const pod = {
    kind: "Pod",
    spec: {
      containers: [{ name: "a", image: "nginx", ports: [{ containerPort: 80 }] }],
      tolerations: [{ key: "x", operator: "Exists" }],
    },
  };

  it("puts a new container first, as apimachinery orders merged lists", () => {
    const out = applyPatch("strategic", "Pod", pod, {
      spec: { containers: [{ name: "b", image: "redis" }] },
    });
    expect((out as typeof pod).spec.containers.map((c) => c.name)).toEqual(["b", "a"]);
  });

  it("merges ports by containerPort and replaces tolerations whole", () => {
    const out = applyPatch("strategic", "Pod", pod, {
      spec: {
        containers: [{ name: "a", ports: [{ containerPort: 443 }] }],
        tolerations: [{ key: "y", operator: "Exists" }],
      },
    }) as typeof pod;
    expect(out.spec.containers[0].ports).toEqual([{ containerPort: 443 }, { containerPort: 80 }]);
    expect(out.spec.tolerations).toEqual([{ key: "y", operator: "Exists" }]);
  });

  it("replaces a map or a list on $patch: replace, and retains only $retainKeys", () => {
    const doc = {
      kind: "Deployment",
      spec: { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 } } },
    };
    const out = applyPatch("strategic", "Deployment", doc, {
      spec: { strategy: { $retainKeys: ["type"], type: "Recreate" } },
    });
    expect(out).toEqual({ kind: "Deployment", spec: { strategy: { type: "Recreate" } } });
    const replaced = applyPatch("strategic", "Pod", pod, {
      spec: { containers: [{ name: "c", image: "busybox" }, { $patch: "replace" }] },
    }) as typeof pod;
    expect(replaced.spec.containers).toEqual([{ name: "c", image: "busybox" }]);
  });

  it("throws a merge failure for an element without its merge key", () => {
    expect(() => applyPatch("strategic", "Pod", pod, { spec: { containers: [{ image: "x" }] } })).toThrow(
      new PatchFailure("merge", "map: map[image:x] does not contain declared merge key: name"),
    );
  });
});
