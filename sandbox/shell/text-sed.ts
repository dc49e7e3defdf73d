// `sed` as GNU sed 4.8 (nodes, Debian images) and busybox sed (busybox images) run it: options, input files,
// in-place editing through the host's file access, and each implementation's error wording.
import { busyboxBanner } from "../images/busybox.ts";
import { fnv32a } from "../util/fnv.ts";
import { fail, type TextFiles, type ToolResult } from "./text-input.ts";
import { compileSed } from "./text-sed-parse.ts";
import { SedScriptError } from "./text-sed-reader.ts";
import { type SedFile, SedRunError, SedRunner } from "./text-sed-run.ts";

const GNU_USAGE = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
      --debug
                 annotate program execution
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  --follow-symlinks
                 follow symlinks when processing in place
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -l N, --line-length=N
                 specify the desired line-wrap length for the \`l' command
  --posix
                 disable all GNU extensions.
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
                 (for portability use POSIX -E).
  -s, --separate
                 consider files as separate rather than as a single,
                 continuous long stream.
      --sandbox
                 operate in sandbox mode (disable e/r/w commands).
  -u, --unbuffered
                 load minimal amounts of data from the input files and flush
                 the output buffers more often
  -z, --null-data
                 separate lines by NUL characters
      --help     display this help and exit
      --version  output version information and exit

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
`;

const GNU_VERSION = `sed (GNU sed) 4.8
Copyright (C) 2020 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by Jay Fenlason, Tom Lord, Ken Pizzini,
Paolo Bonzini, Jim Meyering, and Assaf Gordon.

This sed program was built with SELinux support.
SELinux is disabled on this system.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
E-mail bug reports to: <bug-sed@gnu.org>.
`;

// The model prints busybox's banner and usage line, not its whole help text.
const busyboxUsage = () =>
  `${busyboxBanner()}\n\nUsage: sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\nor: sed [-i[SFX]] [-nrE] CMD [FILE]...\n`;

interface SedOptions {
  exprs: string[];
  quiet: boolean;
  ere: boolean;
  separate: boolean;
  inPlace: string | null;
  operands: string[];
}

const LONG: Record<string, "none" | "required" | "optional"> = {
  quiet: "none",
  silent: "none",
  "regexp-extended": "none",
  separate: "none",
  unbuffered: "none",
  posix: "none",
  "follow-symlinks": "none",
  sandbox: "none",
  debug: "none",
  help: "none",
  version: "none",
  expression: "required",
  "line-length": "required",
  "in-place": "optional",
};
const BUSYBOX_LONG = new Set(["in-place", "regexp-extended", "quiet", "silent", "expression"]);

// Parse argv as getopt_long does (options may follow operands until `--`).
function parseArgs(args: readonly string[], busybox: boolean): SedOptions | ToolResult {
  const o: SedOptions = { exprs: [], quiet: false, ere: false, separate: false, inPlace: null, operands: [] };
  const usage = (msg: string) => fail(`${msg}${busybox ? busyboxUsage() : GNU_USAGE}`);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      o.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const [given, value] = a.slice(2).split(/=(.*)/s, 2);
      const names = Object.keys(LONG).filter((n) => n.startsWith(given) && (!busybox || BUSYBOX_LONG.has(n)));
      const name = names.includes(given) ? given : names.length === 1 ? names[0] : undefined;
      if (!name) {
        if (names.length > 1) return usage(`sed: option '${a}' is ambiguous\n`);
        return usage(`sed: unrecognized option '${a}'\n`);
      }
      if (LONG[name] === "none" && value !== undefined)
        return usage(`sed: option '--${name}' doesn't allow an argument\n`);
      let v = value;
      if (LONG[name] === "required" && v === undefined) {
        if (i + 1 >= args.length) return usage(`sed: option '--${name}' requires an argument\n`);
        v = args[++i];
      }
      if (name === "help")
        return { stdout: `${GNU_USAGE}E-mail bug reports to: <bug-sed@gnu.org>.\n`, stderr: "", exitCode: 0 };
      if (name === "version") return { stdout: GNU_VERSION, stderr: "", exitCode: 0 };
      if (name === "quiet" || name === "silent") o.quiet = true;
      else if (name === "regexp-extended") o.ere = true;
      else if (name === "separate") o.separate = true;
      else if (name === "expression") o.exprs.push(v ?? "");
      else if (name === "in-place") {
        o.inPlace = v ?? "";
        o.separate = true;
      }
      continue;
    }
    if (!a.startsWith("-") || a === "-") {
      o.operands.push(a);
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const f = a[k];
      const rest = a.slice(k + 1);
      if (f === "n") o.quiet = true;
      else if (f === "r" || f === "E") o.ere = true;
      else if (!busybox && (f === "s" || f === "u")) o.separate ||= f === "s";
      else if (f === "i") {
        o.inPlace = rest;
        o.separate = true;
        break;
      } else if (f === "e" || (f === "l" && !busybox)) {
        const v = rest !== "" ? rest : args[++i];
        if (v === undefined) return usage(`sed: option requires an argument -- '${f}'\n`);
        if (f === "e") o.exprs.push(v);
        break;
      } else return usage(`sed: invalid option -- '${f}'\n`);
    }
  }
  if (o.exprs.length === 0) {
    const script = o.operands.shift();
    if (script === undefined) return busybox ? fail(busyboxUsage()) : fail(GNU_USAGE);
    o.exprs.push(script);
  }
  return o;
}

