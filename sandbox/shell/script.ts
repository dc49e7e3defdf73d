// Run shell text: lists (`;`, `&&`, `||`, newlines), for/while/if blocks, pipelines and redirections.
// Shared by the node shell (bash) and `sh -c` inside containers (busybox ash).
import type { CommandResult } from "../kubectl/context.ts";
import { type PathKind, runTest } from "./test-builtin.ts";
import { ShellSyntaxError, type Token, tokenize } from "./tokenize.ts";
import type { OutputSink } from "./types.ts";

/** Where a script runs: its variables, its commands and its files. */
export interface ScriptHost {
  /** `bash` on a node, `sh` for busybox ash, `dash` for Debian's sh; picks the wording of redirection errors. */
  flavor: "bash" | "sh" | "dash";
  /** The shell's variables; assignments change them. */
  env: Record<string, string>;
  /** Run one simple command (argv after leading `VAR=value` words, which come as `assigns`). */
  run(argv: string[], stdin: string, sink: OutputSink, assigns: Record<string, string>): CommandResult;
  /** Read a file for `<`; an error is the strerror text. */
  readFile(path: string): { text: string } | { error: string };
  /** Write a file for `>`/`>>`; returns the strerror text on failure. */
  writeFile(path: string, content: string, append: boolean): string | undefined;
  /** What a path names, for `test -e/-f/-d`; without it a read tells files from directories. */
  pathKind?(path: string): PathKind;
}

interface Stage {
  argv: string[];
  assigns: Record<string, string>;
  out?: { path: string; append: boolean };
  err?: { path: string; append: boolean };
  in?: string;
  errToOut: boolean;
  outToErr: boolean;
}

// A loop that never ends would hang the shell; real shells would spin, the model stops.
const MAX_STEPS = 10_000;
const NONE: CommandResult = { stdout: "", stderr: "", exitCode: 0 };

/** Run a whole script text on a host; output goes to `sink` as it is produced and is also returned. */
export function runScriptText(
  host: ScriptHost,
  text: string,
  stdin: string,
  sink: OutputSink,
): CommandResult {
  return new Runner(host, sink).block(text, stdin);
}

class Runner {
  private steps = 0;
  /** Set by `exec`: the shell has been replaced, nothing after it runs. */
  private replaced = false;
  private readonly host: ScriptHost;
  private readonly sink: OutputSink;
  constructor(host: ScriptHost, sink: OutputSink) {
    this.host = host;
    this.sink = sink;
  }

  /** Run a list of commands given as text. */
  block(text: string, stdin: string): CommandResult {
    const toks = tokenize(text, {}, { raw: true });
    let stdout = "";
    let stderr = "";
    let last = NONE;
    let skip = false;
    let i = 0;
    while (i < toks.length && !this.replaced) {
      if (toks[i].kind === "op" && toks[i].value === ";") {
        i++;
        continue;
      }
      const end = this.commandEnd(toks, i);
      if (!skip) {
        last = this.compound(text, toks, i, end, stdin);
        stdout += last.stdout;
        stderr += last.stderr;
        this.host.env["?"] = String(last.exitCode);
      }
      const op = toks[end]?.value;
      // A skipped command leaves the status as it was, so `false && a || b` runs b.
      skip = (op === "&&" && last.exitCode !== 0) || (op === "||" && last.exitCode === 0);
      i = end + 1;
    }
    return { stdout, stderr, exitCode: last.exitCode };
  }

  // The index of the `;`, `&&` or `||` ending the command at `i`, skipping over whole blocks.
  private commandEnd(toks: Token[], i: number): number {
    let depth = 0;
    let atCmd = true;
    for (let j = i; j < toks.length; j++) {
      const t = toks[j];
      if (t.kind === "op") {
        if (depth === 0 && (t.value === ";" || t.value === "&&" || t.value === "||")) return j;
        atCmd = t.value === ";" || t.value === "&&" || t.value === "||" || t.value === "|";
        continue;
      }
      if (atCmd && ["for", "while", "until", "if"].includes(t.value)) depth++;
      else if (atCmd && (t.value === "done" || t.value === "fi")) depth--;
      atCmd = atCmd && ["do", "then", "else", "elif", "in"].includes(t.value);
      if (["do", "then", "else", "elif"].includes(t.value)) atCmd = true;
    }
    if (depth > 0) throw new ShellSyntaxError("syntax error: unexpected end of file");
    return toks.length;
  }

