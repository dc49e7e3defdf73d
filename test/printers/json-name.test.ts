import { describe, expect, it } from "vitest";
import { lookupResource } from "../../sandbox/api/resources.ts";
import { toJson, toList, toName, toNames } from "../../sandbox/kubectl/output/index.ts";
import { expectGolden } from "../support/golden.ts";
import { appPods, corednsWorkloads } from "./fixtures.ts";

describe("kubectl -o json", () => {
  it("indents with four spaces and keeps the object's key order", () => {
    expect(
      toJson({ kind: "Pod", apiVersion: "v1", metadata: { name: "nginx" }, spec: { containers: [] } }),
    ).toBe(
      '{\n    "kind": "Pod",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "nginx"\n    },\n    "spec": {\n        "containers": []\n    }\n}\n',
    );
  });

  it("sorts keys when asked, as kubectl get prints unstructured objects", () => {
    expect(toJson({ kind: "Pod", apiVersion: "v1", status: {} }, { sortKeys: true })).toBe(
      '{\n    "apiVersion": "v1",\n    "kind": "Pod",\n    "status": {}\n}\n',
    );
  });

  it("wraps lists as a v1 List", () => {
    const text = toJson(toList(appPods()), { sortKeys: true });
    expect(
      text.endsWith('    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n'),
    ).toBe(true);
    expectGolden("printers/pods-list.json", text);
  });

  it("escapes <, > and & as Go does", () => {
    expect(toJson({ m: "a<b>&c" })).toBe('{\n    "m": "a\\u003cb\\u003e\\u0026c"\n}\n');
  });
});

describe("kubectl -o name", () => {
  it("prints core kinds bare and grouped kinds with their group", () => {
    const [deploy] = corednsWorkloads();
    expect(toName(appPods()[0])).toBe("pod/nginx");
    expect(toName(deploy)).toBe("deployment.apps/coredns");
    expect(toName(deploy, lookupResource("deploy"))).toBe("deployment.apps/coredns");
  });

  it("prints one name per line", () => {
    expect(toNames(appPods())).toBe("pod/nginx\npod/web-7d4b9c8f5d-x2x9z\n");
  });
});
