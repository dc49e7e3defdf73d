// A line diff printed as GNU `diff -u` prints its hunks: 3 lines of context, changes closer than
// 2 × context merged into one hunk, removed lines before added ones within a change.

const CONTEXT = 3;

type Op = { kind: " " | "-" | "+"; line: string };

// Split text into lines; a final newline ends the last line rather than starting an empty one.
function lines(text: string): string[] {
  if (text === "") return [];
  const out = text.split("\n");
  if (out[out.length - 1] === "") out.pop();
  return out;
}

// A shortest edit script by longest common subsequence over the part between the common prefix and suffix.
function editScript(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf])
    suf++;
  const x = a.slice(pre, a.length - suf);
  const y = b.slice(pre, b.length - suf);
  const w = y.length + 1;
  // lcs[i*w+j]: length of the LCS of x[i..] and y[j..].
  const lcs = new Uint32Array((x.length + 1) * w);
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i * w + j] =
        x[i] === y[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
  const ops: Op[] = a.slice(0, pre).map((line) => ({ kind: " ", line }));
  let i = 0;
  let j = 0;
  let dels: Op[] = [];
  let adds: Op[] = [];
  const flush = () => {
    ops.push(...dels, ...adds);
    dels = [];
    adds = [];
  };
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      flush();
      ops.push({ kind: " ", line: x[i] });
      i++;
      j++;
    } else if (j >= y.length || (i < x.length && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
      dels.push({ kind: "-", line: x[i++] });
    } else {
      adds.push({ kind: "+", line: y[j++] });
    }
  }
  flush();
  for (const line of a.slice(a.length - suf)) ops.push({ kind: " ", line });
  return ops;
}

// GNU's range: `start,count`, just `start` for one line, and the line before for an empty range.
function range(start: number, count: number): string {
  if (count === 1) return String(start);
  return `${count === 0 ? start - 1 : start},${count}`;
}

/** Return the hunks of `diff -u` between two texts (no file header); "" when they are equal. */
export function unifiedHunks(oldText: string, newText: string): string {
  const ops = editScript(lines(oldText), lines(newText));
  const changed = ops.map((o, k) => (o.kind !== " " ? k : -1)).filter((k) => k >= 0);
  if (changed.length === 0) return "";
  let out = "";
  let k = 0;
  while (k < changed.length) {
    let last = k;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] - 1 <= 2 * CONTEXT) last++;
    const from = Math.max(0, changed[k] - CONTEXT);
    const to = Math.min(ops.length - 1, changed[last] + CONTEXT);
    // Line numbers of the hunk's first line in each text.
    let oldLine = 1;
    let newLine = 1;
    for (let n = 0; n < from; n++) {
      if (ops[n].kind !== "+") oldLine++;
      if (ops[n].kind !== "-") newLine++;
    }
    const body = ops.slice(from, to + 1);
    const oldCount = body.filter((o) => o.kind !== "+").length;
    const newCount = body.filter((o) => o.kind !== "-").length;
    out += `@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@\n`;
    for (const o of body) out += `${o.kind}${o.line}\n`;
    k = last + 1;
  }
  return out;
}

/** Format a file time as GNU diff's -u header does: `2025-01-15 09:01:00.000000000 +0000` (UTC). */
export function diffTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  const nanos = `${iso.slice(20, 23)}000000`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${nanos} +0000`;
}
