import { describe, expect, it } from "vitest";
import { parseManifest } from "../../sandbox/kubectl/manifests.ts";

const msg = (text: string) =>
  parseManifest(text, "x.yaml").map((i) => (i.ok ? `${i.rt.plural}/${i.obj.metadata.name}` : i.message));

describe("kubectl manifests", () => {
  it("reads several documents and List items", () => {
    const list =
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n";
    expect(msg(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n${list}`)).toEqual([
      "configmaps/a",
      "configmaps/b",
    ]);
  });

  it("words a compact-mapping error as go-yaml does", () => {
    expect(msg("apiVersion: v1\nkind: Pod\nmetadata: name: x\n")).toEqual([
      "error parsing x.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context",
    ]);
  });

  it("words a tab indent as go-yaml does", () => {
    expect(msg("a:\n\tb: c\n")[0]).toBe(
      "error parsing x.yaml: error converting YAML to JSON: yaml: line 2: found character that cannot start any token",
    );
  });

  it("reports an unknown kind as a mapping error", () => {
    expect(msg("apiVersion: v1\nkind: Foo\nmetadata:\n  name: f\n")[0]).toBe(
      'resource mapping not found for name: "f" namespace: "" from "x.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first',
    );
  });

  it("reports missing apiVersion and kind together", () => {
    expect(msg("metadata:\n  name: f\n")[0]).toBe(
      'error validating "x.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    );
  });

  it("skips empty documents", () => {
    expect(msg("---\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n")).toEqual([
      "namespaces/team",
    ]);
  });

  it("reads YAML 1.1 as kubectl does: a bare yes is a boolean, 0644 is octal", () => {
    const items = parseManifest(
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  on: yes\n  mode: 0644\n",
      "c.yaml",
    );
    expect(items[0].ok && items[0].obj.data).toEqual({ true: true, mode: 420 });
  });
});
