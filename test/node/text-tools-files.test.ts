import { beforeAll, describe, expect, it } from "vitest";
import { type Cluster, createCluster } from "../../sandbox/cluster/cluster.ts";
import { expectGolden } from "../support/golden.ts";

let cluster: Cluster;
beforeAll(() => {
  cluster = createCluster();
});
const run = (line: string) => cluster.shell().run(line);

describe("grep on files", () => {
  it("prefixes each line with its file when given several", () => {
    expect(run("grep controlplane /etc/hostname /etc/hosts").stdout).toBe(
      "/etc/hostname:controlplane\n/etc/hosts:172.30.1.2 controlplane\n",
    );
  });

  it("reports a missing file and exits 2", () => {
    expect(run("grep x /nope")).toEqual({
      stdout: "",
      stderr: "grep: /nope: No such file or directory\n",
      exitCode: 2,
    });
  });

  it("says a directory is a directory without -r", () => {
    expect(run("grep x /etc/kubernetes").stderr).toBe("grep: /etc/kubernetes: Is a directory\n");
  });

  it("searches a tree with -r and lists files with -l", () => {
    expectGolden("node/grep-rl-manifests.txt", run("grep -rl image: /etc/kubernetes/manifests").stdout);
  });

  it("rejects an unknown option with usage and exit 2", () => {
    expect(run("grep -Z x /etc/hosts")).toEqual({
      stdout: "",
      stderr:
        "grep: invalid option -- 'Z'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      exitCode: 2,
    });
  });
});

describe("head, tail, wc, cut on files", () => {
  it("prints ==> headers for several files in head", () => {
    expectGolden("node/head-two-files.txt", run("head -n 2 /etc/hosts /etc/hostname").stdout);
  });

  it("takes bytes with head -c and lines from the end with tail -n", () => {
    expect(run("head -c 5 /etc/hostname; echo").stdout).toBe("contr\n");
    expect(run("tail -n 1 /etc/hostname").stdout).toBe("controlplane\n");
    expect(run("tail -n +2 /etc/hostname").stdout).toBe("");
  });

  it("words a missing file for head and tail", () => {
    expect(run("head /nope").stderr).toBe(
      "head: cannot open '/nope' for reading: No such file or directory\n",
    );
    expect(run("tail /nope").stderr).toBe(
      "tail: cannot open '/nope' for reading: No such file or directory\n",
    );
  });

  it("counts several files with a total line, sized by the bytes", () => {
    expectGolden("node/wc-two-files.txt", run("wc /etc/hosts /etc/hostname").stdout);
  });

  it("prints one count without padding for one file", () => {
    expect(run("wc -l /etc/hostname").stdout).toBe("1 /etc/hostname\n");
  });

  it("cuts characters and fields", () => {
    expect(run("cut -c 1-4 /etc/hostname").stdout).toBe("cont\n");
    expect(run("grep ^ID= /etc/os-release | cut -d= -f2").stdout).toBe("ubuntu\n");
  });
});

describe("awk", () => {
  it("splits on -F and prints fields, length and substr", () => {
    expect(
      run("grep ^NAME= /etc/os-release | awk -F= '{print $1, length($2), substr($2, 2, 6)}'").stdout,
    ).toBe("NAME 8 Ubuntu\n");
  });

  it("filters with a pattern and sums in END", () => {
    expect(run("printf 'a 1\\nb 2\\nc 3\\n' | awk '$2 > 1 {s += $2} END {print s, NR}'").stdout).toBe(
      "5 3\n",
    );
  });

  it("prints the last field with $NF and matches regexes", () => {
    expect(run("awk '/controlplane/ {print $NF}' /etc/hosts").stdout).toBe("controlplane\n");
  });

  it("reports a syntax error as mawk does", () => {
    expect(run("awk '{print $1' /etc/hosts")).toEqual({
      stdout: "",
      stderr: "awk: line 1: syntax error at or near end of file\n",
      exitCode: 2,
    });
  });
});

describe("sort, uniq, tr", () => {
  it("sorts numerically on a key with a separator", () => {
    expect(run("printf 'b:10\\na:9\\nc:100\\n' | sort -t: -k2 -n").stdout).toBe("a:9\nb:10\nc:100\n");
  });

  it("counts runs with uniq -c", () => {
    expect(run("printf 'a\\na\\nb\\n' | uniq -c").stdout).toBe("      2 a\n      1 b\n");
  });

  it("translates, deletes and squeezes with tr", () => {
    expect(run("echo hello | tr a-z A-Z").stdout).toBe("HELLO\n");
    expect(run("echo hello | tr -d l").stdout).toBe("heo\n");
    expect(run("echo 'a   b' | tr -s ' '").stdout).toBe("a b\n");
    expect(run("tr a")).toEqual({
      stdout: "",
      stderr:
        "tr: missing operand after 'a'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n",
      exitCode: 1,
    });
  });
});
