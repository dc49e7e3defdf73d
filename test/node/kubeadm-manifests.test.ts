import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { DEFAULT_CONTROL_PLANE, staticPodManifests } from "../../sandbox/node/kubeadm-manifests.ts";
import { inYamlOrder } from "../../sandbox/util/go-yaml.ts";
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

  it("hand each reader its own copy of a remembered manifest", () => {
    const text = staticPodManifests(DEFAULT_CONTROL_PLANE)["etcd.yaml"];
    const first = parseYamlDocuments(text)[0] as { metadata: { name: string } };
    first.metadata.name = "changed";
    expect((parseYamlDocuments(text)[0] as { metadata: { name: string } }).metadata.name).toBe("etcd");
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
