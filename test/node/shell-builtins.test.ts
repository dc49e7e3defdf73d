import { describe, expect, it } from "vitest";
import { runInContainer } from "../../sandbox/node/container-exec.ts";
import { followFile, parseTailFollow } from "../../sandbox/shell/tail-follow.ts";
import { VirtualClock } from "./fixtures.ts";
import { bootWorker } from "./node-helpers.ts";

/** Boot a worker with one running busybox and one nginx (Debian dash) container; returns sh -c runners. */
function containers() {
  const { m, clock } = bootWorker();
  for (const image of ["busybox", "nginx"]) m.containerd.pullImage(image, () => {});
  clock.advance(10_000);
  const sandbox = m.containerd.runPodSandbox({ name: "p", namespace: "default", uid: "uid-1" }, clock.now);
  const start = (name: string, image: string, command: string[]) => {
    const id = m.containerd.createContainer(sandbox, { name, image, command, labels: {} }, clock.now);
    m.containerd.startContainer(id, clock.now);
    return id;
  };
  const ids = {
    busybox: start("bb", "busybox", ["sleep", "3600"]),
    nginx: start("web", "nginx", ["sleep", "3600"]),
  };
  clock.advance(1000);
  const sh = (script: string, image: "busybox" | "nginx" = "busybox") =>
    runInContainer(m.containerd.execTarget(ids[image]), ["sh", "-c", script], "", { now: clock.now });
  return { sh };
}

describe("test and [", () => {
  const { sh } = containers();

  it("tells files, directories and missing paths apart", () => {
    const r = sh(
      "touch /tmp/f; [ -f /tmp/f ] && echo file; [ -d /tmp ] && echo dir; [ -e /nope ] || echo missing; [ -d /tmp/f ] || echo notdir",
    );
    expect(r.stdout).toBe("file\ndir\nmissing\nnotdir\n");
  });

  it("compares strings and tests for empty ones", () => {
    expect(
      sh('x=abc; [ "$x" = abc ] && [ "$x" != abd ] && [ -n "$x" ] && [ -z "" ] && echo yes').stdout,
    ).toBe("yes\n");
  });

  it("compares integers", () => {
    expect(
      sh("[ 3 -lt 5 ] && [ 5 -gt 3 ] && [ 3 -le 3 ] && [ 4 -ge 4 ] && [ 2 -eq 2 ] && [ 2 -ne 3 ] && echo ok")
        .stdout,
    ).toBe("ok\n");
    expect(sh("test 7 -lt 2").exitCode).toBe(1);
  });

  it("negates with ! and combines with -a and -o", () => {
    expect(
      sh("[ ! -f /nope ] && echo a; [ -d / -a -d /tmp ] && echo b; [ -f /nope -o -d / ] && echo c").stdout,
    ).toBe("a\nb\nc\n");
  });

  it("fails with status 2 and busybox's words on a bad number or a missing ]", () => {
    expect(sh("[ a -eq 1 ]")).toEqual({ stdout: "", stderr: "sh: a: bad number\n", exitCode: 2 });
    expect(sh("[ 1 = 1")).toEqual({ stdout: "", stderr: "sh: missing ]\n", exitCode: 2 });
  });

  it("uses dash's words in a Debian image", () => {
    expect(sh("[ a -eq 1 ]", "nginx")).toEqual({
      stdout: "",
      stderr: "sh: 1: [: Illegal number: a\n",
      exitCode: 2,
    });
  });
});

describe("shell grammar", () => {
  const { sh } = containers();

  it("inverts a pipeline's status with !", () => {
    expect(sh("! false && echo inverted; ! true || echo also").stdout).toBe("inverted\nalso\n");
    expect(sh("if ! grep -q x /etc/hostname; then echo nox; fi").stdout).toBe("nox\n");
  });

  it("expands $((arithmetic)) with variables", () => {
    expect(
      sh("i=4; echo $((i * 2 + 1)) $(( $i % 3 )) $((10 / 3)) $(( (1 + 2) * 3 )) $((i > 3))").stdout,
    ).toBe("9 1 3 9 1\n");
  });

  it("counts in a while loop with test and arithmetic", () => {
    expect(sh('i=0; while [ "$i" -lt 3 ]; do echo "n=$i"; i=$((i + 1)); done').stdout).toBe(
      "n=0\nn=1\nn=2\n",
    );
    expect(sh("n=3; until [ $n -eq 0 ]; do n=$((n - 1)); done; echo $n").stdout).toBe("0\n");
  });

  it("has true, false and : as builtins", () => {
    expect(sh(": && true && echo t; false || echo f").stdout).toBe("t\nf\n");
  });

  it("replaces the shell with exec, so nothing after it runs", () => {
    expect(sh("exec echo replaced; echo never")).toEqual({ stdout: "replaced\n", stderr: "", exitCode: 0 });
  });

  it("prints what the file holds for tail -f in a one-shot exec", () => {
    expect(sh("printf 'a\\nb\\n' > /tmp/log; tail -f /tmp/log").stdout).toBe("a\nb\n");
  });
});

describe("tail -f as a long-running process", () => {
  it("recognizes the follow forms of tail", () => {
    expect(parseTailFollow(["tail", "-f", "/tmp/log"])).toEqual({ file: "/tmp/log", lines: 10 });
    expect(parseTailFollow(["tail", "-n", "0", "-f", "/tmp/log"])).toEqual({ file: "/tmp/log", lines: 0 });
    expect(parseTailFollow(["tail", "-fn5", "/tmp/log"])).toEqual({ file: "/tmp/log", lines: 5 });
    expect(parseTailFollow(["tail", "/tmp/log"])).toBeNull();
  });

  it("prints the last lines, then each line appended later", () => {
    const clock = new VirtualClock(0);
    let file = "one\ntwo\n";
    const out: string[] = [];
    const stop = followFile({ read: () => file, emit: (l) => out.push(l), schedule: clock.schedule }, 10);
    expect(out).toEqual(["one", "two"]);
    file += "three\nfour";
    clock.advance(1000);
    expect(out).toEqual(["one", "two", "three"]);
    file += "\n";
    clock.advance(1000);
    expect(out).toEqual(["one", "two", "three", "four"]);
    stop();
    file += "five\n";
    clock.advance(5000);
    expect(out).toHaveLength(4);
  });
});
