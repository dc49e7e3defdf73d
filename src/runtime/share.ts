/** Pack a page's edited cells into a URL hash and back (deflate-raw, then base64url). */

const HASH_PREFIX = "#kn=";

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** Encode edits (cell id → source) as a URL hash. */
export async function encodeShare(edits: Record<string, string>): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(edits));
  return HASH_PREFIX + toBase64Url(await pipe(json, new CompressionStream("deflate-raw")));
}

/** Decode the edits in a URL hash; undefined when the hash holds none or is damaged. */
export async function decodeShare(hash: string): Promise<Record<string, string> | undefined> {
  if (!hash.startsWith(HASH_PREFIX)) return undefined;
  try {
    const bytes = await pipe(
      fromBase64Url(hash.slice(HASH_PREFIX.length)),
      new DecompressionStream("deflate-raw"),
    );
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof value !== "object" || value === null) return undefined;
    const edits: Record<string, string> = {};
    for (const [id, source] of Object.entries(value)) if (typeof source === "string") edits[id] = source;
    return edits;
  } catch {
    return undefined;
  }
}

/** Tell whether a URL hash carries shared edits. */
export function hasShare(hash: string): boolean {
  return hash.startsWith(HASH_PREFIX);
}
