// etcdctl get, put and del: key ranges, the three printers, revisions.
import {
  type EtcdctlResult,
  EXIT_BAD_ARGS,
  EXIT_BAD_FEATURE,
  EXIT_ERROR,
  exitWithError,
  type Invocation,
  ok,
  unsupportedFormat,
} from "./etcdctl-command.ts";
import type { FlagSpec } from "./etcdctl-flags.ts";
import { headerFields, headerJson, kvFields, kvJson, kvSimple, rangeAtRevision } from "./etcdctl-print.ts";
import { CompactedError, type KeyValue } from "./store.ts";

/** Flags of `etcdctl get`. */
export const GET_FLAGS: FlagSpec[] = [
  { name: "consistency", kind: "string" },
  { name: "order", kind: "string" },
  { name: "sort-by", kind: "string" },
  { name: "limit", kind: "int" },
  { name: "max-bytes", kind: "int" },
  { name: "prefix", kind: "bool" },
  { name: "from-key", kind: "bool" },
  { name: "rev", kind: "int" },
  { name: "keys-only", kind: "bool" },
  { name: "count-only", kind: "bool" },
  { name: "print-value-only", kind: "bool" },
];

/** Flags of `etcdctl put`. */
export const PUT_FLAGS: FlagSpec[] = [
  { name: "lease", kind: "string" },
  { name: "prev-kv", kind: "bool" },
  { name: "ignore-value", kind: "bool" },
  { name: "ignore-lease", kind: "bool" },
];

/** Flags of `etcdctl del`. */
export const DEL_FLAGS: FlagSpec[] = [
  { name: "prefix", kind: "bool" },
  { name: "prev-kv", kind: "bool" },
  { name: "from-key", kind: "bool" },
  { name: "range", kind: "bool" },
];

/** Select the keys a get/del/watch addresses, as clientv3's range options do. */
export function keyMatcher(
  key: string,
  rangeEnd: string | undefined,
  prefix: boolean,
  fromKey: boolean,
): (k: string) => boolean {
  if (prefix) return key === "" ? () => true : (k) => k.startsWith(key);
  if (fromKey) return key === "" ? () => true : (k) => k >= key;
  if (rangeEnd !== undefined) return (k) => k >= key && (rangeEnd === "\x00" || k < rangeEnd);
  return (k) => k === key;
}

/** Run `etcdctl get`. */
export function runGet(inv: Invocation): EtcdctlResult {
  const f = inv.flags;
  const { args } = inv;
  if (args.length === 0)
    return exitWithError(
      EXIT_BAD_ARGS,
      "get command needs one argument as key and an optional argument as range_end",
    );
  const prefix = f.get("prefix") === true;
  const fromKey = f.get("from-key") === true;
  const keysOnly = f.get("keys-only") === true;
  const countOnly = f.get("count-only") === true;
  if (prefix && fromKey)
    return exitWithError(
      EXIT_BAD_ARGS,
      "`--prefix` and `--from-key` cannot be set at the same time, choose one",
    );
  if (keysOnly && countOnly)
    return exitWithError(
      EXIT_BAD_ARGS,
      "`--keys-only` and `--count-only` cannot be set at the same time, choose one",
    );
  const consistency = (f.get("consistency") as string | undefined) ?? "l";
  if (consistency !== "l" && consistency !== "s")
    return exitWithError(EXIT_BAD_FEATURE, `unknown consistency flag "${consistency}"`);
  if (args.length > 1 && (prefix || fromKey))
    return exitWithError(
      EXIT_BAD_ARGS,
      "too many arguments, only accept one argument when `--prefix` or `--from-key` is set",
    );
  const order = String(f.get("order") ?? "").toUpperCase();
  if (!["", "ASCEND", "DESCEND"].includes(order))
    return exitWithError(EXIT_BAD_FEATURE, `bad sort order ${f.get("order")}`);
  const sortBy = String(f.get("sort-by") ?? "").toUpperCase();
  if (!["", "CREATE", "KEY", "MODIFY", "VALUE", "VERSION"].includes(sortBy))
    return exitWithError(EXIT_BAD_FEATURE, `bad sort target ${f.get("sort-by")}`);

  const rev = Number(f.get("rev") ?? 0);
  const current = inv.etcd.revision();
  let all: KeyValue[];
  if (rev > current)
    return exitWithError(EXIT_ERROR, "etcdserver: mvcc: required revision is a future revision");
  try {
    all = rev > 0 && rev < current ? rangeAtRevision(inv.etcd, rev) : inv.etcd.range("");
  } catch (e) {
    if (e instanceof CompactedError)
      return exitWithError(EXIT_ERROR, "etcdserver: mvcc: required revision has been compacted");
    throw e;
  }
  const match = keyMatcher(args[0], args[1], prefix, fromKey);
  let kvs = all.filter((kv) => match(kv.key));
  kvs = sortKvs(kvs, sortBy, order);
  const count = kvs.length;
  const limit = Number(f.get("limit") ?? 0);
  const more = limit > 0 && count > limit;
  if (more) kvs = kvs.slice(0, limit);
  if (countOnly) kvs = [];

  if (countOnly && inv.format !== "fields")
    return exitWithError(EXIT_BAD_ARGS, "--count-only is only for `--write-out=fields`");
  const valueOnly = f.get("print-value-only") === true;
  if (valueOnly && inv.format !== "simple")
    return exitWithError(EXIT_BAD_ARGS, "print-value-only is only for `--write-out=simple`");
  switch (inv.format) {
    case "simple":
      return ok(kvs.map((kv) => kvSimple(kv, { keysOnly, valueOnly, hex: inv.hex })).join(""));
    case "json": {
      const parts = [`"header":${headerJson(current)}`];
      if (kvs.length) parts.push(`"kvs":[${kvs.map((kv) => kvJson(kv, keysOnly)).join(",")}]`);
      if (more) parts.push(`"more":true`);
      if (count) parts.push(`"count":${count}`);
      return ok(`{${parts.join(",")}}\n`);
    }
    case "fields":
      return ok(
        `${headerFields(current)}${kvs.map((kv) => kvFields(kv, keysOnly)).join("")}"More" : ${more}\n"Count" : ${count}\n`,
      );
    default:
      return unsupportedFormat(inv.format);
  }
}

