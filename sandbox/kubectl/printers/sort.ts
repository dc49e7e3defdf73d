// `--sort-by`: order objects by a JSONPath value as kubectl's table sorter does (natural string order,
// numbers numerically, missing values first). The sort is stable.
import type { KubeObject } from "../../api/types.ts";
import { findJsonPathResults } from "../output/jsonpath.ts";
import { relaxedJsonPath } from "../output/relaxed-path.ts";

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/** Compare strings with digit runs compared as numbers (fvbommel/sortorder NaturalLess). */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const da = isDigit(a[i]);
    const db = isDigit(b[j]);
    if (da !== db) return da;
    if (!da) {
      if (a[i] !== b[j]) return a[i] < b[j];
      i++;
      j++;
      continue;
    }
    while (a[i] === "0") i++;
    while (b[j] === "0") j++;
    const si = i;
    const sj = j;
    while (isDigit(a[i])) i++;
    while (isDigit(b[j])) j++;
    if (i - si !== j - sj) return i - si < j - sj;
    const na = a.slice(si, i);
    const nb = b.slice(sj, j);
    if (na !== nb) return na < nb;
    if (si !== sj) return si < sj;
  }
  return a.length < b.length;
}

function less(x: unknown, y: unknown): boolean {
  if (x === null || x === undefined) return !(y === null || y === undefined);
  if (y === null || y === undefined) return false;
  if (typeof x === "string" && typeof y === "string") return naturalLess(x, y);
  if (typeof x === "number" && typeof y === "number") return x < y;
  if (typeof x === "boolean" && typeof y === "boolean") return !x && y;
  return false;
}

/**
 * Sort objects by a `--sort-by` expression (`.metadata.name`, `{.status.podIP}`). Throws kubectl's
 * `couldn't find any field with path …` error when no object has the field.
 */
export function sortObjects(objects: readonly KubeObject[], sortBy: string): KubeObject[] {
  const template = relaxedJsonPath(sortBy);
  const keyed = objects.map((obj) => {
    const sets = findJsonPathResults(template, obj, true);
    const found = sets.length > 0 && sets[0].length > 0;
    return { obj, found, key: found ? sets[0][0] : undefined };
  });
  if (keyed.length > 0 && !keyed.some((k) => k.found)) {
    throw new Error(`couldn't find any field with path ${JSON.stringify(template)} in the list of objects`);
  }
  return [...keyed]
    .sort((a, b) => {
      if (!a.found) return b.found ? -1 : 0;
      if (!b.found) return 1;
      return less(a.key, b.key) ? -1 : less(b.key, a.key) ? 1 : 0;
    })
    .map((k) => k.obj);
}
