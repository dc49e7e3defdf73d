import { describe, expect, it } from "vitest";
import { makeHarness } from "./harness.ts";

const h = makeHarness();

describe("kubectl get --raw", () => {
  it("prints /version as the server sends it: indented JSON, no final newline", () => {
    const r = h.kubectl("get --raw /version");
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ gitVersion: "v1.32.4", platform: "linux/amd64" });
    expect(r.stdout.endsWith("\n}")).toBe(true);
  });

  it("prints the health paths' body", () => {
    for (const path of ["/healthz", "/livez", "/readyz"])
      expect(h.kubectl(`get --raw ${path}`).stdout).toBe("ok");
  });

  it("refuses arguments, filters and -o with kubectl's words", () => {
    expect(h.kubectl("get pods --raw /version")).toMatchObject({
      exitCode: 1,
      stderr: "error: arguments may not be passed when --raw is specified\n",
    });
    expect(h.kubectl("get --raw /version -l app=web").stderr).toBe(
      "error: --raw may not be specified with other flags that filter the server request or alter the output\n",
    );
    expect(h.kubectl("get --raw /version -o json").stderr).toBe(
      "error: --raw and --output are mutually exclusive\n",
    );
    expect(h.kubectl("get --raw api/v1").stderr).toBe(
      'error: --raw must be a valid URL path: parse "api/v1": invalid URI for request\n',
    );
  });

  it("says plainly which paths the simulated server does not serve", () => {
    const r = h.kubectl("get --raw /api/v1/namespaces/default");
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('"kubectl get --raw /api/v1/namespaces/default" is not available');
  });
});
