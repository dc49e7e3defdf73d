// pflag-style parsing for etcdctl: `--name=value`, `--name value`, `-w json`, `-wjson`, bools, `--` ends flags.

/** One flag a command accepts. */
export interface FlagSpec {
  name: string;
  short?: string;
  kind: "bool" | "string" | "int";
}

/** Parsed flags and positional arguments. */
export interface ParsedFlags {
  values: Map<string, string | number | boolean>;
  args: string[];
}

/** A flag error, printed as `Error: <message>` with exit code 1, as cobra does. */
export class FlagError extends Error {}

/** Parse argv against the given flag specs. */
export function parseFlags(argv: string[], specs: FlagSpec[]): ParsedFlags {
  const values = new Map<string, string | number | boolean>();
  const args: string[] = [];
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      let raw: string | undefined = eq < 0 ? undefined : a.slice(eq + 1);
      if (raw === undefined && spec.kind !== "bool") {
        if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: --${name}`);
        raw = argv[++i];
      }
      values.set(name, convert(spec, raw, `--${name}`));
    } else if (a.startsWith("-") && a.length > 1) {
      const spec = byShort.get(a[1]);
      if (!spec) throw new FlagError(`unknown shorthand flag: '${a[1]}' in ${a}`);
      let raw: string | undefined = a.length > 2 ? a.slice(a[2] === "=" ? 3 : 2) : undefined;
      if (raw === undefined && spec.kind !== "bool") {
        if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: '${a[1]}' in -${a[1]}`);
        raw = argv[++i];
      }
      values.set(spec.name, convert(spec, raw, `-${spec.short}, --${spec.name}`));
    } else {
      args.push(a);
    }
  }
  return { values, args };
}

function convert(spec: FlagSpec, raw: string | undefined, label: string): string | number | boolean {
  if (spec.kind === "bool") {
    if (
      raw === undefined ||
      raw === "true" ||
      raw === "1" ||
      raw === "t" ||
      raw === "T" ||
      raw === "TRUE" ||
      raw === "True"
    )
      return true;
    if (raw === "false" || raw === "0" || raw === "f" || raw === "F" || raw === "FALSE" || raw === "False")
      return false;
    throw new FlagError(
      `invalid argument "${raw}" for "${label}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`,
    );
  }
  if (spec.kind === "int") {
    if (!/^[+-]?\d+$/.test(raw ?? ""))
      throw new FlagError(
        `invalid argument "${raw}" for "${label}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`,
      );
    return Number(raw);
  }
  return raw ?? "";
}
