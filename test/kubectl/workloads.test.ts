import { describe, expect, it } from "vitest";
import { makeHarness } from "./harness.ts";

describe("kubectl expose", () => {
  it("exposes a deployment with its selector", () => {
    const h = makeHarness();
    h.kubectl("create deployment api --image=nginx");
    expect(h.kubectl("expose deploy api --port=80").stdout).toBe("service/api exposed\n");
    expect(h.kubectl(["get", "svc", "api", "-o", "jsonpath={.spec.selector}"]).stdout).toBe('{"app":"api"}');
  });

  it("fails without a port to find", () => {
    const h = makeHarness();
    h.kubectl("run nginx --image=nginx");
    expect(h.kubectl("expose pod nginx").stderr).toBe(
      "error: couldn't find port via --port flag or introspection\n",
    );
  });

  it("reports a missing deployment", () => {
    expect(makeHarness().kubectl("expose deploy web --port=80").stderr).toBe(
      'Error from server (NotFound): deployments.apps "web" not found\n',
    );
  });
});

describe("kubectl scale", () => {
  it("scales and checks --current-replicas", () => {
    const h = makeHarness();
    h.kubectl("create deployment api --image=nginx");
    expect(h.kubectl("scale deploy api --replicas=3").stdout).toBe("deployment.apps/api scaled\n");
    expect(h.kubectl("scale deploy api --replicas=1 --current-replicas=2").stderr).toBe(
      "error: Expected replicas to be 2, was 3\n",
    );
  });

  it("reports a missing deployment as kubectl does", () => {
    expect(makeHarness().kubectl("scale deploy web --replicas=3").stderr).toBe(
      'error: no objects passed to scale deployments.apps "web" not found\n',
    );
  });
});

describe("kubectl rollout", () => {
  it("prints history and the revision's template", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    h.kubectl("rollout restart deploy/web");
    expect(h.kubectl("rollout history deploy/web").stdout).toBe(
      "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n",
    );
    expect(h.kubectl("rollout history deploy/web --revision=1").stdout).toMatch(
      /^deployment.apps\/web with revision #1\nPod Template:\n {2}Labels: {2,}app=web\n +pod-template-hash=/,
    );
  });

  it("rolls back to the previous revision", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    h.kubectl("rollout restart deploy/web");
    expect(h.kubectl("rollout undo deploy/web").stdout).toBe("deployment.apps/web rolled back\n");
    expect(h.kubectl("rollout undo deploy/web --to-revision=9").stderr).toBe(
      "error: unable to find specified revision 9 in history\n",
    );
  });

  it("pauses and resumes", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    expect(h.kubectl("rollout pause deploy/web").stdout).toBe("deployment.apps/web paused\n");
    expect(h.kubectl("rollout resume deploy/web").stdout).toBe("deployment.apps/web resumed\n");
  });

  it("prints the waiting lines and times out when pods never start", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    const r = h.kubectl("rollout status deploy/web --timeout=20s");
    expect(r.stdout).toContain(
      'Waiting for deployment "web" rollout to finish: 0 of 1 updated replicas are available...\n',
    );
    expect(r.stderr).toBe("error: timed out waiting for the condition\n");
  });
});

describe("kubectl label and annotate", () => {
  it("refuses to overwrite without --overwrite", () => {
    const h = makeHarness();
    h.kubectl("run nginx --image=nginx");
    expect(h.kubectl("label pod nginx run=x").stderr).toBe(
      "error: 'run' already has a value (nginx), and --overwrite is false\n",
    );
    expect(h.kubectl("label pod nginx run=x --overwrite").stdout).toBe("pod/nginx labeled\n");
    expect(h.kubectl("label pod nginx run=x").stdout).toBe("pod/nginx not labeled\n");
    expect(h.kubectl("label pod nginx run-").stdout).toBe("pod/nginx unlabeled\n");
    expect(h.kubectl("annotate pod nginx note=hi").stdout).toBe("pod/nginx annotated\n");
  });

  it("says which way the labels changed, prefixed keys included", () => {
    const h = makeHarness();
    h.kubectl("run nginx --image=nginx");
    expect(h.kubectl("label pod nginx example.com/tier=web").stdout).toBe("pod/nginx labeled\n");
    expect(h.kubectl("label pod nginx a=b example.com/tier-").stdout).toBe("pod/nginx label(s) changed\n");
    expect(h.kubectl("label pod nginx a-").stdout).toBe("pod/nginx unlabeled\n");
    expect(h.kubectl("get pod nginx --show-labels --no-headers").stdout).toMatch(/ run=nginx\n$/);
  });

  it("rejects what kubectl's label parser rejects", () => {
    const h = makeHarness();
    h.kubectl("run nginx --image=nginx");
    const err = (line: string) => h.kubectl(line).stderr;
    expect(err("label pod a=b nginx")).toBe(
      "error: all resources must be specified before label changes: nginx\n",
    );
    expect(err("label pod nginx x=1=2")).toBe("error: invalid label spec: x=1=2\n");
    expect(err("label pod nginx x=@")).toMatch(/^error: invalid label value: "x=@": a valid label must be /);
    expect(err("label pod nginx x=1 x-")).toBe(
      "error: can not both modify and remove a label in the same command\n",
    );
    expect(err("annotate pod nginx x=1 x-")).toBe(
      "error: can not both modify and remove the following annotation(s) in the same command: x\n",
    );
  });
});

describe("kubectl describe", () => {
  it("describes every object whose name starts with the prefix", () => {
    const h = makeHarness();
    h.kubectl("create cm ng-a");
    h.kubectl("create cm ng-b");
    const out = h.kubectl("describe cm ng").stdout;
    expect(out.match(/^Name: /gm)?.length).toBe(2);
    expect(out).toContain("\n\n\nName:");
  });

  it("reports NotFound when nothing matches", () => {
    expect(makeHarness().kubectl("describe pod zz").stderr).toBe(
      'Error from server (NotFound): pods "zz" not found\n',
    );
  });
});
