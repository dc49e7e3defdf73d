// The multi-line blocks describers share: labels, annotations, taints and tolerations.
import type { StringMap, Taint, Toleration } from "../../api/types.ts";
import type { DescribeWriter } from "./writer.ts";

const SKIPPED_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);
const MAX_ANNOTATION_LEN = 140;

/** Print `title:` then one sorted `key=value` per line, or `<none>`. */
export function printLabels(w: DescribeWriter, title: string, labels: StringMap | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, "<none>\n");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, "\t");
    w.write(0, `${key}=${labels![key]}\n`);
  });
}

/** Print annotations sorted, folding long or multi-line values the way kubectl does. */
export function printAnnotations(w: DescribeWriter, title: string, annotations: StringMap | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIPPED_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.write(0, "<none>\n");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, "\t");
    const value = annotations![key].replace(/\n$/, "");
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(0, `${key}:\n`);
      for (const line of value.split("\n")) w.write(0, `\t  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** Render a taint as `key=value:Effect` or `key:Effect`. */
export function taintString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** Print taints sorted by effect then key, or `<none>`. */
export function printTaints(w: DescribeWriter, title: string, taints: Taint[] | undefined): void {
  w.write(0, `${title}:\t`);
  if (!taints || taints.length === 0) {
    w.write(0, "<none>\n");
    return;
  }
  const sorted = [...taints].sort((a, b) => cmp(`${a.effect},${a.key}`, `${b.effect},${b.key}`));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, "\t");
    w.write(0, `${taintString(t)}\n`);
  });
}

/** Print tolerations sorted by key, e.g. `node.kubernetes.io/not-ready:NoExecute op=Exists for 300s`. */
export function printTolerations(
  w: DescribeWriter,
  title: string,
  tolerations: Toleration[] | undefined,
): void {
  w.write(0, `${title}:\t`);
  if (!tolerations || tolerations.length === 0) {
    w.write(0, "<none>\n");
    return;
  }
  // Go sorts with an unstable sort; a stable one keeps equal keys in spec order.
  const sorted = [...tolerations].sort((a, b) => cmp(a.key ?? "", b.key ?? ""));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, "\t");
    let text = t.key ?? "";
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) text += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null)
      text += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${text}\n`);
  });
}

/** Compare strings by UTF-16 code units, like Go's byte order for ASCII keys. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
