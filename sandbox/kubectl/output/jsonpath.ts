// `-o jsonpath=…` (and `jsonpath-as-json`): run a template over the object or List and print the
// results as kubectl does, including its error texts.
import { goNumber, goQuote, goSharpV } from "./go-format.ts";
import { toCompactJson, toJson } from "./json.ts";
import { JsonPathRunner } from "./jsonpath-eval.ts";
import { parseJsonPath } from "./jsonpath-parse.ts";

/** Options: `allowMissingKeys` mirrors `--allow-missing-template-keys` (default true). */
export interface JsonPathOptions {
  allowMissingKeys?: boolean;
  /** `-o jsonpath-as-json`: print each result set as an indented JSON array. */
  asJson?: boolean;
}

/** A jsonpath failure; kubectl prints `error: ` + message (which ends in a newline) to stderr and exits 1. */
export class JsonPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JsonPathError";
  }
}

function text(v: unknown): string {
  if (Array.isArray(v) || (typeof v === "object" && v !== null)) return toCompactJson(v);
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "number") return goNumber(v);
  return String(v);
}

/** Find the result sets of a template over data (one per top-level node); throws plain parse/eval errors. */
export function findJsonPathResults(template: string, data: unknown, allowMissingKeys = true): unknown[][] {
  return new JsonPathRunner(parseJsonPath(template), allowMissingKeys).findResults(data);
}

/** Print a template's results: values of one set joined by a space, sets concatenated, no added newline. */
export function executeJsonPath(template: string, data: unknown, opts: JsonPathOptions = {}): string {
  const sets = findJsonPathResults(template, data, opts.allowMissingKeys ?? true);
  if (opts.asJson) return sets.map((set) => toJson(set, { sortKeys: true })).join("");
  return sets.map((set) => set.map(text).join(" ")).join("");
}

/**
 * Print `-o jsonpath=<template>` output for data (an object, or a List from toList). Throws a
 * JsonPathError worded as kubectl words parse and execution failures.
 */
export function printJsonPath(template: string, data: unknown, opts: JsonPathOptions = {}): string {
  try {
    parseJsonPath(template);
  } catch (e) {
    throw new JsonPathError(`error parsing jsonpath ${template}, ${(e as Error).message}\n`);
  }
  try {
    return executeJsonPath(template, data, opts);
  } catch (e) {
    const detail =
      `Error executing template: ${(e as Error).message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`;
    throw new JsonPathError(`error executing jsonpath ${goQuote(template)}: ${detail}\n`);
  }
}
