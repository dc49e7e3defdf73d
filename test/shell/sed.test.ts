import { describe, expect, it } from "vitest";
import type { TextFiles } from "../../sandbox/shell/text-input.ts";
import { sed } from "../../sandbox/shell/text-sed.ts";

const out = (script: string | string[], input: string) =>
  sed(Array.isArray(script) ? script : [script], input).stdout;
const err = (args: string[], input = "") => {
  const r = sed(args, input);
  return { stderr: r.stderr, exitCode: r.exitCode };
};

// An in-memory file store standing in for a node's tree.
function store(init: Record<string, string>, flavor: "gnu" | "busybox" = "gnu", readOnly = false) {
  const data = new Map(Object.entries(init));
  const files: TextFiles = {
    flavor,
    read: (p) =>
      p === "dir"
        ? { error: "Is a directory" }
        : data.has(p)
          ? { text: data.get(p)! }
          : { error: "No such file or directory" },
    list: () => null,
    write: (p, text) => {
      if (readOnly) return "Read-only file system";
      data.set(p, text);
      return undefined;
    },
  };
  return { files, data };
}

const NUMS = "1\n2\n3\n4\n5\n6\n";

describe("sed s", () => {
  it("replaces the first match on each line", () => {
    expect(out("s/a/X/", "aa\nba\n")).toBe("Xa\nbX\n");
  });

  it("replaces every match with g", () => {
    expect(out("s/a/X/g", "aa\nba\n")).toBe("XX\nbX\n");
  });

  it("replaces the Nth match, and the Nth onwards with Ng", () => {
    expect(out("s/a/X/2", "aaaa\n")).toBe("aXaa\n");
    expect(out("s/a/X/2g", "aaaa\n")).toBe("aXXX\n");
  });

  it("matches case-insensitively with I or i", () => {
    expect(out("s/HELLO/hi/I", "Hello\n")).toBe("hi\n");
    expect(out("s/hello/hi/i", "HELLO\n")).toBe("hi\n");
  });

  it("prints a changed line with p under -n", () => {
    expect(out(["-n", "s/b/B/p"], "a\nb\nc\n")).toBe("B\n");
  });

  it("takes any delimiter", () => {
    expect(out("s|/usr/bin|/opt|", "/usr/bin/x\n")).toBe("/opt/x\n");
    expect(out("s,a,b,g", "aa\n")).toBe("bb\n");
  });

  it("expands & and \\1..\\9 in the replacement", () => {
    expect(out("s/[0-9]\\+/<&>/", "v=42\n")).toBe("v=<42>\n");
    expect(out("s/\\(a\\)\\(b\\)/\\2\\1/", "ab\n")).toBe("ba\n");
    expect(out("s/x/\\&/", "x\n")).toBe("&\n");
  });

  it("puts a newline or a tab for \\n and \\t in the replacement", () => {
    expect(out("s/,/\\n/g", "a,b\n")).toBe("a\nb\n");
    expect(out("s/,/\\t/", "a,b\n")).toBe("a\tb\n");
  });

  it("converts case with \\U, \\L, \\u and \\E", () => {
    expect(out("s/\\(.*\\)/\\U\\1/", "abc\n")).toBe("ABC\n");
    expect(out("s/\\w\\+/\\u&/g", "foo bar\n")).toBe("Foo Bar\n");
    expect(out("s/\\(a\\)\\(b\\)/\\U\\1\\E\\2/", "ab\n")).toBe("Ab\n");
  });

  it("skips an empty match right after a match, as GNU sed does", () => {
    expect(out("s/a*/x/g", "baaac\n")).toBe("xbxcx\n");
    expect(out("s/x*/-/g", "abc\n")).toBe("-a-b-c-\n");
  });

  it("edits a kubeadm flag", () => {
    expect(out("s/--v=2/--v=4/", "    - --v=2\n")).toBe("    - --v=4\n");
    expect(out("s/nginx:1.27/nginx:1.28/", "  image: nginx:1.27\n")).toBe("  image: nginx:1.28\n");
  });
});

