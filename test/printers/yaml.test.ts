import { describe, expect, it } from "vitest";
import { toList, toYaml } from "../../sandbox/kubectl/output/index.ts";
import { expectGolden } from "../support/golden.ts";
import { appPods, clusterServices } from "./fixtures.ts";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("kubectl -o yaml", () => {
  it("prints the run --dry-run=client manifest of FIDELITY §2 byte for byte", () => {
    // Keys deliberately out of order, as the typed object has them.
    const pod = {
      kind: "Pod",
      apiVersion: "v1",
      metadata: { name: "nginx", creationTimestamp: null, labels: { run: "nginx" } },
      spec: {
        containers: [{ name: "nginx", image: "nginx", resources: {} }],
        restartPolicy: "Always",
        dnsPolicy: "ClusterFirst",
      },
      status: {},
    };
    expect(toYaml(pod)).toBe(
      lines(
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  creationTimestamp: null",
        "  labels:",
        "    run: nginx",
        "  name: nginx",
        "spec:",
        "  containers:",
        "  - image: nginx",
        "    name: nginx",
        "    resources: {}",
        "  dnsPolicy: ClusterFirst",
        "  restartPolicy: Always",
        "status: {}",
      ),
    );
  });

  it("wraps several objects in a List with an empty resourceVersion", () => {
    const text = toYaml(toList(clusterServices(60, 58)));
    expect(text.startsWith("apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Service\n")).toBe(true);
    expect(text.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
    expectGolden("printers/services-list.yaml", text);
  });

  it("prints a pod list", () => {
    expectGolden("printers/pods-list.yaml", toYaml(toList(appPods())));
  });

  it("quotes strings a YAML 1.1 reader would not read back as strings", () => {
    const text = toYaml({
      a: "2025-01-01T00:00:00Z",
      b: "8080",
      c: "true",
      d: "yes",
      e: "",
      f: "null",
      g: "1.5",
      h: "0x1F",
      i: "~",
      j: "10.244.0.0/16",
      k: "v1.32.4",
      l: "nginx:1.27",
    });
    expect(text).toBe(
      lines(
        'a: "2025-01-01T00:00:00Z"',
        'b: "8080"',
        'c: "true"',
        'd: "yes"',
        'e: ""',
        'f: "null"',
        'g: "1.5"',
        'h: "0x1F"',
        'i: "~"',
        "j: 10.244.0.0/16",
        "k: v1.32.4",
        "l: nginx:1.27",
      ),
    );
  });

  it("single-quotes strings that cannot be plain, doubling inner quotes", () => {
    expect(toYaml({ a: "a: b", b: "*", c: " lead", d: "it's", e: "x #y", f: "@x" })).toBe(
      lines("a: 'a: b'", "b: '*'", "c: ' lead'", "d: it's", "e: 'x #y'", "f: '@x'"),
    );
  });

  it("double-quotes strings with tabs or non-printable characters, with YAML escapes", () => {
    expect(toYaml({ a: "tab\there", b: "bell\x07", c: "emoji 😀" })).toBe(
      lines('a: "tab\\there"', 'b: "bell\\a"', 'c: "emoji \\U0001F600"'),
    );
  });

  it("prints multi-line strings as | literal blocks with the right chomping", () => {
    expect(toYaml({ data: { Corefile: ".:53 {\n    errors\n}\n", two: "a\nb", keep: "a\n\n" } })).toBe(
      lines(
        "data:",
        "  Corefile: |",
        "    .:53 {",
        "        errors",
        "    }",
        "  keep: |+",
        "    a",
        "",
        "  two: |-",
        "    a",
        "    b",
      ),
    );
  });

  it("folds long quoted strings at the first space past column 80, as go-yaml does", () => {
    const message =
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, " +
      "2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: " +
      "3 Preemption is not helpful for scheduling.";
    const text = toYaml({ status: { conditions: [{ lastProbeTime: null, message, type: "PodScheduled" }] } });
    expect(text).toBe(
      lines(
        "status:",
        "  conditions:",
        "  - lastProbeTime: null",
        "    message: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:",
        "      }, 2 node(s) didn''t match Pod''s node affinity/selector. preemption: 0/3 nodes",
        "      are available: 3 Preemption is not helpful for scheduling.'",
        "    type: PodScheduled",
      ),
    );
  });

  it("sorts keys the go-yaml way: digit runs by value, non-letters before letters", () => {
    expect(toYaml({ item10: 1, item9: 2, ab: 3, "a-b": 4, B: 5, a: 6 })).toBe(
      lines("B: 5", "a: 6", "a-b: 4", "ab: 3", "item9: 2", "item10: 1"),
    );
  });

  it("indents lists inside lists and prints empty collections inline", () => {
    expect(toYaml({ m: [[1, 2], { a: [] }, {}] })).toBe(lines("m:", "- - 1", "  - 2", "- a: []", "- {}"));
  });

  it("quotes keys that would read as booleans", () => {
    expect(toYaml({ y: "a", n: 1 })).toBe(lines('"n": 1', '"y": a'));
  });
});
