import { describe, expect, it } from "vitest";
import { createCluster } from "../../sandbox/index.ts";

describe("sudo", () => {
  const sh = createCluster().shell();

  it("runs the command as it is, since every login is root", () => {
    expect(sh.run("sudo kubectl get nodes").stdout).toBe(sh.run("kubectl get nodes").stdout);
    expect(sh.run("sudo -E whoami").stdout).toBe("root\n");
    expect(sh.run("sudo -u root ls /etc/kubernetes/manifests").stdout).toContain("etcd.yaml");
  });

  it("opens no new shell for sudo -i and prints its usage without a command", () => {
    expect(sh.run("sudo -i")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    const bare = sh.run("sudo");
    expect(bare.exitCode).toBe(1);
    expect(bare.stderr).toMatch(/^usage: sudo -h \| -K \| -k \| -V\n/);
  });

  it("refuses unknown users and options as sudo does", () => {
    expect(sh.run("sudo -u bob ls").stderr).toMatch(/^sudo: unknown user bob\n/);
    expect(sh.run("sudo -x ls").stderr).toMatch(/^sudo: invalid option -- 'x'\nusage: sudo/);
  });
});
