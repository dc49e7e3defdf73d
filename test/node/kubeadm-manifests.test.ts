import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { DEFAULT_CONTROL_PLANE, staticPodManifests } from "../../sandbox/node/kubeadm-manifests.ts";
import { staticPodYaml } from "../../sandbox/node/static-pod-yaml.ts";
import { inYamlOrder, toYaml } from "../../sandbox/util/go-yaml.ts";
import { marshalYaml, parseYamlDocuments } from "../../sandbox/util/yaml-cache.ts";

// What a real YAML 1.1 reader makes of a text, bypassing the process-wide parse cache.
function readFresh(text: string): unknown[] {
  return parseAllDocuments(text, { version: "1.1" }).map((d) => d.toJS());
}

describe("kubeadm's static pod manifests", () => {
  const params = [
    DEFAULT_CONTROL_PLANE,
    { ...DEFAULT_CONTROL_PLANE, nodeName: "cp-1", advertiseAddress: "10.0.0.7", podCidr: "10.244.0.0/14" },
  ];

  it("read back, key order included, as the very values they were rendered from", () => {
    for (const p of params) {
      for (const [file, text] of Object.entries(staticPodManifests(p))) {
        const remembered = parseYamlDocuments(text);
        expect(JSON.stringify(remembered), file).toBe(JSON.stringify(readFresh(text)));
      }
    }
  });

  it("print exactly what the go-yaml marshaller prints for the values they read back as", () => {
    const odd = { ...DEFAULT_CONTROL_PLANE, nodeName: "yes", kubernetesVersion: "v1.32.4 beta" };
    for (const p of [...params, odd]) {
      for (const [file, text] of Object.entries(staticPodManifests(p))) {
        expect(text, file).toBe(toYaml(readFresh(text)[0]));
      }
    }
  });

  it("hand each reader its own copy of a remembered manifest", () => {
    const text = staticPodManifests(DEFAULT_CONTROL_PLANE)["etcd.yaml"];
    const first = parseYamlDocuments(text)[0] as { metadata: { name: string } };
    first.metadata.name = "changed";
    expect((parseYamlDocuments(text)[0] as { metadata: { name: string } }).metadata.name).toBe("etcd");
  });
});

describe("staticPodYaml", () => {
  it("prints maps in go-yaml order as toYaml does, and declines what would need quoting", () => {
    const value = {
      a: [["x", { b: 1, c: [] }], { d: {}, e: null, f: true }],
      g: { h: ["--i=j,k*", "/l/m.n", "100Mi", "172.30.1.2:6443", "10.0.0.7", "-x", "yess", "0.5m", "1.2.3"] },
    };
    expect(staticPodYaml(value)).toBe(toYaml(value));
    const words = ["y", "No", "TRUE", "off", "null", "-1", "-.5", "0x1f", "1e3", "1_000", "2024-01-02"];
    for (const bad of [...words, "1", "12:30", "1:20:30.5", "a b", "*x", "---x", "x#", "", 1.5, undefined])
      expect(staticPodYaml({ a: { b: [bad] } }), String(bad)).toBeUndefined();
    expect(staticPodYaml({ "8080": "x" })).toBeUndefined();
  });
});

describe("marshalYaml", () => {
  it("remembers values whose strings a YAML 1.1 reader would misread unless quoted", () => {
    const value = {
      z: ["yes", "on", "0644", "1e3", "null", "~", "2024-01-02", "<<", "12:30", ""],
      a: { "8080": true, b: null, c: 1.5, d: [], e: {} },
    };
    const text = marshalYaml(value);
    expect(JSON.stringify(parseYamlDocuments(text))).toBe(JSON.stringify(readFresh(text)));
    expect(JSON.stringify(parseYamlDocuments(text)[0])).toBe(JSON.stringify(inYamlOrder(value)));
  });
});