  // Indexes of the `|` operators between from and to that are outside any block.
  private topLevelPipes(toks: Token[], from: number, to: number): number[] {
    const out: number[] = [];
    let depth = 0;
    let atCmd = true;
    for (let j = from; j < to; j++) {
      const t = toks[j];
      if (t.kind === "op") {
        if (depth === 0 && t.value === "|") out.push(j);
        atCmd = true;
        continue;
      }
      if (atCmd && ["for", "while", "until", "if"].includes(t.value)) depth++;
      else if (atCmd && (t.value === "done" || t.value === "fi")) depth--;
      atCmd = ["do", "then", "else", "elif"].includes(t.value);
    }
    return out;
  }

  private compound(text: string, toks: Token[], from: number, to: number, stdin: string): CommandResult {
    if (++this.steps > MAX_STEPS) return { stdout: "", stderr: "", exitCode: 1 };
    const first = toks[from];
    // `! pipeline` inverts the pipeline's status (a quoted '!' is a plain word).
    if (first.kind === "word" && first.value === "!" && from + 1 < to) {
      const r = this.compound(text, toks, from + 1, to, stdin);
      return { ...r, exitCode: r.exitCode === 0 ? 1 : 0 };
    }
    const pipes = this.topLevelPipes(toks, from, to);
    const isBlock = (i: number) => ["for", "while", "until", "if"].includes(toks[i]?.value ?? "");
    if (pipes.length > 0 && [from, ...pipes.map((p) => p + 1)].some(isBlock)) {
      // A block inside a pipeline: run the stages in turn, each feeding the next.
      const starts = [from, ...pipes.map((p) => p + 1)];
      const ends = [...pipes, to];
      let input = stdin;
      let stderr = "";
      let r = NONE;
      starts.forEach((a, k) => {
        const last = k === starts.length - 1;
        const sub = last ? this : new Runner(this.host, (st, t) => st === "stderr" && this.sink(st, t));
        r = sub.compound(text, toks, a, ends[k], input);
        stderr += r.stderr;
        input = r.stdout;
      });
      return { ...r, stderr };
    }
    const src = (a: number, b: number) => text.slice(toks[a].start ?? 0, toks[b - 1]?.end ?? text.length);
    // Find a keyword at command position between a and b, at block depth 0.
    const find = (a: number, b: number, words: string[]): number => {
      let depth = 0;
      let atCmd = true;
      for (let j = a; j < b; j++) {
        const t = toks[j];
        if (t.kind === "op") {
          atCmd = true;
          continue;
        }
        if (atCmd && depth === 0 && words.includes(t.value)) return j;
        if (atCmd && ["for", "while", "until", "if"].includes(t.value)) depth++;
        else if (atCmd && (t.value === "done" || t.value === "fi")) depth--;
        atCmd = ["do", "then", "else", "elif"].includes(t.value);
      }
      throw new ShellSyntaxError("syntax error: unexpected end of file");
    };
    if (first.kind === "word" && first.value === "for") {
      const name = toks[from + 1]?.kind === "word" ? toks[from + 1].value : "";
      const doAt = find(from + 2, to, ["do"]);
      const doneAt = to - 1;
      const listEnd = toks[doAt - 1]?.kind === "op" ? doAt - 1 : doAt;
      const items =
        toks[from + 2]?.value === "in" && listEnd > from + 3 ? this.words(src(from + 3, listEnd)) : [];
      const body = src(doAt + 1, doneAt);
      return this.loopEach(items, name, body, stdin);
    }
    if (first.kind === "word" && (first.value === "while" || first.value === "until")) {
      const doAt = find(from + 1, to, ["do"]);
      const cond = src(from + 1, doAt);
      const body = src(doAt + 1, to - 1);
      let acc: CommandResult = NONE;
      while (this.steps < MAX_STEPS && !this.replaced) {
        this.steps++;
        const c = this.block(cond, stdin);
        acc = join(acc, { ...c, exitCode: acc.exitCode });
        if ((c.exitCode === 0) === (first.value === "until")) break;
        acc = join(acc, this.block(body, stdin));
      }
      return acc;
    }
    if (first.kind === "word" && first.value === "if") {
      const ifChain = (at: number): CommandResult => {
        const thenAt = find(at + 1, to, ["then"]);
        const c = this.block(src(at + 1, thenAt), stdin);
        const next = find(thenAt + 1, to, ["elif", "else", "fi"]);
        if (c.exitCode === 0) return join(c, this.block(src(thenAt + 1, next), stdin));
        const base = { ...c, exitCode: 0 };
        const kw = toks[next].value;
        if (kw === "fi") return base;
        if (kw === "else") return join(base, this.block(src(next + 1, to - 1), stdin));
        return join(base, ifChain(next));
      };
      return ifChain(from);
    }
    return this.pipeline(src(from, to), stdin);
  }