describe("sed regular expressions", () => {
  it("treats + ? ( ) { } | as literals in a BRE and \\+ \\? \\| \\{ \\} as operators", () => {
    expect(out("s/a+b/X/", "a+b aab\n")).toBe("X aab\n");
    expect(out("s/a\\+b/X/", "aab\n")).toBe("X\n");
    expect(out("s/cat\\|dog/pet/g", "cat dog\n")).toBe("pet pet\n");
    expect(out("s/a\\{2\\}/X/", "aaa\n")).toBe("Xa\n");
    expect(out("s/(x)/y/", "(x)\n")).toBe("y\n");
  });

  it("reads operators the other way round with -E and -r", () => {
    expect(out(["-E", "s/(a+)b/[\\1]/"], "aab\n")).toBe("[aa]\n");
    expect(out(["-r", "s/cat|dog/pet/g"], "cat dog\n")).toBe("pet pet\n");
    expect(out(["-E", "s/\\(x\\)/y/"], "(x)\n")).toBe("y\n");
  });

  it("knows POSIX classes in brackets", () => {
    expect(out("s/[[:space:]]*$//", "a  \t\n")).toBe("a\n");
    expect(out("s/[[:digit:]][[:alpha:]]/X/", "1a\n")).toBe("X\n");
    expect(out("s/[^[:upper:]]//g", "aBcD\n")).toBe("BD\n");
  });

  it("keeps * literal at the start of a BRE and ^ $ literal in the middle", () => {
    expect(out("s/*/x/", "a*\n")).toBe("ax\n");
    expect(out("s/a^b/X/", "a^b\n")).toBe("X\n");
    expect(out("s/a$b/X/", "a$b\n")).toBe("X\n");
  });

  it("matches word boundaries with \\< \\> and \\b", () => {
    expect(out("s/\\<on\\>/ON/g", "on one on\n")).toBe("ON one ON\n");
    expect(out("s/\\bx/Y/g", "x ax x\n")).toBe("Y ax Y\n");
  });

  it("reuses the last regex for an empty one", () => {
    expect(out("/a/s//X/", "ba\n")).toBe("bX\n");
  });
});

describe("sed addresses", () => {
  it("selects a line number and the last line", () => {
    expect(out(["-n", "2p"], NUMS)).toBe("2\n");
    expect(out(["-n", "$p"], NUMS)).toBe("6\n");
  });

  it("selects ranges: N,M  N,$  /re/,/re/  N,+K  N,~K", () => {
    expect(out(["-n", "2,4p"], NUMS)).toBe("2\n3\n4\n");
    expect(out(["-n", "5,$p"], NUMS)).toBe("5\n6\n");
    expect(out(["-n", "/2/,/4/p"], NUMS)).toBe("2\n3\n4\n");
    expect(out(["-n", "2,+2p"], NUMS)).toBe("2\n3\n4\n");
    expect(out(["-n", "2,~4p"], NUMS)).toBe("2\n3\n4\n");
  });

  it("selects one line when the end comes before the start", () => {
    expect(out(["-n", "4,2p"], NUMS)).toBe("4\n");
  });

  it("steps with first~step", () => {
    expect(out(["-n", "1~2p"], NUMS)).toBe("1\n3\n5\n");
    expect(out(["-n", "0~3p"], NUMS)).toBe("3\n6\n");
  });

  it("lets 0,/re/ end on the first line", () => {
    expect(out(["-n", "0,/1/p"], NUMS)).toBe("1\n");
    expect(out(["-n", "1,/1/p"], "1\n2\n1\n3\n")).toBe("1\n2\n1\n");
  });

  it("matches regex addresses with another delimiter and I", () => {
    expect(out(["-n", "\\%/b%p"], "/a\n/b\n")).toBe("/b\n");
    expect(out(["-n", "/IMAGE/Ip"], "image: x\nname: y\n")).toBe("image: x\n");
  });

  it("negates with !", () => {
    expect(out("2!d", NUMS)).toBe("2\n");
    expect(out(["-n", "/3/,/5/!p"], NUMS)).toBe("1\n2\n6\n");
  });
});

