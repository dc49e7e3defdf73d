import { beforeAll, describe, expect, it } from "vitest";
import { type Cluster, createCluster } from "../../sandbox/cluster/cluster.ts";

let cluster: Cluster;
beforeAll(() => {
  cluster = createCluster();
});
const run = (line: string) => cluster.shell().run(line);

describe("node shell redirections", () => {
  it("writes with > and reads back with cat", () => {
    expect(run("echo hi > /tmp/r1; cat /tmp/r1")).toEqual({ stdout: "hi\n", stderr: "", exitCode: 0 });
  });

  it("appends with >>", () => {
    expect(run("echo a > /tmp/r2; echo b >> /tmp/r2; cat /tmp/r2").stdout).toBe("a\nb\n");
  });

  it("sends stderr to a file with 2>", () => {
    const r = run("ls /nope 2> /tmp/r3; cat /tmp/r3");
    expect(r.stdout).toBe("ls: cannot access '/nope': No such file or directory\n");
    expect(r.stderr).toBe("");
  });

  it("merges stderr into a pipe with 2>&1", () => {
    expect(run("ls /nope 2>&1 | grep -c cannot").stdout).toBe("1\n");
  });

  it("reads stdin from a file with <", () => {
    expect(run("echo 3 > /tmp/r4; wc -l < /tmp/r4").stdout).toBe("1\n");
  });

  it("reports a missing < file as bash does", () => {
    expect(run("cat < /nope")).toEqual({
      stdout: "",
      stderr: "bash: /nope: No such file or directory\n",
      exitCode: 1,
    });
  });

  it("refuses to create files in /proc", () => {
    expect(run("echo x > /proc/x")).toEqual({
      stdout: "",
      stderr: "bash: /proc/x: No such file or directory\n",
      exitCode: 1,
    });
  });

  it("writes to stderr with >&2", () => {
    expect(run("echo oops >&2")).toEqual({ stdout: "", stderr: "oops\n", exitCode: 0 });
  });
});

describe("node shell expansions and lists", () => {
  it("substitutes $(...) and backticks", () => {
    expect(run("echo $(hostname) `uname`").stdout).toBe("controlplane Linux\n");
  });

  it("keeps a substitution whole in an assignment", () => {
    expect(run('X=$(echo a b); echo "[$X]"').stdout).toBe("[a b]\n");
  });

  it("runs for loops, if and while", () => {
    expect(run("for i in 1 2; do echo n$i; done").stdout).toBe("n1\nn2\n");
    expect(run("if false; then echo y; elif true; then echo e; else echo n; fi").stdout).toBe("e\n");
    expect(run("until true; do echo never; done; echo end").stdout).toBe("end\n");
  });

  it("skips with && and || on exit status", () => {
    expect(run("false && echo no || echo yes").stdout).toBe("yes\n");
    expect(run("false; echo $?").stdout).toBe("1\n");
  });
});

describe("node file commands", () => {
  it("creates, copies, moves and removes files", () => {
    const r = run(
      "mkdir -p /tmp/f1/a/b && touch /tmp/f1/a/b/x && cp /tmp/f1/a/b/x /tmp/f1/y && mv /tmp/f1/y /tmp/f1/z && rm -r /tmp/f1/a && ls /tmp/f1",
    );
    expect(r).toEqual({ stdout: "z\n", stderr: "", exitCode: 0 });
  });

  it("words rm of a missing file as coreutils does", () => {
    expect(run("rm /x")).toEqual({
      stdout: "",
      stderr: "rm: cannot remove '/x': No such file or directory\n",
      exitCode: 1,
    });
  });

  it("refuses to rm a directory without -r", () => {
    expect(run("mkdir /tmp/f2; rm /tmp/f2").stderr).toBe("rm: cannot remove '/tmp/f2': Is a directory\n");
  });

  it("refuses mkdir on an existing path without -p", () => {
    expect(run("mkdir /tmp").stderr).toBe("mkdir: cannot create directory '/tmp': File exists\n");
  });

  it("words a missing parent for mkdir and touch", () => {
    expect(run("mkdir /a/b").stderr).toBe(
      "mkdir: cannot create directory '/a/b': No such file or directory\n",
    );
    expect(run("touch /a/b").stderr).toBe("touch: cannot touch '/a/b': No such file or directory\n");
  });

  it("words cp of a missing source and of a directory without -r", () => {
    expect(run("cp /nope /tmp").stderr).toBe("cp: cannot stat '/nope': No such file or directory\n");
    expect(run("cp /etc /tmp/e").stderr).toBe("cp: -r not specified; omitting directory '/etc'\n");
  });

  it("rejects unknown options as coreutils does", () => {
    expect(run("rm -z /x")).toEqual({
      stdout: "",
      stderr: "rm: invalid option -- 'z'\nTry 'rm --help' for more information.\n",
      exitCode: 1,
    });
    expect(run("mv")).toEqual({
      stdout: "",
      stderr: "mv: missing file operand\nTry 'mv --help' for more information.\n",
      exitCode: 1,
    });
  });
});