// glibc's mkstemp fills XXXXXX with letters and digits; the model derives them from the path.
function tempName(path: string): string {
  const slash = path.lastIndexOf("/");
  const dir = slash < 0 ? "." : slash === 0 ? "" : path.slice(0, slash);
  const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let x = "";
  for (let k = 0; k < 6; k++) x += abc[fnv32a(`${k}${path}`) % abc.length];
  return `${dir}/sed${x}`;
}

/** Run sed: argv without its name, stdin, and (on a node or in a container) file access. */
export function sed(args: string[], input: string, files?: TextFiles): ToolResult {
  const busybox = files?.flavor === "busybox";
  const o = parseArgs(args, busybox);
  if ("exitCode" in o) return o;
  let runner: SedRunner;
  try {
    const prog = compileSed(o.exprs, o.ere);
    runner = new SedRunner(prog, o.quiet || prog.quiet, o.exprs.length);
  } catch (e) {
    if (e instanceof SedScriptError) return fail(busybox ? e.busybox : e.gnu, busybox ? 1 : e.exit);
    throw e;
  }
  if (o.inPlace !== null && o.operands.length === 0)
    return busybox ? fail("sed: -i requires an argument\n") : fail("sed: no input files\n", 4);
  const names = o.operands.length ? o.operands : ["-"];
  let stdout = "";
  let stderr = "";
  let status = 0;
  // Open each operand as sed reaches it; a missing one is reported and skipped.
  const open = (name: string): SedFile | null => {
    if (name === "-" && o.inPlace === null) return { name, text: input };
    const r = files ? files.read(name) : { error: "No such file or directory" };
    if ("text" in r) return { name, text: r.text };
    if (busybox) {
      if (r.error === "Is a directory") return { name, text: "" };
      stderr += `sed: ${name}: ${r.error}\n`;
      status = 1;
    } else if (r.error === "Is a directory") {
      stderr +=
        o.inPlace !== null
          ? `sed: couldn't edit ${name}: not a regular file\n`
          : `sed: read error on ${name}: Is a directory\n`;
      status = 4;
    } else {
      stderr += `sed: can't read ${name}: ${r.error}\n`;
      status ||= 2;
    }
    return null;
  };
  try {
    if (!o.separate) {
      const all: SedFile[] = [];
      for (const n of names) {
        const f = open(n);
        if (status === 4) return { stdout, stderr, exitCode: 4 };
        if (f) all.push(f);
      }
      stdout += runner.run(all);
    } else
      for (const n of names) {
        if (runner.quit !== null) break;
        const f = open(n);
        if (!f) continue;
        const out = runner.run([f]);
        if (o.inPlace === null) {
          stdout += out;
          continue;
        }
        const err = writeBack(files, n, f.text, out, o.inPlace);
        if (err) {
          stderr += busybox
            ? `sed: can't create temp file '${n}XXXXXX': ${err}\n`
            : `sed: couldn't open temporary file ${tempName(n)}: ${err}\n`;
          return { stdout, stderr, exitCode: busybox ? 1 : 4 };
        }
      }
  } catch (e) {
    if (!(e instanceof SedRunError)) throw e;
    return { stdout, stderr: stderr + (busybox ? "sed: no previous regexp\n" : e.message), exitCode: 1 };
  }
  return { stdout, stderr, exitCode: runner.quit || status };
}

// Replace a file with sed's output (and keep the old text under the backup name); the write error, if any.
function writeBack(
  files: TextFiles | undefined,
  name: string,
  old: string,
  out: string,
  suffix: string,
): string | undefined {
  if (!files?.write) return "Read-only file system";
  if (suffix) {
    const base = name.slice(name.lastIndexOf("/") + 1);
    const backup = suffix.includes("*")
      ? name.slice(0, name.lastIndexOf("/") + 1) + suffix.replaceAll("*", base)
      : name + suffix;
    const err = files.write(backup, old);
    if (err) return err;
  }
  return files.write(name, out);
}
