import { describe, expect, it } from "vitest";
import { createCluster } from "../../sandbox/index.ts";

// Run one pod's main command to its end and read its log.
function logsOf(flags: string): { logs: string; status: string } {
  const out = createCluster()
    .shell()
    .runScript(`kubectl run p ${flags}\nsleep 20\nkubectl logs p\nkubectl get pod p --no-headers`);
  return { logs: out[2].stdout, status: out[3].stdout.split(/\s+/)[2] };
}

describe("a container's main sh -c script", () => {
  it("keeps the directory cd gives it, for later commands and relative paths", () => {
    const { logs } = logsOf(
      `--image=busybox --restart=Never -- sh -c 'pwd; cd /etc && pwd; ls hostname; cd; pwd'`,
    );
    expect(logs).toBe("/\n/etc\nhostname\n/root\n");
  });

  it("goes back with cd -, which prints where it went", () => {
    const { logs } = logsOf(`--image=busybox --restart=Never -- sh -c 'cd /tmp; cd /etc; cd -; pwd'`);
    expect(logs).toBe("/tmp\n/tmp\n");
  });

  it("words a failed cd as the image's shell does and carries on", () => {
    const ash = logsOf(`--image=busybox --restart=Never -- sh -c 'cd /nope; echo $?'`);
    expect(ash.logs).toBe("sh: cd: line 1: can't cd to /nope: No such file or directory\n2\n");
    const dash = logsOf(`--image=nginx --restart=Never --command -- sh -c 'cd /nope; echo $?'`);
    expect(dash.logs).toBe("sh: 1: cd: can't cd to /nope\n2\n");
  });

  it("runs pipelines, each command reading the one before", () => {
    const { logs } = logsOf(`--image=busybox --restart=Never -- sh -c 'ls / | head -2; echo a b c | wc -w'`);
    expect(logs).toBe("bin\ndev\n3\n");
  });

  it("says a pipeline cut short is a syntax error", () => {
    const { logs, status } = logsOf(`--image=busybox --restart=Never -- sh -c 'ls |'`);
    expect(logs).toBe("sh: syntax error: unexpected end of file\n");
    expect(status).toBe("Error");
  });
});

describe("a container's workingDir", () => {
  it("is where its main command and kubectl exec start, over the image's WorkingDir", () => {
    const manifest = [
      "apiVersion: v1",
      "kind: Pod",
      "metadata: {name: wd}",
      "spec:",
      "  containers:",
      "  - {name: c, image: redis, workingDir: /etc, command: [sh, -c, 'pwd; ls hostname; sleep 3600']}",
    ].join("\n");
    const out = createCluster()
      .shell()
      .runScript(`kubectl apply -f - <<X\n${manifest}\nX\nsleep 20\nkubectl logs wd\nkubectl exec wd -- pwd`);
    expect(out[2].stdout).toBe("/etc\nhostname\n");
    expect(out[3].stdout).toBe("/etc\n");
  });
});

describe("an image's docker-entrypoint.sh", () => {
  it("execs a command given as arguments instead of starting the server", () => {
    const { logs, status } = logsOf("--image=redis --restart=Never -- sh -c pwd");
    expect(logs).toBe("/data\n");
    expect(status).toBe("Completed");
  });

  it("puts the server before arguments that are only flags", () => {
    const out = createCluster()
      .shell()
      .runScript("kubectl run r --image=redis -- --port 7000\nsleep 20\nkubectl get pod r --no-headers");
    expect(out[2].stdout).toMatch(/^r\s+1\/1\s+Running/);
  });
});
