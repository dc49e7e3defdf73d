// Run a compiled sed program over input streams, cycle by cycle, as GNU sed's execute.c does.
import type { ReplPiece, SedAddr, SedCmd, SedProgram } from "./text-sed-parse.ts";
import type { SedRegex } from "./text-sed-regex.ts";

/** One input file of a stream: its name (`-` for stdin) and text. */
export interface SedFile {
  name: string;
  text: string;
}

interface Line {
  text: string;
  nl: boolean;
  file: string;
}

/** Thrown when a program stops on an error at run time (`//` with no regex used before). */
export class SedRunError extends Error {}

function splitLines(files: readonly SedFile[]): Line[] {
  const out: Line[] = [];
  for (const f of files) {
    if (f.text === "") continue;
    const parts = f.text.split("\n");
    const nl = parts[parts.length - 1] === "";
    if (nl) parts.pop();
    parts.forEach((text, i) => {
      out.push({ text, nl: i < parts.length - 1 || nl, file: f.name });
    });
  }
  return out;
}

function expand(repl: readonly ReplPiece[], m: RegExpExecArray): string {
  let out = "";
  let mode = "";
  let once = "";
  const add = (t: string) => {
    if (!t) return;
    let s = mode === "U" ? t.toUpperCase() : mode === "L" ? t.toLowerCase() : t;
    if (once) s = (once === "u" ? s[0].toUpperCase() : s[0].toLowerCase()) + s.slice(1);
    once = "";
    out += s;
  };
  for (const p of repl) {
    if ("lit" in p) add(p.lit);
    else if ("ref" in p) add(m[p.ref] ?? "");
    else if (p.conv === "u" || p.conv === "l") once = p.conv;
    else mode = p.conv === "E" ? "" : p.conv;
  }
  return out;
}

/** A program's state across the streams it runs over: hold space, last regex, and whether it quit. */
export class SedRunner {
  hold = "";
  lastRe: SedRegex | null = null;
  quit: number | null = null;

  private readonly prog: SedProgram;
  private readonly quiet: boolean;
  private readonly exprs: number;

  constructor(prog: SedProgram, quiet: boolean, exprs: number) {
    this.prog = prog;
    this.quiet = quiet;
    this.exprs = exprs;
  }

  private regex(re: SedRegex | null): RegExp {
    const use = re ?? this.lastRe;
    if (!use)
      throw new SedRunError(`sed: -e expression #${this.exprs}, char 0: no previous regular expression\n`);
    this.lastRe = use;
    use.re.lastIndex = 0;
    return use.re;
  }

  private subst(sub: NonNullable<SedCmd["sub"]>, ps: string): string | null {
    const re = this.regex(sub.re);
    let out = "";
    let start = 0;
    let count = 0;
    let prevEnd = -1;
    let did = false;
    while (start <= ps.length) {
      re.lastIndex = start;
      const m = re.exec(ps);
      if (!m) break;
      const off = m.index;
      const end = off + m[0].length;
      // An empty match where the previous match ended is no match (`s/a*/x/g` on "baaac" gives "xbxcx").
      if (off === end && off === prevEnd) {
        if (off >= ps.length) break;
        out += ps[off];
        start = off + 1;
        continue;
      }
      out += ps.slice(start, off);
      prevEnd = end;
      if (++count >= (sub.nth || 1)) {
        out += expand(sub.repl, m);
        did = true;
        if (!sub.global) {
          start = end;
          break;
        }
      } else out += m[0];
      if (off === end) {
        if (end >= ps.length) {
          start = end;
          break;
        }
        out += ps[end];
        start = end + 1;
      } else start = end;
    }
    return did ? out + ps.slice(start) : null;
  }

