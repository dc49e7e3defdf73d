import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { KUBE_FLANNEL_YML } from "../../sandbox/network/flannel-manifest.ts";

const FILE = join(import.meta.dirname, "../../sandbox/network/kube-flannel.json");

describe("the built-in flannel manifest", () => {
  it("ships its objects exactly as a YAML 1.1 reader reads kube-flannel.yml", () => {
    const read = parseAllDocuments(KUBE_FLANNEL_YML, { version: "1.1" })
      .map((d) => d.toJS() as { kind?: string } | null)
      .filter((d) => d?.kind);
    // The boot applies kube-flannel.json rather than parsing the YAML; `npm run test:update` rewrites it.
    if (process.env.UPDATE_GOLDENS === "1") writeFileSync(FILE, `${JSON.stringify(read, null, 2)}\n`);
    // Key order too: the objects' last-applied-configuration annotation is their JSON text.
    expect(JSON.stringify(JSON.parse(readFileSync(FILE, "utf8")))).toBe(JSON.stringify(read));
  });
});
