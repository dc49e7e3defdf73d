// Output helpers shared by etcdctl's commands: the response header, key-value rendering in the simple,
// json and fields formats, Go's %q quoting, and Go's time.Duration text.
import type { Etcd, KeyValue } from "./store.ts";
import { storedValueBytes } from "./stored-value.ts";

// Fixed identities of the single kubeadm member (real ones are hashes of the peer URLs and cluster token).
export const MEMBER_ID = 0x8e9e05c52164694dn;
export const CLUSTER_ID = 0xcdf818194e3a8c32n;
export const RAFT_TERM = 2;

const utf8In = new TextEncoder();
const utf8Out = new TextDecoder();

/** The bytes of a key. */
export function keyBytes(key: string): Uint8Array {
  return utf8In.encode(key);
}

/** The value bytes of a key-value pair (empty for a deletion). */
export function valueBytes(kv: KeyValue): Uint8Array {
  return storedValueBytes(kv.value);
}

/** Decode bytes for a terminal: control bytes pass through raw, invalid UTF-8 shows as U+FFFD as a terminal would. */
export function terminalText(bytes: Uint8Array): string {
  return utf8Out.decode(bytes);
}

/** Encode bytes as standard base64, as Go's encoding/json does for []byte. */
export function base64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Render bytes as etcdctl --hex does: `\x` before every byte's two hex digits. */
export function hexText(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += `\\x${b.toString(16).padStart(2, "0")}`;
  return s;
}

/** The pb.ResponseHeader as encoding/json writes it (omitempty on every field). */
export function headerJson(revision: number | undefined): string {
  const rev = revision ? `,"revision":${revision}` : "";
  return `{"cluster_id":${CLUSTER_ID},"member_id":${MEMBER_ID}${rev},"raft_term":${RAFT_TERM}}`;
}

/** The header as the fields printer writes it. */
export function headerFields(revision: number): string {
  return `"ClusterID" : ${CLUSTER_ID}\n"MemberID" : ${MEMBER_ID}\n"Revision" : ${revision}\n"RaftTerm" : ${RAFT_TERM}\n`;
}

/** One mvccpb.KeyValue as encoding/json writes it. */
export function kvJson(kv: KeyValue, keysOnly: boolean): string {
  const parts = [`"key":"${base64(keyBytes(kv.key))}"`];
  if (kv.createRevision) parts.push(`"create_revision":${kv.createRevision}`);
  parts.push(`"mod_revision":${kv.modRevision}`);
  if (kv.version) parts.push(`"version":${kv.version}`);
  const value = keysOnly ? new Uint8Array() : valueBytes(kv);
  if (value.length > 0) parts.push(`"value":"${base64(value)}"`);
  return `{${parts.join(",")}}`;
}

/** One key-value pair as the fields printer writes it. */
export function kvFields(kv: KeyValue, keysOnly: boolean, prefix = ""): string {
  const value = keysOnly ? new Uint8Array() : valueBytes(kv);
  return (
    `"${prefix}Key" : ${goQuote(keyBytes(kv.key))}\n"${prefix}CreateRevision" : ${kv.createRevision}\n` +
    `"${prefix}ModRevision" : ${kv.modRevision}\n"${prefix}Version" : ${kv.version}\n` +
    `"${prefix}Value" : ${goQuote(value)}\n"${prefix}Lease" : 0\n`
  );
}

/** One key-value pair as the simple printer writes it: key line, then value line. */
export function kvSimple(
  kv: KeyValue,
  opts: { keysOnly: boolean; valueOnly: boolean; hex: boolean },
): string {
  const key = keyBytes(kv.key);
  const value = opts.keysOnly ? new Uint8Array() : valueBytes(kv);
  const show = (b: Uint8Array) => (opts.hex ? hexText(b) : terminalText(b));
  return `${opts.valueOnly ? "" : `${show(key)}\n`}${show(value)}\n`;
}

/** Quote bytes as Go's strconv.Quote (%q) does. */
export function goQuote(bytes: Uint8Array): string {
  let out = '"';
  for (let i = 0; i < bytes.length; ) {
    const [cp, len] = decodeRune(bytes, i);
    out += cp < 0 ? `\\x${bytes[i].toString(16).padStart(2, "0")}` : quoteRune(cp);
    i += len;
  }
  return `${out}"`;
}

// Decode one UTF-8 sequence at i: [code point, length], or [-1, 1] for an invalid byte.
function decodeRune(b: Uint8Array, i: number): [number, number] {
  const lead = b[i];
  if (lead < 0x80) return [lead, 1];
  const len = lead >= 0xf0 && lead < 0xf5 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead < 0xe0 ? 2 : 0;
  if (len === 0 || i + len > b.length) return [-1, 1];
  let cp = lead & (0xff >> (len + 1));
  for (let k = 1; k < len; k++) {
    if ((b[i + k] & 0xc0) !== 0x80) return [-1, 1];
    cp = (cp << 6) | (b[i + k] & 0x3f);
  }
  const min = [0, 0, 0x80, 0x800, 0x10000][len];
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) return [-1, 1];
  return [cp, len];
}

const ESCAPES: Record<number, string> = {
  7: "\\a",
  8: "\\b",
  9: "\\t",
  10: "\\n",
  11: "\\v",
  12: "\\f",
  13: "\\r",
  34: '\\"',
  92: "\\\\",
};

function quoteRune(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (ESCAPES[cp]) return ESCAPES[cp];
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, "0")}`;
  if (cp < 0x7f) return ch;
  if ((cp >= 0x80 && cp < 0xa0) || cp === 0xad) return `\\u${cp.toString(16).padStart(4, "0")}`;
  return ch;
}

/** Format nanoseconds as Go's time.Duration String does (µs and ms ranges). */
export function goDuration(ns: number): string {
  const trim = (v: number, digits: number) => (v / 10 ** digits).toFixed(digits).replace(/\.?0+$/, "");
  if (ns < 1000) return `${ns}ns`;
  if (ns < 1_000_000) return `${trim(ns, 3)}µs`;
  if (ns < 1_000_000_000) return `${trim(ns, 6)}ms`;
  return `${trim(ns, 9)}s`;
}

/** The state of every key at a past revision, rebuilt from the store's watch history. */
export function rangeAtRevision(etcd: Etcd, rev: number): KeyValue[] {
  const events: { key: string; prev?: KeyValue }[] = [];
  const cancel = etcd.watch("", (ev) => events.push({ key: ev.kv.key, prev: ev.prevKv }), rev);
  cancel();
  const state = new Map(etcd.range("").map((kv) => [kv.key, kv]));
  for (const ev of events.reverse()) {
    if (ev.prev) state.set(ev.key, ev.prev);
    else state.delete(ev.key);
  }
  return [...state.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