describe("sed commands", () => {
  it("prints ranges with -n and N,Mp", () => {
    expect(out(["-n", "1,5p"], "a\nb\nc\nd\ne\nf\ng\n")).toBe("a\nb\nc\nd\ne\n");
  });

  it("deletes comment lines", () => {
    expect(out("/^#/d", "# c\nkey: v\n#x\n")).toBe("key: v\n");
  });

  it("quits with q (printing) and Q (not printing), with an exit code", () => {
    expect(out("2q", NUMS)).toBe("1\n2\n");
    expect(out("2Q", NUMS)).toBe("1\n");
    expect(sed(["3q5"], NUMS)).toEqual({ stdout: "1\n2\n3\n", stderr: "", exitCode: 5 });
  });

  it("prints line numbers with =", () => {
    expect(out(["-n", "$="], NUMS)).toBe("6\n");
    expect(out("=", "a\nb\n")).toBe("1\na\n2\nb\n");
  });

  it("appends, inserts and changes lines (one-line GNU forms)", () => {
    expect(out("1a added", "x\ny\n")).toBe("x\nadded\ny\n");
    expect(out("$a\\  kept spaces", "x\n")).toBe("x\n  kept spaces\n");
    expect(out("2i inserted", "x\ny\n")).toBe("x\ninserted\ny\n");
    expect(out("/y/c changed", "x\ny\n")).toBe("x\nchanged\n");
    expect(out("1,2c one", "x\ny\nz\n")).toBe("one\nz\n");
  });

  it("reads a\\ text on the next line", () => {
    expect(out("1a\\\nnext", "x\n")).toBe("x\nnext\n");
  });

  it("transliterates with y", () => {
    expect(out("y/abc/xyz/", "aabbcc\n")).toBe("xxyyzz\n");
  });

  it("runs several commands separated by ; or newlines, with -e repeated, and { } blocks", () => {
    expect(out("s/a/b/;s/b/c/", "a\n")).toBe("c\n");
    expect(out("1d\n3d", "1\n2\n3\n")).toBe("2\n");
    expect(out(["-e", "1d", "-e", "s/2/two/"], "1\n2\n")).toBe("two\n");
    expect(out(["-n", "/b/{s/b/B/;p}"], "a\nb\n")).toBe("B\n");
  });

  it("holds, joins and branches (h G x N b t)", () => {
    expect(out(["-n", "1!G;h;$p"], "1\n2\n3\n")).toBe("3\n2\n1\n");
    expect(out(":a;N;$!ba;s/\\n/,/g", "1\n2\n3\n")).toBe("1,2,3\n");
    expect(out(":a;s/aa/a/;ta", "aaaa\n")).toBe("a\n");
  });

  it("keeps a missing final newline missing", () => {
    expect(out("s/a/b/", "a\na")).toBe("b\nb");
    expect(out("p", "a")).toBe("a\na");
  });

  it("sets -n from a #n first line", () => {
    expect(out("#n\n2p", "1\n2\n")).toBe("2\n");
  });

  it("stops reading options at --", () => {
    expect(out(["-n", "--", "1p"], "x\n")).toBe("x\n");
  });
});

describe("sed errors (GNU sed 4.8)", () => {
  it("names the expression and char of an unterminated s", () => {
    expect(err(["s/a/b"])).toEqual({
      stderr: "sed: -e expression #1, char 5: unterminated `s' command\n",
      exitCode: 1,
    });
  });

  it("reports an unknown command", () => {
    expect(err(["k"]).stderr).toBe("sed: -e expression #1, char 1: unknown command: `k'\n");
  });

  it("reports an unknown option to s", () => {
    expect(err(["s/a/b/x"]).stderr).toBe("sed: -e expression #1, char 7: unknown option to `s'\n");
  });

  it("counts -e expressions", () => {
    expect(err(["-e", "p", "-e", "s/x"]).stderr).toBe(
      "sed: -e expression #2, char 3: unterminated `s' command\n",
    );
  });

  it("reports extra characters, a missing command and an unterminated address regex", () => {
    expect(err(["pq"]).stderr).toBe("sed: -e expression #1, char 2: extra characters after command\n");
    expect(err(["1"]).stderr).toBe("sed: -e expression #1, char 1: missing command\n");
    expect(err(["/abc"]).stderr).toBe("sed: -e expression #1, char 4: unterminated address regex\n");
  });

  it("reports unmatched braces", () => {
    expect(err(["{p"]).stderr).toBe("sed: -e expression #1, char 0: unmatched `{'\n");
    expect(err(["}"]).stderr).toBe("sed: -e expression #1, char 1: unexpected `}'\n");
  });

  it("reports a y with different lengths and a bad line 0", () => {
    expect(err(["y/ab/x/"]).stderr).toBe(
      "sed: -e expression #1, char 7: strings for `y' command are different lengths\n",
    );
    expect(err(["0p"]).stderr).toBe("sed: -e expression #1, char 2: invalid usage of line address 0\n");
  });

  it("reports a missing a text and a reference past the groups", () => {
    expect(err(["a"]).stderr).toBe("sed: -e expression #1, char 1: expected \\ after `a', `c' or `i'\n");
    expect(err(["s/a/\\1/"]).stderr).toBe(
      "sed: -e expression #1, char 7: invalid reference \\1 on `s' command's RHS\n",
    );
  });

  it("passes regcomp's message for a bad regex", () => {
    expect(err(["s/\\(a/x/"]).stderr).toBe("sed: -e expression #1, char 8: Unmatched ( or \\(\n");
    expect(err(["s/[a/x/"]).stderr).toBe("sed: -e expression #1, char 7: unterminated `s' command\n");
  });

  it("says which label is missing", () => {
    expect(err(["bnope"])).toEqual({ stderr: "sed: can't find label for jump to `nope'\n", exitCode: 4 });
  });

  it("prints the usage when no script is given", () => {
    const r = err([]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      /^Usage: sed \[OPTION\]\.\.\. \{script-only-if-no-other-script\} \[input-file\]\.\.\.\n\n/,
    );
    expect(r.stderr).toMatch(/General help using GNU software: <https:\/\/www\.gnu\.org\/gethelp\/>\.\n$/);
  });

  it("reports an invalid option with the usage", () => {
    const r = err(["-k", "p"]);
    expect(r.stderr).toMatch(/^sed: invalid option -- 'k'\nUsage: sed /);
    expect(r.exitCode).toBe(1);
  });

  it("reports a missing file, goes on with the others and exits 2", () => {
    const { files } = store({ "a.txt": "A\n" });
    expect(sed(["p", "nope.txt", "a.txt"], "", files)).toEqual({
      stdout: "A\nA\n",
      stderr: "sed: can't read nope.txt: No such file or directory\n",
      exitCode: 2,
    });
  });

  it("reports a directory as a read error", () => {
    const { files } = store({});
    expect(sed(["p", "dir"], "", files)).toEqual({
      stdout: "",
      stderr: "sed: read error on dir: Is a directory\n",
      exitCode: 4,
    });
  });
});

