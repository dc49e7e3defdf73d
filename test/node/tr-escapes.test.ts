import { describe, expect, it } from "vitest";
import { runInContainer } from "../../sandbox/node/container-exec.ts";
import { TEXT_TOOLS, trSet } from "../../sandbox/shell/text-tools.ts";
import { bootWorker } from "./node-helpers.ts";

const tr = (args: string[], input: string) => TEXT_TOOLS.tr(args, input);

describe("tr escapes", () => {
  it("turns NUL separators into newlines with '\\0'", () => {
    expect(tr(["\\0", "\\n"], "A=1\0B=2\0")).toEqual({ stdout: "A=1\nB=2\n", stderr: "", exitCode: 0 });
  });

  it("reads tabs and newlines as \\t and \\n", () => {
    expect(tr(["\\t", "\\n"], "a\tb").stdout).toBe("a\nb");
  });

  it("reads \\\\ as one backslash", () => {
    expect(tr(["\\\\", "/"], "C:\\dir\\file").stdout).toBe("C:/dir/file");
  });

  it("reads one to three octal digits as a byte", () => {
    expect(trSet("\\101\\12\\0")).toEqual(["A", "\n", "\0"]);
  });

  it("expands a range whose ends are octal escapes", () => {
    expect(trSet("\\060-\\063")).toEqual(["0", "1", "2", "3"]);
  });

  it("deletes NULs with -d '\\000'", () => {
    expect(tr(["-d", "\\000"], "a\0b\0").stdout).toBe("ab");
  });

  it("still expands classes next to escapes", () => {
    expect(tr(["[:lower:]\\n", "[:upper:] "], "ab\ncd").stdout).toBe("AB CD");
  });
});

describe("tr inside a container", () => {
  it("splits the main process's /proc/1/environ into lines", () => {
    const { m, clock } = bootWorker();
    m.containerd.pullImage("busybox", () => {});
    clock.advance(10_000);
    const sandbox = m.containerd.runPodSandbox(
      { name: "one", namespace: "default", uid: "uid-1" },
      clock.now,
    );
    const id = m.containerd.createContainer(
      sandbox,
      { name: "main", image: "busybox", command: ["sleep", "3600"], env: { GREETING: "hi" } },
      clock.now,
    );
    m.containerd.startContainer(id, clock.now);
    const r = runInContainer(
      m.containerd.execTarget(id),
      ["sh", "-c", "cat /proc/1/environ | tr '\\0' '\\n'"],
      "",
      {
        now: clock.now,
      },
    );
    expect(r.stdout.split("\n")).toEqual([
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "HOSTNAME=one",
      "GREETING=hi",
      "HOME=/root",
      "",
    ]);
  });
});
