// `-o yaml|json|name|jsonpath=…` for any command that prints objects, with kubectl's format errors.
import type { ResourceType } from "../../api/resources.ts";
import type { KubeObject } from "../../api/types.ts";
import {
  type CustomColumn,
  JsonPathError,
  parseCustomColumns,
  parseCustomColumnsFile,
  printJsonPath,
  renderCustomColumns,
  toJson,
  toList,
  toName,
  toYaml,
} from "../output/index.ts";
import { CliError, fail, type Run } from "./common.ts";

const GET_FORMATS =
  "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";
const OBJECT_FORMATS =
  "json,yaml,name,go-template,go-template-file,template,templatefile,jsonpath,jsonpath-as-json,jsonpath-file";

/** A parsed `-o` value; custom columns come parsed, with whether to print their header. */
export interface OutputFormat {
  kind: "" | "wide" | "yaml" | "json" | "name" | "jsonpath" | "jsonpath-as-json" | "custom-columns";
  template: string;
  columns?: CustomColumn[];
  noHeaders?: boolean;
}

// -o custom-columns=SPEC and -o custom-columns-file=PATH (a file's columns ignore --no-headers).
function customColumns(run: Run, name: string, value: string): OutputFormat {
  if (value === "") fail("custom-columns format specified but no custom columns given");
  try {
    if (name === "custom-columns") {
      return {
        kind: "custom-columns",
        template: value,
        columns: parseCustomColumns(value),
        noHeaders: run.bool("no-headers"),
      };
    }
    const text = run.ctx.readFile(value);
    if (text === undefined)
      fail(`error reading template ${value}, open ${value}: no such file or directory\n`);
    return {
      kind: "custom-columns",
      template: value,
      columns: parseCustomColumnsFile(text),
      noHeaders: false,
    };
  } catch (e) {
    if (e instanceof CliError) throw e;
    return fail((e as Error).message);
  }
}

/** Parse `-o`, failing with kubectl's "unable to match a printer" error for unknown formats. */
export function outputFormat(run: Run, forGet = false): OutputFormat {
  const raw = run.str("output");
  if (raw === "") return { kind: "", template: "" };
  const eq = raw.indexOf("=");
  const name = eq < 0 ? raw : raw.slice(0, eq);
  const template = eq < 0 ? "" : raw.slice(eq + 1);
  if (name === "yaml" || name === "json" || name === "name") return { kind: name, template: "" };
  if (name === "wide" && forGet) return { kind: "wide", template: "" };
  if (forGet && (name === "custom-columns" || name === "custom-columns-file")) {
    return customColumns(run, name, template);
  }
  if (name === "jsonpath" || name === "jsonpath-as-json") {
    if (template === "") fail("template format specified but no template given");
    return { kind: name, template };
  }
  return fail(
    `unable to match a printer suitable for the output format "${raw}", allowed formats are: ${forGet ? GET_FORMATS : OBJECT_FORMATS}`,
  );
}

/** Render objects in a structured format: one object alone, several (or a list) as a `kind: List`. */
export function formatObjects(
  fmt: OutputFormat,
  objects: KubeObject[],
  asList: boolean,
  rt?: ResourceType,
  sortKeys = true,
): string {
  const data = asList || objects.length !== 1 ? toList(objects) : objects[0];
  switch (fmt.kind) {
    case "yaml":
      return toYaml(data);
    case "json":
      return toJson(data, { sortKeys });
    case "name":
      return objects.map((o) => `${toName(o, rt)}\n`).join("");
    case "custom-columns":
      try {
        return renderCustomColumns(objects, fmt.columns ?? [], { noHeaders: fmt.noHeaders });
      } catch (e) {
        throw new CliError(`error: ${(e as Error).message}`);
      }
    case "jsonpath":
    case "jsonpath-as-json":
      try {
        return printJsonPath(fmt.template, data, { asJson: fmt.kind === "jsonpath-as-json" });
      } catch (e) {
        if (e instanceof JsonPathError) throw new CliError(`error: ${e.message}`);
        throw e;
      }
    default:
      return "";
  }
}

/** Print created/changed objects: `-o` format if given, else `<kind>/<name> <verb>` lines. */
export function printResult(
  run: Run,
  fmt: OutputFormat,
  obj: KubeObject,
  rt: ResourceType,
  verb: string,
  sortKeys = true,
): void {
  if (fmt.kind === "" || fmt.kind === "wide") run.out(`${toName(obj, rt)} ${verb}\n`);
  else run.out(formatObjects(fmt, [obj], false, rt, sortKeys));
}
