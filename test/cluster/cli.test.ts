import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// `npm run shell` is `node sandbox/cli.ts`; the tests run the same file on the same Node.
function shell(args: string[], input: string): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ["sandbox/cli.ts", ...args], { input, encoding: "utf8" });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe("npm run shell -- --json (the public script contract)", () => {
  it("prints one JSON object per command, skipping blank lines and comments", () => {
    const r = shell(["--json"], "# nodes first\nkubectl get ns default\n\nkubectl get pod nope\n");
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toEqual({
      command: "kubectl get ns default",
      stdout: "NAME      STATUS   AGE\ndefault   Active   3m\n",
      stderr: "",
      exitCode: 0,
    });
    expect(Object.keys(JSON.parse(lines[1]))).toEqual(["command", "stdout", "stderr", "exitCode"]);
    expect(JSON.parse(lines[1])).toMatchObject({
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
  });

  it("gives a here-document to the command that opens it", () => {
    const script = "kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nEOF\n";
    const [line] = shell(["--json"], script).stdout.trimEnd().split("\n");
    expect(JSON.parse(line)).toMatchObject({ stdout: "configmap/c created\n", exitCode: 0 });
  });

  it("boots the named preset", () => {
    const [line] = shell(["--json", "--preset", "no-cni"], "kubectl get nodes --no-headers\n")
      .stdout.trimEnd()
      .split("\n");
    expect(JSON.parse(line).stdout).toContain("controlplane   NotReady");
  });
});

describe("npm run shell with piped input", () => {
  it("runs like bash < script: no banner, no prompts, the same output every time", () => {
    const script = "kubectl get nodes\nsleep 30\nkubectl get nodes\n";
    const a = shell([], script);
    expect(a.stdout.startsWith("NAME ")).toBe(true);
    expect(a.stdout).not.toContain("controlplane:~$");
    expect(shell([], script).stdout).toBe(a.stdout);
  });
});

describe("exit in the piped shell", () => {
  it("leaves an ssh session to the same host, then ends the script with exit's status", () => {
    const r = shell(
      [],
      "ssh controlplane\nexit\nkubectl get ns default --no-headers\nexit 3\nkubectl get ns\n",
    );
    expect(r.stdout).toBe("logout\nConnection to controlplane closed.\ndefault   Active   3m\n");
    expect(r.status).toBe(3);
  });

  it("ends with the last command's status when the script just stops, as bash < script does", () => {
    expect(shell([], "kubectl get pod nope\n").status).toBe(1);
  });
});

describe("kubectl on a worker", () => {
  it("has no kubeconfig, so discovery fails through klog and kubectl gives up, as on a kubeadm worker", () => {
    const [line] = shell(["--json"], "ssh node01 kubectl get pods\n").stdout.trimEnd().split("\n");
    const r = JSON.parse(line);
    const lines = r.stderr.trimEnd().split("\n");
    expect(r.exitCode).toBe(1);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(
      /^E0115 09:\d\d:\d\d\.\d{6} +\d+ memcache\.go:265\] "Unhandled Error" err="couldn't get current server API group list: Get \\"http:\/\/localhost:8080\/api\?timeout=32s\\": dial tcp 127\.0\.0\.1:8080: connect: connection refused"$/,
    );
    expect(lines[5]).toBe(
      "The connection to the server localhost:8080 was refused - did you specify the right host or port?",
    );
  });
});
