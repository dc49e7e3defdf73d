import { describe, expect, it } from "vitest";
import { createCluster } from "../../sandbox/index.ts";

// A pod no node can take: the API server answers logs and exec itself, with no kubelet to ask.
function withUnscheduledPod() {
  const sh = createCluster().shell();
  sh.run(`kubectl run stuck --image=nginx --overrides='{"spec":{"nodeSelector":{"disk":"none"}}}'`);
  sh.run("sleep 5");
  return sh;
}

describe("an unscheduled pod", () => {
  it("stays Pending", () => {
    expect(withUnscheduledPod().run("kubectl get pod stuck -o jsonpath={.status.phase}").stdout).toBe(
      "Pending",
    );
  });

  it("has empty logs, as the API server streams nothing for a pod with no host", () => {
    expect(withUnscheduledPod().run("kubectl logs stuck")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
  });

  it("refuses exec with the API server's BadRequest", () => {
    expect(withUnscheduledPod().run("kubectl exec stuck -- ls")).toEqual({
      stdout: "",
      stderr: "Error from server (BadRequest): pod stuck does not have a host assigned\n",
      exitCode: 1,
    });
  });

  it("still checks the container name first", () => {
    expect(withUnscheduledPod().run("kubectl logs stuck -c nope").stderr).toBe(
      "Error from server (BadRequest): container nope is not valid for pod stuck\n",
    );
  });
});
