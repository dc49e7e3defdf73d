// Small constructors for flag specs, so command files read like kubectl's AddFlags calls.
import type { FlagSpec } from "./types.ts";

type Extra = Partial<Omit<FlagSpec, "name" | "type" | "usage">>;

/** Build a bool flag (pflag BoolVarP); `def` is its default. */
export function boolFlag(name: string, def: boolean, usage: string, extra: Extra = {}): FlagSpec {
  return { name, type: "bool", defValue: String(def), usage, noOptDefVal: "true", ...extra };
}

/** Build a string flag (pflag StringVarP). */
export function stringFlag(name: string, def: string, usage: string, extra: Extra = {}): FlagSpec {
  return { name, type: "string", defValue: def, usage, ...extra };
}

/** Build an int flag; `type` picks pflag's Int, Int32 or Int64. */
export function intFlag(
  name: string,
  def: number,
  usage: string,
  extra: Extra = {},
  type: "int" | "int32" | "int64" = "int",
): FlagSpec {
  return { name, type, defValue: String(def), usage, ...extra };
}

/** Build a repeatable flag that keeps each value whole (pflag StringArray). */
export function arrayFlag(name: string, usage: string, extra: Extra = {}): FlagSpec {
  return { name, type: "stringArray", defValue: "[]", usage, ...extra };
}

/** Build a repeatable flag that also splits on commas (pflag StringSlice). */
export function sliceFlag(name: string, usage: string, extra: Extra = {}): FlagSpec {
  return { name, type: "stringSlice", defValue: "[]", usage, ...extra };
}

/** Build a duration flag; `def` is Go's rendering, e.g. "0s", "1m0s". */
export function durationFlag(name: string, def: string, usage: string, extra: Extra = {}): FlagSpec {
  return { name, type: "duration", defValue: def, usage, ...extra };
}
