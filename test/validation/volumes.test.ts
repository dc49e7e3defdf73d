import { describe, expect, it } from "vitest";
import { create, pod } from "./support.ts";

const volumes = (...vs: Record<string, unknown>[]) => pod({ volumes: vs });

describe("pod volume validation", () => {
  it("accepts a volume with one source", () => {
    expect(create("pods", volumes({ name: "data", emptyDir: {} }))).toEqual([]);
  });
  it("accepts a volume without a source, which defaults to emptyDir", () => {
    expect(create("pods", volumes({ name: "data" }))).toEqual([]);
  });
  it("requires the source's own required field", () => {
    expect(create("pods", volumes({ name: "cfg", configMap: {} }))).toEqual([
      "spec.volumes[0].configMap.name: Required value",
    ]);
  });
  it("forbids a second source in the real server's order, whatever the key order", () => {
    expect(create("pods", volumes({ name: "two", configMap: { name: "c" }, emptyDir: {} }))).toEqual([
      "spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type",
    ]);
  });
  it("reports the name after the source problems", () => {
    expect(create("pods", volumes({ name: "Bad_Name", hostPath: {} }))[0]).toBe(
      "spec.volumes[0].hostPath.path: Required value",
    );
  });
});