  private loopEach(items: string[], name: string, body: string, stdin: string): CommandResult {
    let acc: CommandResult = NONE;
    for (const v of items) {
      this.host.env[name] = v;
      acc = join(acc, this.block(body, stdin));
    }
    return acc;
  }

  private words(text: string): string[] {
    return this.expand(text).flatMap((t) => (t.kind === "word" ? [t.value] : []));
  }

  private expand(text: string): Token[] {
    return tokenize(text, this.host.env, {
      subst: (cmd) => runScriptText(this.host, cmd, "", () => {}).stdout,
    });
  }

  private pipeline(text: string, stdin: string): CommandResult {
    const stages = this.parseStages(this.expand(text));
    let input = stdin;
    let stderr = "";
    let result = NONE;
    stages.forEach((s, idx) => {
      const lastStage = idx === stages.length - 1;
      if (s.in !== undefined) {
        const r = this.host.readFile(s.in);
        if ("error" in r) {
          const msg = this.redirError(s.in, r.error, "open");
          this.sink("stderr", msg);
          stderr += msg;
          result = { stdout: "", stderr: msg, exitCode: 1 };
          input = "";
          return;
        }
        input = r.text;
      }
      // Only the last stage streams to the terminal; earlier ones feed the next stage.
      const local: OutputSink = (st, t) => {
        const dest = st === "stdout" ? (s.outToErr ? "stderr" : "stdout") : s.errToOut ? "stdout" : "stderr";
        if (dest === "stdout" && !s.out && lastStage) this.sink("stdout", t);
        if (dest === "stderr" && !s.err) this.sink("stderr", t);
      };
      let r = this.simple(s, input, local);
      if (s.outToErr) r = { stdout: "", stderr: r.stderr + r.stdout, exitCode: r.exitCode };
      if (s.errToOut) r = { stdout: r.stdout + r.stderr, stderr: "", exitCode: r.exitCode };
      for (const [target, text2, key] of [
        [s.err, r.stderr, "stderr"],
        [s.out, r.stdout, "stdout"],
      ] as const) {
        if (!target) continue;
        const e =
          target.path === "/dev/null" ? undefined : this.host.writeFile(target.path, text2, target.append);
        r = { ...r, [key]: "" };
        if (e) {
          const msg = this.redirError(target.path, e, "create");
          this.sink("stderr", msg);
          r = { stdout: "", stderr: r.stderr + msg, exitCode: 1 };
        }
      }
      stderr += r.stderr;
      input = r.stdout;
      result = r;
    });
    return { stdout: result.stdout, stderr, exitCode: result.exitCode };
  }

