import { describe, expect, it } from "vitest";
import { rfc3339 } from "../../sandbox/util/time.ts";
import { makeHarness } from "./harness.ts";

describe("a server-side dry run of a create", () => {
  it("answers the object as it would be stored, uid included, without a resourceVersion", () => {
    const h = makeHarness();
    const r = h.kubectl("create configmap c1 --from-literal=a=1 --dry-run=server -o yaml");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [
        "apiVersion: v1",
        "data:",
        '  a: "1"',
        "kind: ConfigMap",
        "metadata:",
        `  creationTimestamp: "${rfc3339(h.api.loop.now())}"`,
        "  name: c1",
        "  namespace: default",
        `  uid: ${/uid: (\S+)/.exec(r.stdout)?.[1]}`,
        "",
      ].join("\n"),
    );
    expect(r.stdout).toMatch(/^ {2}uid: [0-9a-f]{8}-[0-9a-f]{4}-/m);
    expect(r.stdout).not.toMatch(/resourceVersion:/);
    expect(h.kubectl("get configmap c1").stderr).toBe(
      'Error from server (NotFound): configmaps "c1" not found\n',
    );
  });

  it("keeps the defaults and generation the server adds", () => {
    const shown = JSON.parse(
      makeHarness().kubectl("create deployment d --image=nginx --dry-run=server -o json").stdout,
    );
    expect(shown.metadata.generation).toBe(1);
    expect(shown.metadata.resourceVersion).toBeUndefined();
    expect(shown.spec.template.spec.containers[0].imagePullPolicy).toBe("Always");
  });
});
