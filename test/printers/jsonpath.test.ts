import { describe, expect, it } from "vitest";
import {
  JsonPathError,
  parseCustomColumns,
  printJsonPath,
  renderCustomColumns,
  toList,
} from "../../sandbox/kubectl/output/index.ts";
import { appPods, freshNodes } from "./fixtures.ts";

const list = toList(appPods());
const jp = (t: string, data: unknown = list, opts = {}) => printJsonPath(t, data, opts);

describe("kubectl -o jsonpath", () => {
  it("prints a field of one object", () => {
    expect(jp("{.metadata.name}", appPods()[0])).toBe("nginx");
  });

  it("joins the results of [*] with spaces", () => {
    expect(jp("{.items[*].metadata.name}")).toBe("nginx web-7d4b9c8f5d-x2x9z");
  });

  it("indexes arrays, negative indexes counting from the end", () => {
    expect(jp("{.items[0].status.podIP}")).toBe("10.244.1.2");
    expect(jp("{.items[-1].metadata.name}")).toBe("web-7d4b9c8f5d-x2x9z");
  });

  it("repeats range … end per item, with \\n and \\t in quoted literals", () => {
    expect(jp('{range .items[*]}{.metadata.name}{"\\t"}{.spec.nodeName}{"\\n"}{end}')).toBe(
      "nginx\tnode01\nweb-7d4b9c8f5d-x2x9z\tnode02\n",
    );
  });

  it("keeps text outside braces as it is", () => {
    expect(jp("name={.metadata.name}", appPods()[0])).toBe("name=nginx");
  });

  it("filters arrays with [?()]", () => {
    const nodes = toList(freshNodes());
    expect(jp('{.items[*].status.addresses[?(@.type=="InternalIP")].address}', nodes)).toBe(
      "172.30.1.2 172.30.2.2",
    );
    expect(
      jp('{.items[?(@.metadata.name=="node01")].status.conditions[?(@.type=="Ready")].status}', nodes),
    ).toBe("False");
  });

  it("descends recursively with ..", () => {
    expect(jp("{..podIP}")).toBe("10.244.1.2 10.244.2.3");
  });

  it("prints maps and lists as compact JSON with sorted keys", () => {
    expect(jp("{.items[1].metadata.labels}")).toBe('{"app":"web","pod-template-hash":"7d4b9c8f5d"}');
  });

  it("prints nothing for a missing key, as --allow-missing-template-keys defaults to true", () => {
    expect(jp("{.items[0].foo}")).toBe("");
  });

  it("fails with kubectl's text for a missing key when missing keys are not allowed", () => {
    const obj = { apiVersion: "v1", kind: "Pod", metadata: { name: "x" } };
    expect(() => jp("{.foo}", obj, { allowMissingKeys: false })).toThrow(JsonPathError);
    try {
      jp("{.foo}", obj, { allowMissingKeys: false });
    } catch (e) {
      expect((e as Error).message).toBe(
        'error executing jsonpath "{.foo}": Error executing template: foo is not found. Printing more information for debugging the template:\n' +
          "\ttemplate was:\n\t\t{.foo}\n" +
          '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"apiVersion":"v1", "kind":"Pod", "metadata":map[string]interface {}{"name":"x"}}\n\n\n',
      );
    }
  });

  it("fails on an index out of range with the List dumped as Go prints it", () => {
    expect(() => jp("{.items[0].metadata.name}", toList([]))).toThrow(
      'error executing jsonpath "{.items[0].metadata.name}": Error executing template: array index out of bounds: index 0, length 0. Printing more information for debugging the template:\n' +
        "\ttemplate was:\n\t\t{.items[0].metadata.name}\n" +
        '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"apiVersion":"v1", "items":[]interface {}{}, "kind":"List", "metadata":map[string]interface {}{"resourceVersion":""}}\n\n\n',
    );
  });

  it("fails on an identifier without a leading dot", () => {
    expect(() => jp("{data.x}", { data: { x: 1 } })).toThrow(
      "Error executing template: unrecognized identifier data.",
    );
  });

  it("reports parse errors as kubectl does", () => {
    expect(() => jp("{.items[")).toThrow("error parsing jsonpath {.items[, unterminated array\n");
    expect(() => jp("{.metadata.name")).toThrow("error parsing jsonpath {.metadata.name, unclosed action\n");
  });
});

describe("kubectl -o custom-columns", () => {
  it("lays out the given headers and <none> for missing values", () => {
    const cols = parseCustomColumns(
      "NAME:.metadata.name,IP:.status.podIP,NOMINATED:.status.nominatedNodeName",
    );
    expect(renderCustomColumns(appPods(), cols)).toBe(
      "NAME                   IP           NOMINATED\nnginx                  10.244.1.2   <none>\nweb-7d4b9c8f5d-x2x9z   10.244.2.3   <none>\n",
    );
  });

  it("joins several values with commas", () => {
    const cols = parseCustomColumns("IMAGES:.spec.containers[*].image");
    const pod = {
      ...appPods()[0],
      spec: {
        containers: [
          { name: "a", image: "nginx" },
          { name: "b", image: "busybox" },
        ],
      },
    };
    expect(renderCustomColumns([pod], cols, { noHeaders: true })).toBe("nginx,busybox\n");
  });

  it("rejects a column without a header", () => {
    expect(() => parseCustomColumns("NAME")).toThrow(
      "unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>",
    );
  });
});
