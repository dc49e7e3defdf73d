// Evaluation of parsed JSONPath templates over decoded JSON, following client-go's semantics:
// each top-level node yields a result set, `range … end` repeats the nodes between them per item.
import { goV } from "./go-format.ts";
import type { JpList, JpNode } from "./jsonpath-parse.ts";

type Value = unknown;

const isMap = (v: Value): v is Record<string, Value> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

// Go reflect type names for error messages about decoded JSON values.
function goType(v: Value): string {
  if (Array.isArray(v)) return "[]interface {}";
  if (isMap(v)) return "map[string]interface {}";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  return "interface {}";
}

// Go indexes a string by byte.
function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

function children(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  // Go visits map entries in random order; sorted keys keep the output deterministic.
  if (isMap(v))
    return Object.keys(v)
      .sort()
      .map((k) => v[k]);
  if (typeof v === "string") return utf8Bytes(v);
  return [];
}

type BasicKind = "bool" | "int" | "float" | "string";

function basicKind(v: Value): BasicKind {
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "string") return "string";
  throw new Error("invalid type for comparison");
}

function equal(a: Value, b: Value): boolean {
  if (basicKind(a) !== basicKind(b)) throw new Error("incompatible types for comparison");
  return a === b;
}

function less(a: Value, b: Value): boolean {
  const k = basicKind(a);
  if (k !== basicKind(b)) throw new Error("incompatible types for comparison");
  if (k === "bool") throw new Error("invalid type for comparison");
  return (a as number | string) < (b as number | string);
}

function compare(op: string, a: Value, b: Value): boolean {
  switch (op) {
    case "==":
      return equal(a, b);
    case "!=":
      return !equal(a, b);
    case "<":
      return less(a, b);
    case "<=":
      return less(a, b) || equal(a, b);
    case ">":
      return !(less(a, b) || equal(a, b));
    case ">=":
      return !less(a, b);
    default:
      throw new Error(`unrecognized filter operator ${op}`);
  }
}

/** Walks a parsed template over data; holds the range bookkeeping between calls. */
export class JsonPathRunner {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEnd: JpNode | undefined;
  private root: JpList;
  private allowMissingKeys: boolean;

  constructor(root: JpList, allowMissingKeys: boolean) {
    this.root = { kind: "list", nodes: [...root.nodes] };
    this.allowMissingKeys = allowMissingKeys;
  }

  /** Compute the result sets, one per top-level node (and per range iteration). */
  findResults(data: Value): Value[][] {
    const cur = [data];
    const nodes = this.root.nodes;
    const full: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i]);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEnd = nodes[i];
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        this.root.nodes = nodes.slice(i + 1);
        if (results.length > 0) for (const v of results) full.push(...this.findResults(v));
        else this.findResults(null);
        this.inRange--;
        const endAt = nodes.indexOf(this.lastEnd as JpNode, i + 1);
        if (endAt >= 0) i = endAt;
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: Value[], node: JpNode): Value[] {
    switch (node.kind) {
      case "list":
        return node.nodes.reduce<Value[]>((vals, n) => this.walk(vals, n), input);
      case "text":
        return [node.text];
      case "int":
      case "float":
      case "bool":
        return input.map(() => node.value);
      case "field":
        return this.field(input, node.name);
      case "array":
        return this.array(input, node);
      case "filter":
        return this.filter(input, node);
      case "wildcard":
        return input.filter((v) => v !== null && v !== undefined).flatMap(children);
      case "recursive":
        return this.recursive(input);
      case "union":
        return node.lists.flatMap((l) => this.walk(input, l));
      case "identifier":
        return this.identifier(input, node.name);
    }
  }

  private identifier(input: Value[], name: string): Value[] {
    if (name === "range") {
      this.beginRange++;
      return input;
    }
    if (name === "end") {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new Error("not in range, nothing to end");
    }
    throw new Error(`unrecognized identifier ${name}`);
  }

  private field(input: Value[], name: string): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      if (isMap(v) && Object.hasOwn(v, name) && v[name] !== undefined) out.push(v[name]);
    }
    if (out.length === 0 && input.length > 0 && !this.allowMissingKeys)
      throw new Error(`${name} is not found`);
    return out;
  }

  private array(input: Value[], node: Extract<JpNode, { kind: "array" }>): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new Error(`${goType(v)} is not array or slice`);
      const len = v.length;
      let [start, end] = [node.params[0].known ? node.params[0].value : 0, node.params[1].value];
      const step = node.params[2];
      if (start < 0) start += len;
      if (!node.params[1].known) end = len;
      if (end < 0 || (end === 0 && node.params[1].derived)) end += len;
      if (end === start) return out;
      if (start >= len || start < 0)
        throw new Error(`array index out of bounds: index ${start}, length ${len}`);
      if (end > len || end < 0) throw new Error(`array index out of bounds: index ${end - 1}, length ${len}`);
      if (start > end) throw new Error(`starting index ${start} is greater than ending index ${end}`);
      if (step.known && step.value <= 0) throw new Error("step must be > 0");
      const by = step.known ? step.value : 1;
      for (let i = start; i < end; i += by) out.push(v[i]);
    }
    return out;
  }

  private filter(input: Value[], node: Extract<JpNode, { kind: "filter" }>): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new Error(`${goV(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        if (node.op === "exists") {
          let lefts: Value[] = [];
          try {
            lefts = this.walk([item], node.left);
          } catch {
            lefts = [];
          }
          if (lefts.length > 0) out.push(item);
          continue;
        }
        const lefts = this.walk([item], node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new Error("can only compare one element at a time");
        const rights = this.walk([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new Error("can only compare one element at a time");
        if (compare(node.op, lefts[0], rights[0])) out.push(item);
      }
    }
    return out;
  }

  private recursive(input: Value[]): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      const kids = children(v);
      if (kids.length > 0) {
        out.push(v);
        out.push(...this.recursive(kids));
      }
    }
    return out;
  }
}
