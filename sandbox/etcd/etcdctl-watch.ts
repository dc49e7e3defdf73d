// etcdctl watch: print each change under a key or prefix as it happens.
// Deviation: a real watch runs until Ctrl-C; here it runs in virtual time until nothing has matched for
// 30 s (or 120 s in all), then exits 0, so a cell or script can show what a watch would have printed.
import {
  type EtcdctlResult,
  EXIT_BAD_ARGS,
  exitWithError,
  type Invocation,
  ok,
  unsupportedFormat,
} from "./etcdctl-command.ts";
import type { FlagSpec } from "./etcdctl-flags.ts";
import { keyMatcher } from "./etcdctl-kv.ts";
import { headerFields, headerJson, kvFields, kvJson, kvSimple } from "./etcdctl-print.ts";
import { CompactedError, type WatchEvent } from "./store.ts";

/** How long a watch waits for the next event before it stops, in virtual ms. */
export const WATCH_IDLE_MS = 30_000;
/** The longest a watch runs in all, in virtual ms. */
export const WATCH_MAX_MS = 120_000;

/** Flags of `etcdctl watch`. */
export const WATCH_FLAGS: FlagSpec[] = [
  { name: "interactive", short: "i", kind: "bool" },
  { name: "prefix", kind: "bool" },
  { name: "rev", kind: "int" },
  { name: "prev-kv", kind: "bool" },
  { name: "progress-notify", kind: "bool" },
];

/** Run `etcdctl watch`. */
export function runWatch(inv: Invocation): EtcdctlResult {
  const { args, flags, etcd, ctx } = inv;
  if (flags.get("interactive") === true)
    return exitWithError(EXIT_BAD_ARGS, "interactive watch is not available in this terminal");
  if (args.length === 0 || args.length > 2) return exitWithError(EXIT_BAD_ARGS, "bad number of arguments");
  if (!["simple", "json", "fields"].includes(inv.format)) return unsupportedFormat(inv.format);
  const prefix = flags.get("prefix") === true;
  if (prefix && args.length > 1)
    return exitWithError(
      EXIT_BAD_ARGS,
      "too many arguments, only accept one argument when `--prefix` is set",
    );
  const match = keyMatcher(args[0], args[1], prefix, false);
  const prevKv = flags.get("prev-kv") === true;
  const rev = Number(flags.get("rev") ?? 0);

  let stdout = "";
  let seen = 0;
  const onEvent = (ev: WatchEvent) => {
    if (!match(ev.kv.key)) return;
    seen++;
    const text = formatEvent(inv, ev, prevKv);
    stdout += text;
    ctx.write("stdout", text);
  };
  let cancel: () => void;
  try {
    cancel = etcd.watch("", onEvent, rev > 0 ? rev - 1 : undefined);
  } catch (e) {
    if (!(e instanceof CompactedError)) throw e;
    const text = "watch was canceled (etcdserver: mvcc: required revision has been compacted)\n";
    return { stdout: text, stderr: "Error: watch is canceled by the server\n", exitCode: 5 };
  }
  try {
    // Let virtual time pass in 1 s steps, so both the idle period and the total are measured exactly.
    let idle = 0;
    for (let total = 0; idle < WATCH_IDLE_MS && total < WATCH_MAX_MS; total += 1000) {
      const before = seen;
      ctx.waitUntil(() => false, 1000);
      idle = seen > before ? 0 : idle + 1000;
    }
  } finally {
    cancel();
  }
  return ok(stdout);
}

function formatEvent(inv: Invocation, ev: WatchEvent, withPrev: boolean): string {
  const prev = withPrev ? ev.prevKv : undefined;
  const kv = ev.type === "DELETE" ? { ...ev.kv, createRevision: 0, version: 0, value: undefined } : ev.kv;
  if (inv.format === "json") {
    const type = ev.type === "DELETE" ? `"type":1,` : "";
    const prevJson = prev ? `,"prev_kv":${kvJson(prev, false)}` : "";
    return `{"Header":${headerJson(ev.revision)},"Events":[{${type}"kv":${kvJson(kv, false)}${prevJson}}],"CompactRevision":0,"Canceled":false,"Created":false}\n`;
  }
  if (inv.format === "fields") {
    return `${headerFields(ev.revision)}"Type" : ${ev.type}\n${prev ? kvFields(prev, false, "Prev") : ""}${kvFields(kv, false)}`;
  }
  const opts = { keysOnly: false, valueOnly: false, hex: inv.hex };
  return `${ev.type}\n${prev ? kvSimple(prev, opts) : ""}${kvSimple(kv, opts)}`;
}