describe("sed -i", () => {
  it("rewrites the file and prints nothing", () => {
    const { files, data } = store({ "f.yaml": "- --v=2\n" });
    expect(sed(["-i", "s/--v=2/--v=4/", "f.yaml"], "", files)).toEqual({
      stdout: "",
      stderr: "",
      exitCode: 0,
    });
    expect(data.get("f.yaml")).toBe("- --v=4\n");
  });

  it("keeps a backup with -iSUFFIX and --in-place=SUFFIX", () => {
    const { files, data } = store({ f: "a\n", g: "b\n" });
    sed(["-i.bak", "s/a/A/", "f"], "", files);
    sed(["--in-place=.orig", "s/b/B/", "g"], "", files);
    expect([data.get("f"), data.get("f.bak"), data.get("g"), data.get("g.orig")]).toEqual([
      "A\n",
      "a\n",
      "B\n",
      "b\n",
    ]);
  });

  it("treats each file separately: line numbers and $ restart", () => {
    const { files, data } = store({ a: "1\n2\n", b: "3\n4\n" });
    sed(["-i", "1d", "a", "b"], "", files);
    expect([data.get("a"), data.get("b")]).toEqual(["2\n", "4\n"]);
  });

  it("deletes comment lines in place", () => {
    const { files, data } = store({ f: "# c\nx\n" });
    sed(["-i", "/^#/d", "f"], "", files);
    expect(data.get("f")).toBe("x\n");
  });

  it("fails on a read-only file system as GNU sed does", () => {
    const { files } = store({ "f.txt": "a\n" }, "gnu", true);
    const r = sed(["-i", "s/a/b/", "f.txt"], "", files);
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toMatch(
      /^sed: couldn't open temporary file \.\/sed[A-Za-z0-9]{6}: Read-only file system\n$/,
    );
  });

  it("says no input files without an operand", () => {
    expect(err(["-i", "p"]).stderr).toBe("sed: no input files\n");
  });
});

describe("busybox sed", () => {
  const bb = (args: string[], input = "") => sed(args, input, store({}, "busybox").files);

  it("words an unterminated s as an unmatched delimiter", () => {
    expect(bb(["s/a/b"])).toEqual({ stdout: "", stderr: "sed: unmatched '/'\n", exitCode: 1 });
  });

  it("words a bad s flag and an unknown command", () => {
    expect(bb(["s/a/b/x"]).stderr).toBe("sed: bad option in substitution expression\n");
    expect(bb(["k"]).stderr).toBe("sed: unsupported command k\n");
  });

  it("words a missing file with perror's format", () => {
    expect(bb(["p", "x"]).stderr).toBe("sed: x: No such file or directory\n");
  });

  it("prints the banner and usage with no script", () => {
    expect(bb([]).stderr).toMatch(/^BusyBox v[\d.]+ .*\n\nUsage: sed \[-i\[SFX\]\] \[-nrE\]/);
  });

  it("edits the same way", () => {
    expect(bb(["-n", "/image:/p"], "name: a\nimage: b\n").stdout).toBe("image: b\n");
  });
});
