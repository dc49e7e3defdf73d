// Image reference normalization, as containerd and the kubelet apply it.

// Normalized references by input: a cluster names a handful of images on every pod start, and one shared
// string per image also keeps container records from holding a copy each. Cleared when large (bounded).
const normalized = new Map<string, string>();

/** Normalize a reference: `nginx` → `docker.io/library/nginx:latest`, `a/b:1` → `docker.io/a/b:1`. */
export function normalizeImageRef(ref: string): string {
  let out = normalized.get(ref);
  if (out === undefined) {
    out = normalize(ref);
    if (normalized.size >= 1000) normalized.clear();
    normalized.set(ref, out);
  }
  return out;
}

function normalize(ref: string): string {
  let name = ref.trim();
  let digest = "";
  const at = name.indexOf("@");
  if (at >= 0) {
    digest = name.slice(at);
    name = name.slice(0, at);
  }
  const slash = name.indexOf("/");
  const first = slash >= 0 ? name.slice(0, slash) : "";
  const hasRegistry = slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost");
  if (!hasRegistry) name = `docker.io/${slash >= 0 ? name : `library/${name}`}`;
  const lastSlash = name.lastIndexOf("/");
  const hasTag = name.slice(lastSlash).includes(":");
  if (!hasTag && !digest) name += ":latest";
  return name + digest;
}

/** Split a normalized reference into repository and tag (`<none>` when only a digest). */
export function splitRef(ref: string): { repo: string; tag: string } {
  const noDigest = ref.split("@")[0];
  const lastSlash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  if (colon > lastSlash) return { repo: noDigest.slice(0, colon), tag: noDigest.slice(colon + 1) };
  return { repo: noDigest, tag: "<none>" };
}