  private redirError(path: string, error: string, how: "open" | "create"): string {
    if (this.host.flavor === "bash") return `bash: ${path}: ${error}\n`;
    if (this.host.flavor === "dash") {
      const text =
        error === "No such file or directory"
          ? how === "open"
            ? "No such file"
            : "Directory nonexistent"
          : error;
      return `sh: 1: cannot ${how} ${path}: ${text}\n`;
    }
    // busybox ash words ENOENT by what it tried to do.
    const text =
      error === "No such file or directory"
        ? how === "open"
          ? "no such file"
          : "nonexistent directory"
        : error;
    return `sh: can't ${how} ${path}: ${text}\n`;
  }

  private simple(s: Stage, stdin: string, sink: OutputSink): CommandResult {
    if (s.argv.length === 0) {
      Object.assign(this.host.env, s.assigns);
      return NONE;
    }
    const builtin = this.builtin(s.argv);
    if (builtin) {
      if (builtin.stderr) sink("stderr", builtin.stderr);
      return builtin;
    }
    if (s.argv[0] === "exec") {
      // exec with only redirections would make them permanent; not modelled.
      if (s.argv.length === 1) return NONE;
      const r = this.simple({ ...s, argv: s.argv.slice(1) }, stdin, sink);
      this.replaced = true;
      return r;
    }
    let streamed = false;
    const write: OutputSink = (st, t) => {
      streamed = true;
      sink(st, t);
    };
    const r = this.host.run(s.argv, stdin, write, s.assigns);
    if (!streamed) {
      if (r.stdout) sink("stdout", r.stdout);
      if (r.stderr) sink("stderr", r.stderr);
    }
    return r;
  }

  // The shell's own builtins: ash, dash and bash all have these whatever the image ships.
  private builtin(argv: string[]): CommandResult | undefined {
    const cmd = argv[0];
    if (cmd === ":" || cmd === "true") return NONE;
    if (cmd === "false") return { stdout: "", stderr: "", exitCode: 1 };
    if (cmd !== "test" && cmd !== "[") return undefined;
    const read = (p: string) => this.host.readFile(p);
    const kind = (p: string): PathKind => {
      if (this.host.pathKind) return this.host.pathKind(p);
      const r = read(p);
      if ("text" in r) return "file";
      return r.error === "Is a directory" ? "dir" : null;
    };
    return runTest(argv, this.host.flavor, kind, (p) => {
      const r = read(p);
      return "text" in r ? r.text : null;
    });
  }

  private parseStages(tokens: Token[]): Stage[] {
    const fresh = (): Stage => ({ argv: [], assigns: {}, errToOut: false, outToErr: false });
    const stages: Stage[] = [];
    let cur = fresh();
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind === "word") {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(t.value);
        if (m && cur.argv.length === 0) cur.assigns[m[1]] = m[2];
        else cur.argv.push(t.value);
        continue;
      }
      if (t.value === "|") {
        if (cur.argv.length === 0 && Object.keys(cur.assigns).length === 0)
          throw new ShellSyntaxError("syntax error near unexpected token `|'");
        stages.push(cur);
        cur = fresh();
        continue;
      }
      if (t.value === "2>&1") cur.errToOut = true;
      else if (t.value === ">&2") cur.outToErr = true;
      else {
        const target = tokens[++i];
        if (target?.kind !== "word")
          throw new ShellSyntaxError(`syntax error near unexpected token \`${target?.value ?? "newline"}'`);
        const path = target.value;
        if (t.value === "<") cur.in = path;
        else if (t.value === "<<") continue;
        else if (t.value === "2>" || t.value === "2>>") cur.err = { path, append: t.value === "2>>" };
        else if (t.value === "&>") {
          cur.out = { path, append: false };
          cur.errToOut = true;
        } else cur.out = { path, append: t.value === ">>" };
      }
    }
    if (cur.argv.length === 0 && stages.length > 0)
      throw new ShellSyntaxError("syntax error near unexpected token `|'");
    stages.push(cur);
    return stages;
  }
}

function join(a: CommandResult, b: CommandResult): CommandResult {
  return { stdout: a.stdout + b.stdout, stderr: a.stderr + b.stderr, exitCode: b.exitCode };
}