  /** Run over one stream (all files, or one under -s / -i); returns what it printed. */
  run(files: readonly SedFile[]): string {
    const lines = splitLines(files);
    const cmds = this.prog.cmds;
    for (const c of cmds) {
      c.active = c.a1?.kind === "line" && c.a1.n === 0;
      c.rangeEnd = 0;
    }
    let out = "";
    let missing = false;
    const raw = (s: string) => {
      if (missing) out += "\n";
      out += s;
      missing = false;
    };
    const put = (s: string, nl: boolean) => {
      raw(s);
      if (nl) out += "\n";
      else missing = true;
    };
    let appended: string[] = [];
    const flush = () => {
      for (const t of appended) raw(t);
      appended = [];
    };
    let i = 0;
    let lineNo = 0;
    let ps = "";
    let nl = true;
    const isLast = () => i >= lines.length;
    const read = (append: boolean) => {
      flush();
      const l = lines[i++];
      ps = append ? `${ps}\n${l.text}` : l.text;
      nl = l.nl;
      lineNo++;
    };
    const one = (a: SedAddr): boolean => {
      switch (a.kind) {
        case "line":
          return lineNo === a.n;
        case "step":
          return lineNo >= a.first && (lineNo - a.first) % a.step === 0;
        case "last":
          return isLast();
        case "re":
          return this.regex(a.re).test(ps);
        default:
          return false;
      }
    };
    const matches = (c: SedCmd): boolean => {
      if (!c.a1) return true;
      const a2 = c.a2;
      if (!a2) return one(c.a1);
      if (c.active) {
        if (a2.kind === "line" || a2.kind === "plus" || a2.kind === "mult") {
          if (lineNo >= c.rangeEnd) {
            c.active = false;
            return lineNo === c.rangeEnd;
          }
          return true;
        }
        if (one(a2)) c.active = false;
        return true;
      }
      if (!one(c.a1)) return false;
      if (a2.kind === "line") {
        if (a2.n <= lineNo) return true;
        c.rangeEnd = a2.n;
      } else if (a2.kind === "plus") {
        if (a2.n === 0) return true;
        c.rangeEnd = lineNo + a2.n;
      } else if (a2.kind === "mult") {
        if (a2.n === 0 || lineNo % a2.n === 0) return true;
        c.rangeEnd = Math.ceil(lineNo / a2.n) * a2.n;
      }
      c.active = true;
      return true;
    };
    let reread = true;
    while (this.quit === null && (!reread || !isLast())) {
      if (reread) read(false);
      reread = true;
      let replaced = false;
      let autoprint = !this.quiet;
      let pc = 0;
      cycle: while (pc < cmds.length) {
        const c = cmds[pc];
        if (c.name === "}" || c.name === ":") {
          pc++;
          continue;
        }
        if (matches(c) === c.bang) {
          pc = c.name === "{" ? (c.jump ?? pc) + 1 : pc + 1;
          continue;
        }
        switch (c.name) {
          case "=":
            raw(`${lineNo}\n`);
            break;
          case "a":
            appended.push(c.text ?? "");
            break;
          case "i":
            raw(c.text ?? "");
            break;
          case "c":
            if (!c.a2 || !c.active) raw(c.text ?? "");
            autoprint = false;
            break cycle;
          case "d":
            autoprint = false;
            break cycle;
          case "D": {
            const at = ps.indexOf("\n");
            autoprint = false;
            if (at >= 0) {
              ps = ps.slice(at + 1);
              reread = false;
            }
            break cycle;
          }
          case "g":
            ps = this.hold;
            break;
          case "G":
            ps += `\n${this.hold}`;
            break;
          case "h":
            this.hold = ps;
            break;
          case "H":
            this.hold += `\n${ps}`;
            break;
          case "x":
            [ps, this.hold] = [this.hold, ps];
            break;
          case "n":
          case "N":
            // At the end of input both print the pattern space and stop (GNU's behaviour without POSIXLY_CORRECT).
            if (isLast()) break cycle;
            if (c.name === "n" && !this.quiet) put(ps, nl);
            read(c.name === "N");
            break;
          case "p":
            put(ps, nl);
            break;
          case "P": {
            const at = ps.indexOf("\n");
            put(at < 0 ? ps : ps.slice(0, at), true);
            break;
          }
          case "q":
            this.quit = c.exit ?? 0;
            break cycle;
          case "Q":
            this.quit = c.exit ?? 0;
            appended = [];
            autoprint = false;
            break cycle;
          case "s": {
            const r = this.subst(c.sub!, ps);
            if (r !== null) {
              ps = r;
              replaced = true;
              if (c.sub!.print) put(ps, nl);
            }
            break;
          }
          case "y":
            ps = [...ps].map((ch) => c.map!.get(ch) ?? ch).join("");
            break;
          case "z":
            ps = "";
            break;
          case "F":
            raw(`${lines[i - 1]?.file ?? "-"}\n`);
            break;
          case "b":
            pc = c.jump!;
            continue;
          case "t":
          case "T":
            if (replaced === (c.name === "t")) {
              replaced = false;
              pc = c.jump!;
              continue;
            }
            replaced = false;
            break;
        }
        pc++;
      }
      if (autoprint) put(ps, nl);
      flush();
    }
    return out;
  }
}
