import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeHarness } from "./harness.ts";

const WORDS = [
  "get",
  "describe",
  "run",
  "create",
  "apply",
  "delete",
  "expose",
  "scale",
  "rollout",
  "status",
  "undo",
  "label",
  "annotate",
  "logs",
  "exec",
  "cordon",
  "drain",
  "taint",
  "pods",
  "pod/x",
  "deploy",
  "svc",
  "nodes",
  "node01",
  "ns",
  "x",
  "web",
  "-f",
  "-",
  "-o",
  "yaml",
  "wide",
  "name",
  "-n",
  "kube-system",
  "-A",
  "-l",
  "app=x",
  "--image=nginx",
  "--replicas=2",
  "--port=80",
  "--all",
  "--",
  "k=v:NoSchedule",
  "a=b",
  "a-",
  "--force",
  "--grace-period=0",
  "--dry-run=client",
  "%%",
  "",
  "foo",
  "jsonpath={.x}",
  "--tcp=80",
];

describe("kubectl with random command lines", () => {
  it("never throws, always returns an exit code, and leaves etcd unchanged on failure", () => {
    const h = makeHarness();
    h.kubectl("create deployment web --image=nginx");
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS), { maxLength: 7 }),
        fc.string({ maxLength: 40 }),
        (argv, stdin) => {
          h.loop.drain();
          const rev = h.etcd.revision();
          const r = h.kubectl(argv, stdin);
          expect(Number.isInteger(r.exitCode)).toBe(true);
          expect(typeof r.stdout).toBe("string");
          if (r.exitCode !== 0 && r.stdout === "") expect(h.etcd.revision()).toBe(rev);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});