function sortKvs(kvs: KeyValue[], by: string, order: string): KeyValue[] {
  if (order === "" && (by === "" || by === "KEY")) return kvs;
  const pick: Record<string, (kv: KeyValue) => number | string> = {
    "": (kv) => kv.key,
    KEY: (kv) => kv.key,
    CREATE: (kv) => kv.createRevision,
    MODIFY: (kv) => kv.modRevision,
    VERSION: (kv) => kv.version,
    VALUE: (kv) => JSON.stringify(kv.value),
  };
  const get = pick[by];
  const sign = order === "DESCEND" ? -1 : 1;
  return [...kvs].sort((a, b) => (get(a) < get(b) ? -sign : get(a) > get(b) ? sign : 0));
}

/** Run `etcdctl put`; like the real tool it writes behind the API server's back and just says OK. */
export function runPut(inv: Invocation, stdin: string | undefined): EtcdctlResult {
  const { args, etcd, flags } = inv;
  if (
    args.length === 0 ||
    args.length > 2 ||
    (args.length === 1 && stdin === undefined && flags.get("ignore-value") !== true)
  ) {
    return exitWithError(EXIT_BAD_ARGS, "put command needs 1 argument and input from stdin or 2 arguments");
  }
  const [key] = args;
  const text = args[1] ?? stdin ?? "";
  const prev = etcd.get(key);
  const value = flags.get("ignore-value") === true ? prev?.value : parseValue(text);
  if (flags.get("ignore-value") === true && !prev)
    return exitWithError(EXIT_ERROR, "etcdserver: key not found");
  etcd.put(key, value);
  const prevKv = flags.get("prev-kv") === true ? prev : undefined;
  const rev = etcd.revision();
  switch (inv.format) {
    case "simple":
      return ok(`OK\n${prevKv ? kvSimple(prevKv, { keysOnly: false, valueOnly: false, hex: inv.hex }) : ""}`);
    case "json":
      return ok(`{"header":${headerJson(rev)}${prevKv ? `,"prev_kv":${kvJson(prevKv, false)}` : ""}}\n`);
    case "fields":
      return ok(`${headerFields(rev)}${prevKv ? kvFields(prevKv, false, "Prev") : ""}`);
    default:
      return unsupportedFormat(inv.format);
  }
}

// A JSON API object is stored as the object (the real API server can decode JSON values too); anything else as text.
function parseValue(text: string): unknown {
  try {
    const v = JSON.parse(text) as { apiVersion?: unknown; kind?: unknown };
    if (v && typeof v === "object" && typeof v.apiVersion === "string" && typeof v.kind === "string")
      return v;
  } catch {
    // Not JSON: keep the text.
  }
  return text;
}

/** Run `etcdctl del`. */
export function runDel(inv: Invocation): EtcdctlResult {
  const { args, etcd, flags } = inv;
  if (args.length === 0 || args.length > 2)
    return exitWithError(
      EXIT_BAD_ARGS,
      "del command needs one argument as key and an optional argument as range_end",
    );
  const prefix = flags.get("prefix") === true;
  const fromKey = flags.get("from-key") === true;
  if (prefix && fromKey)
    return exitWithError(
      EXIT_BAD_ARGS,
      "`--prefix` and `--from-key` cannot be set at the same time, choose one",
    );
  if (args.length > 1 && (prefix || fromKey))
    return exitWithError(
      EXIT_BAD_ARGS,
      "too many arguments, only accept one argument when `--prefix` or `--from-key` is set",
    );
  const match = keyMatcher(args[0], args[1], prefix, fromKey);
  const gone = etcd.range("").filter((kv) => match(kv.key));
  // Deviation: real etcd deletes a whole range in one revision; this store spends one revision per key.
  for (const kv of gone) etcd.delete(kv.key);
  const prevKvs = flags.get("prev-kv") === true ? gone : [];
  const rev = etcd.revision();
  switch (inv.format) {
    case "simple":
      return ok(
        `${gone.length}\n${prevKvs.map((kv) => kvSimple(kv, { keysOnly: false, valueOnly: false, hex: inv.hex })).join("")}`,
      );
    case "json": {
      const deleted = gone.length ? `,"deleted":${gone.length}` : "";
      const prev = prevKvs.length ? `,"prev_kvs":[${prevKvs.map((kv) => kvJson(kv, false)).join(",")}]` : "";
      return ok(`{"header":${headerJson(rev)}${deleted}${prev}}\n`);
    }
    case "fields":
      return ok(
        `${headerFields(rev)}"Deleted" : ${gone.length}\n${prevKvs.map((kv) => kvFields(kv, false, "Prev")).join("")}`,
      );
    default:
      return unsupportedFormat(inv.format);
  }
}
