import { describe, expect, it } from "vitest";
import { runKubectl } from "../../sandbox/kubectl/index.ts";
import { Random } from "../../sandbox/util/random.ts";
import { unifiedHunks } from "../../sandbox/util/unified-diff.ts";
import { expectGolden } from "../support/golden.ts";
import { WEB_DEPLOYMENT } from "../support/manifests.ts";
import { makeHarness } from "./harness.ts";

const DEP = WEB_DEPLOYMENT;

// A harness whose kubectl gets a seeded random source, as the shell gives it.
function setup() {
  const h = makeHarness();
  const random = new Random(42);
  const kubectl = (line: string, stdin = "") => {
    h.loop.drain();
    return runKubectl({ ...h.ctx(stdin), random: () => random.next() }, line.split(" "));
  };
  return { h, kubectl };
}

describe("kubectl diff", () => {
  it("shows a new object against an empty LIVE file", () => {
    const { kubectl } = setup();
    const r = kubectl("diff -f -", DEP);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe("");
    expectGolden("kubectl/diff-new-deployment.txt", r.stdout);
  });

  it("shows an image change with the generation the server would bump", () => {
    const { kubectl } = setup();
    kubectl("apply -f -", DEP);
    const r = kubectl("diff -f -", DEP.replace("nginx:1.27", "nginx:1.28"));
    expect(r.exitCode).toBe(1);
    expectGolden("kubectl/diff-deployment-image.txt", r.stdout);
  });

  it("prints nothing and exits 0 without differences", () => {
    const { kubectl } = setup();
    kubectl("apply -f -", DEP);
    const r = kubectl("diff -f -", DEP);
    expect(r).toEqual({ stdout: "", stderr: "", exitCode: 0 });
  });

  it("changes nothing on the server", () => {
    const { h, kubectl } = setup();
    kubectl("apply -f -", DEP);
    h.loop.drain();
    const rv = h.etcd.revision();
    kubectl("diff -f -", DEP.replace("replicas: 2", "replicas: 5"));
    kubectl("diff -f -", DEP.replace("name: web", "name: other"));
    expect(h.etcd.revision()).toBe(rv);
    expect(h.api.tryGet("deployments", "default", "other")).toBeUndefined();
  });

  it("masks a Secret's data values", () => {
    const { kubectl } = setup();
    const secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  a: YQ==\n  b: Yg==\n";
    kubectl("apply -f -", secret);
    const r = kubectl("diff -f -", secret.replace("b: Yg==", "b: Yw=="));
    expect(r.stdout).toContain("-  b: '*** (before)'\n+  b: '*** (after)'\n");
    expect(r.stdout).toContain("   a: '***'\n");
  });

  it("exits 2 on errors: extra arguments, no file, unknown flags", () => {
    const { kubectl } = setup();
    expect(kubectl("diff pods")).toEqual({
      stdout: "",
      stderr: "error: Unexpected args: [pods]\nSee 'kubectl diff -h' for help and examples\n",
      exitCode: 2,
    });
    expect(kubectl("diff")).toEqual({
      stdout: "",
      stderr: "error: must specify one of -f and -k\n",
      exitCode: 2,
    });
    expect(kubectl("diff --bogus -f x.yaml")).toEqual({
      stdout: "",
      stderr: "error: unknown flag: --bogus\nSee 'kubectl diff -h' for help and examples\n",
      exitCode: 2,
    });
    expect(kubectl("diff -f missing.yaml").exitCode).toBe(2);
  });

  it("prints kubectl's help page", () => {
    expectGolden("kubectl/diff-help.txt", makeHarness().kubectl("diff --help").stdout);
  });
});

describe("unifiedHunks", () => {
  const text = (n: number, change: Record<number, string> = {}) =>
    Array.from({ length: n }, (_, i) => `${change[i + 1] ?? `l${i + 1}`}\n`).join("");

  it("keeps changes up to six lines apart in one hunk, GNU diff's 2 × context", () => {
    const hunks = unifiedHunks(text(20), text(20, { 5: "x", 12: "y" }));
    expect(hunks.split("\n")[0]).toBe("@@ -2,14 +2,14 @@");
  });

  it("splits changes seven lines apart into two hunks", () => {
    const hunks = unifiedHunks(text(20), text(20, { 5: "x", 13: "y" }));
    expect(hunks.match(/^@@.*$/gm)).toEqual(["@@ -2,7 +2,7 @@", "@@ -10,7 +10,7 @@"]);
  });

  it("prints a one-line range without a count and an empty one as the line before", () => {
    expect(unifiedHunks("a\n", "b\n")).toBe("@@ -1 +1 @@\n-a\n+b\n");
    expect(unifiedHunks("", "a\nb\n")).toBe("@@ -0,0 +1,2 @@\n+a\n+b\n");
    expect(unifiedHunks("a\n", "a\n")).toBe("");
  });
});
