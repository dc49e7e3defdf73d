// The `test` / `[` builtin of ash, dash and bash: file tests, string and integer comparisons, `!`, -a, -o.
import type { CommandResult } from "../kubectl/context.ts";

/** What a path is, for -e/-f/-d: a regular file, a directory, or nothing. */
export type PathKind = "file" | "dir" | null;

class TestError extends Error {}

const UNARY = new Set(["-e", "-f", "-d", "-z", "-n", "-s", "-r", "-w", "-x", "-L", "-h"]);
const BINARY = new Set(["=", "==", "!=", "-eq", "-ne", "-lt", "-gt", "-le", "-ge"]);

function prefix(flavor: "bash" | "sh" | "dash", name: string): string {
  if (flavor === "bash") return `bash: ${name}: `;
  if (flavor === "dash") return `sh: 1: ${name}: `;
  return "sh: ";
}

function integer(s: string, flavor: "bash" | "sh" | "dash"): number {
  if (/^\s*[+-]?\d+\s*$/.test(s)) return Number(s);
  if (flavor === "bash") throw new TestError(`${s}: integer expression expected`);
  if (flavor === "dash") throw new TestError(`Illegal number: ${s}`);
  throw new TestError(`${s}: bad number`);
}

/** Run `test ARGS` or `[ ARGS ]`; `kind` says what a path names. */
export function runTest(
  argv: string[],
  flavor: "bash" | "sh" | "dash",
  kind: (path: string) => PathKind,
  readable: (path: string) => string | null,
): CommandResult {
  const name = argv[0];
  let args = argv.slice(1);
  const err = (msg: string): CommandResult => ({
    stdout: "",
    stderr: `${prefix(flavor, name)}${msg}\n`,
    exitCode: 2,
  });
  if (name === "[") {
    if (args[args.length - 1] !== "]") return err(flavor === "bash" ? "missing `]'" : "missing ]");
    args = args.slice(0, -1);
  }
  const unary = (op: string, a: string): boolean => {
    switch (op) {
      case "-z":
        return a === "";
      case "-n":
        return a !== "";
      case "-e":
        return kind(a) !== null;
      case "-f":
        return kind(a) === "file";
      case "-d":
        return kind(a) === "dir";
      case "-s":
        return kind(a) === "dir" || (readable(a) ?? "") !== "";
      case "-L":
      case "-h":
        return false;
      default:
        // The model runs everything as root: what exists is readable, writable and searchable.
        return kind(a) !== null;
    }
  };
  const binary = (a: string, op: string, b: string): boolean => {
    if (op === "=" || op === "==") return a === b;
    if (op === "!=") return a !== b;
    const x = integer(a, flavor);
    const y = integer(b, flavor);
    if (op === "-eq") return x === y;
    if (op === "-ne") return x !== y;
    if (op === "-lt") return x < y;
    if (op === "-gt") return x > y;
    if (op === "-le") return x <= y;
    return x >= y;
  };
  // POSIX decides by the number of arguments first; longer expressions parse with -o, -a, ! and parens.
  const decide = (a: string[]): boolean => {
    if (a.length === 0) return false;
    if (a.length === 1) return a[0] !== "";
    if (a.length === 2) {
      if (a[0] === "!") return a[1] === "";
      if (UNARY.has(a[0])) return unary(a[0], a[1]);
      throw new TestError(
        flavor === "bash" ? `${a[0]}: unary operator expected` : `${a[0]}: unknown operand`,
      );
    }
    if (a.length === 3 && BINARY.has(a[1])) return binary(a[0], a[1], a[2]);
    if (a.length === 3 && a[0] === "!") return !decide(a.slice(1));
    if (a.length === 4 && a[0] === "!") return !decide(a.slice(1));
    return parse(a);
  };
  const parse = (a: string[]): boolean => {
    let p = 0;
    const primary = (): boolean => {
      const t = a[p];
      if (t === undefined) throw new TestError("argument expected");
      if (t === "!") {
        p++;
        return !primary();
      }
      if (t === "(") {
        p++;
        const v = or();
        if (a[p++] !== ")") throw new TestError("closing paren expected");
        return v;
      }
      if (UNARY.has(t) && a[p + 1] !== undefined) {
        p += 2;
        return unary(t, a[p - 1]);
      }
      if (BINARY.has(a[p + 1] ?? "") && a[p + 2] !== undefined) {
        p += 3;
        return binary(a[p - 3], a[p - 2], a[p - 1]);
      }
      p++;
      return t !== "";
    };
    const and = (): boolean => {
      let v = primary();
      while (a[p] === "-a") {
        p++;
        v = primary() && v;
      }
      return v;
    };
    const or = (): boolean => {
      let v = and();
      while (a[p] === "-o") {
        p++;
        v = and() || v;
      }
      return v;
    };
    const v = or();
    if (p < a.length)
      throw new TestError(flavor === "bash" ? "too many arguments" : `${a[p]}: unexpected operator`);
    return v;
  };
  try {
    return { stdout: "", stderr: "", exitCode: decide(args) ? 0 : 1 };
  } catch (e) {
    if (e instanceof TestError) return err(e.message);
    throw e;
  }
}
