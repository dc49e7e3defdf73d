import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.ts";
import { makeHarness } from "./harness.ts";

function withPods() {
  const h = makeHarness();
  h.kubectl("run web --image=nginx:1.27 --labels=app=web");
  h.kubectl("run cache --image=redis");
  h.kubectl("create deployment api --image=httpd --image=busybox");
  return h;
}

describe("kubectl get -o custom-columns", () => {
  it("prints the given headers, padded by three spaces, with <none> for missing values", () => {
    const h = withPods();
    const r = h.kubectl([
      "get",
      "pods",
      "cache",
      "web",
      "-o",
      "custom-columns=NAME:.metadata.name,APP:.metadata.labels.app,IMAGE:.spec.containers[*].image",
    ]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("NAME    APP      IMAGE\ncache   <none>   redis\nweb     web      nginx:1.27\n");
  });

  it("joins several values with commas", () => {
    const h = withPods();
    const r = h.kubectl([
      "get",
      "deploy",
      "-o",
      "custom-columns=NAME:.metadata.name,IMAGES:.spec.template.spec.containers[*].image",
    ]);
    expectGolden("kubectl/custom-columns-deployments.txt", r.stdout);
  });

  it("accepts the relaxed forms of a path and leaves the header as written", () => {
    const h = withPods();
    const r = h.kubectl([
      "get",
      "pod",
      "web",
      "-o",
      "custom-columns=Pod:metadata.name,Img:{.spec.containers[0].image}",
    ]);
    expect(r.stdout).toBe("Pod   Img\nweb   nginx:1.27\n");
  });

  it("drops the header with --no-headers and sorts with --sort-by", () => {
    const h = withPods();
    const r = h.kubectl([
      "get",
      "pods",
      "--no-headers",
      "--sort-by=.spec.containers[0].image",
      "-o",
      "custom-columns=N:.metadata.name",
    ]);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^api-/);
    expect(lines.slice(1)).toEqual(["web", "cache", ""]);
  });

  it("sorts -o name, jsonpath and json output with --sort-by too, and rejects a field no object has", () => {
    const h = withPods();
    const sort = ["--sort-by=.spec.containers[0].image"];
    const names = h.kubectl(["get", "pods", "-o", "name", ...sort]).stdout.split("\n");
    expect(names[0]).toMatch(/^pod\/api-/);
    expect(names.slice(1)).toEqual(["pod/web", "pod/cache", ""]);
    const path = h.kubectl(["get", "pods", "-o", "jsonpath={.items[*].spec.containers[0].image}", ...sort]);
    expect(path.stdout).toBe("httpd nginx:1.27 redis");
    const bad = h.kubectl(["get", "pods", "-o", "name", "--sort-by=.spec.bogus"]);
    expect(bad).toMatchObject({
      stdout: "",
      stderr: 'error: couldn\'t find any field with path "{.spec.bogus}" in the list of objects\n',
      exitCode: 1,
    });
  });

  it("prints the header once while watching", () => {
    const h = withPods();
    const r = h.kubectl([
      "get",
      "pods",
      "web",
      "-w",
      "-o",
      "custom-columns=NAME:.metadata.name,NODE:.spec.nodeName",
    ]);
    expect(r.stdout.split("\n")[0]).toBe("NAME   NODE");
    expect(r.stdout.split("\n").filter((l) => l.startsWith("NAME"))).toHaveLength(1);
  });

  it("rejects a column without a header", () => {
    const h = withPods();
    expect(h.kubectl(["get", "pods", "-o", "custom-columns=NAME:.metadata.name,IMAGE"])).toEqual({
      stdout: "",
      stderr: "error: unexpected custom-columns spec: IMAGE, expected <header>:<json-path-expr>\n",
      exitCode: 1,
    });
    expect(h.kubectl("get pods -o custom-columns").stderr).toBe(
      "error: custom-columns format specified but no custom columns given\n",
    );
  });

  it("reads the columns from a custom-columns-file", () => {
    const h = withPods();
    h.files.set("cols.txt", "NAME          IMAGE\n.metadata.name   .spec.containers[0].image\n");
    expect(h.kubectl("get pods web -o custom-columns-file=cols.txt").stdout).toBe(
      "NAME   IMAGE\nweb    nginx:1.27\n",
    );
    expect(h.kubectl("get pods -o custom-columns-file=nope.txt").stderr).toBe(
      "error: error reading template nope.txt, open nope.txt: no such file or directory\n",
    );
    h.files.set("bad.txt", "NAME IMAGE\n.metadata.name\n");
    expect(h.kubectl("get pods -o custom-columns-file=bad.txt").stderr).toBe(
      "error: number of headers (2) and field specifications (1) don't match\n",
    );
  });

  it("prints only the header when nothing is found", () => {
    const h = makeHarness();
    expect(h.kubectl("get pods -o custom-columns=NAME:.metadata.name")).toEqual({
      stdout: "NAME\n",
      stderr: "",
      exitCode: 0,
    });
  });

  it("is refused by commands that print single objects", () => {
    const h = withPods();
    expect(
      h.kubectl("run x --image=nginx --dry-run=client -o custom-columns=N:.metadata.name").stderr,
    ).toContain(
      'error: unable to match a printer suitable for the output format "custom-columns=N:.metadata.name"',
    );
  });
});
