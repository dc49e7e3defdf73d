import { describe, expect, it } from "vitest";
import { cellWidth, layoutRows, WatchTableWriter } from "../../sandbox/kubectl/printers/index.ts";

describe("layoutRows", () => {
  it("pads each column to its widest cell plus 3 and leaves the last column unpadded", () => {
    expect(
      layoutRows([
        ["NAME", "READY", "AGE"],
        ["nginx", "1/1", "5m"],
      ]),
    ).toBe("NAME    READY   AGE\nnginx   1/1     5m\n");
  });

  it("never makes a column narrower than 6", () => {
    expect(layoutRows([["1/1", "Running"]])).toBe("1/1   Running\n");
  });

  it("keeps the padding of the column before an empty last cell", () => {
    expect(layoutRows([["a", ""]])).toBe("a     \n");
  });

  it("measures width in code points, not bytes", () => {
    expect(cellWidth("né")).toBe(2);
    expect(
      layoutRows([
        ["né", "x"],
        ["abcd", "y"],
      ]),
    ).toBe("né     x\nabcd   y\n");
  });
});

describe("kubectl get -w", () => {
  it("remembers widths across flushes, growing but never shrinking, header once (FIDELITY §1.5)", () => {
    const w = new WatchTableWriter(["NAME", "READY", "STATUS", "RESTARTS", "AGE"]);
    let out = w.write([
      ["nginx", "1/1", "Running", "0", "5m"],
      ["web-7d4b9c8f5d-x2x9z", "0/1", "CrashLoopBackOff", "3 (25s ago)", "2m10s"],
    ]);
    out += w.write([["nginx", "0/1", "ContainerCreating", "0", "0s"]]);
    out += w.write([["nginx", "1/1", "Running", "0", "2s"]]);
    out += w.write([["a-much-longer-pod-name-here", "1/1", "Running", "0", "3s"]]);
    expect(out).toBe(
      [
        "NAME                   READY   STATUS             RESTARTS      AGE",
        "nginx                  1/1     Running            0             5m",
        "web-7d4b9c8f5d-x2x9z   0/1     CrashLoopBackOff   3 (25s ago)   2m10s",
        "nginx                  0/1     ContainerCreating   0             0s",
        "nginx                  1/1     Running             0             2s",
        "a-much-longer-pod-name-here   1/1     Running             0             3s",
        "",
      ].join("\n"),
    );
  });

  it("prints no header with --no-headers", () => {
    const w = new WatchTableWriter(null);
    expect(w.write([["nginx", "1/1"]])).toBe("nginx   1/1\n");
  });
});
