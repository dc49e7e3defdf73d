// Parse argv against a flag set with spf13/pflag's rules (interspersed args, `--`, -abc, -n=v, -nv, --f=v).
import type { FlagSpec, FlagValue } from "./types.ts";
import { applyValue, defaultValue, goQuote } from "./values.ts";

/** The outcome of parsing flags for one command. */
export interface FlagParse {
  values: Record<string, FlagValue>;
  set: Set<string>;
  args: string[];
  afterDash: string[];
  /** Number of positional args before `--`, or -1 when there was none (cobra ArgsLenAtDash). */
  argsLenAtDash: number;
  /** Deprecation notices pflag prints to stderr. */
  warnings: string;
}

/** Parse `argv` with `flags`; returns the result or the pflag error text (without "error: "). */
export function parseFlags(argv: string[], flags: FlagSpec[]): FlagParse | { error: string } {
  const byName = new Map(flags.map((f) => [f.name, f]));
  const byShort = new Map(flags.filter((f) => f.shorthand).map((f) => [f.shorthand!, f]));
  const values: Record<string, FlagValue> = {};
  for (const f of flags) values[f.name] = defaultValue(f);
  const out: FlagParse = { values, set: new Set(), args: [], afterDash: [], argsLenAtDash: -1, warnings: "" };

  const setFlag = (flag: FlagSpec, text: string): string | null => {
    try {
      values[flag.name] = applyValue(flag, values[flag.name], text, !out.set.has(flag.name));
    } catch (e) {
      const name = flag.shorthand ? `-${flag.shorthand}, --${flag.name}` : `--${flag.name}`;
      return `invalid argument ${goQuote(text)} for ${goQuote(name)} flag: ${(e as Error).message}`;
    }
    out.set.add(flag.name);
    if (flag.deprecated) out.warnings += `Flag --${flag.name} has been deprecated, ${flag.deprecated}\n`;
    return null;
  };

  const rest = [...argv];
  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s.length < 2 || s[0] !== "-") {
      out.args.push(s);
      continue;
    }
    if (s === "--") {
      out.argsLenAtDash = out.args.length;
      out.afterDash = rest.splice(0);
      break;
    }
    if (s[1] === "-") {
      const body = s.slice(2);
      if (body[0] === "-" || body[0] === "=") return { error: `bad flag syntax: ${s}` };
      const eq = body.indexOf("=");
      // kubectl normalizes word separators: --all_namespaces is --all-namespaces.
      const name = (eq < 0 ? body : body.slice(0, eq)).replaceAll("_", "-");
      const flag = byName.get(name);
      if (!flag) return { error: `unknown flag: --${name}` };
      let text: string;
      if (eq >= 0) text = body.slice(eq + 1);
      else if (flag.noOptDefVal !== undefined) text = flag.noOptDefVal;
      else if (rest.length > 0) text = rest.shift()!;
      else return { error: `flag needs an argument: ${s}` };
      const err = setFlag(flag, text);
      if (err) return { error: err };
      continue;
    }
    let shorts = s.slice(1);
    while (shorts.length > 0) {
      const c = shorts[0];
      const flag = byShort.get(c);
      if (!flag) return { error: `unknown shorthand flag: '${c}' in -${shorts}` };
      let text: string;
      let next = shorts.slice(1);
      if (shorts.length > 2 && shorts[1] === "=") {
        text = shorts.slice(2);
        next = "";
      } else if (flag.noOptDefVal !== undefined) text = flag.noOptDefVal;
      else if (shorts.length > 1) {
        text = shorts.slice(1);
        next = "";
      } else if (rest.length > 0) text = rest.shift()!;
      else return { error: `flag needs an argument: '${c}' in -${shorts}` };
      const err = setFlag(flag, text);
      if (err) return { error: err };
      shorts = next;
    }
  }
  return out;
}
