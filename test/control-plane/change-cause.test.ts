import { describe, expect, it } from "vitest";
import type { ReplicaSet } from "../../sandbox/api/types.ts";
import { createCluster } from "../../sandbox/index.ts";

const history = (rows: string[]) =>
  `deployment.apps/web \nREVISION  CHANGE-CAUSE\n${rows.map((r) => `${r}\n`).join("")}\n`;

describe("a Deployment's change-cause", () => {
  it("reaches its current ReplicaSet, and rollout history, when the Deployment is annotated", () => {
    const cluster = createCluster();
    const sh = cluster.shell();
    const run = (line: string) => sh.run(line);
    run("kubectl create deployment web --image=nginx");
    run("sleep 5");
    run("kubectl set image deploy/web nginx=nginx:1.27");
    run("sleep 5");
    expect(
      run('kubectl annotate deploy web kubernetes.io/change-cause="image updated to 1.27"').exitCode,
    ).toBe(0);
    run("sleep 1");
    expect(run("kubectl rollout history deploy/web").stdout).toBe(
      history(["1         <none>", "2         image updated to 1.27"]),
    );
    // The controller's own annotations are not copied: the ReplicaSet keeps its revision.
    const rs = cluster.api
      .list<ReplicaSet>("replicasets", { namespace: "default" })
      .items.find((r) => r.metadata.annotations?.["kubernetes.io/change-cause"]);
    expect(rs?.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
  });

  it("comes back from the revision a rollback returns to, not from the Deployment's last one", () => {
    const sh = createCluster().shell();
    const run = (line: string) => sh.run(line);
    run("kubectl create deployment web --image=nginx");
    run('kubectl annotate deploy web kubernetes.io/change-cause="first"');
    run("sleep 5");
    run("kubectl set image deploy/web nginx=nginx:1.27");
    run('kubectl annotate deploy web kubernetes.io/change-cause="second" --overwrite');
    run("sleep 5");
    expect(run("kubectl rollout undo deploy/web --to-revision=1").stdout).toBe(
      "deployment.apps/web rolled back\n",
    );
    run("sleep 5");
    expect(run("kubectl rollout history deploy/web").stdout).toBe(
      history(["2         second", "3         first"]),
    );
    expect(
      run("kubectl get deploy web -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}'").stdout,
    ).toBe("first");
  });
});
