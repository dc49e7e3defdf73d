// The `printf` builtin of bash and busybox sh: %s %d %i %x %c %%, widths, backslash escapes, format reuse.

const ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "\\": "\\",
  a: "\x07",
  b: "\b",
  e: "\x1b",
};

function expandEscapes(s: string): string {
  return s.replace(/\\(0[0-7]{0,3}|.)/g, (_, c: string) =>
    c.startsWith("0") ? String.fromCharCode(Number.parseInt(c, 8) || 0) : (ESCAPES[c] ?? `\\${c}`),
  );
}

/** Run `printf FORMAT [ARG...]`; the format repeats while arguments remain, as in bash. */
export function runPrintf(
  args: readonly string[],
  shell: string,
): { stdout: string; stderr: string; exitCode: number } {
  if (args.length === 0)
    return {
      stdout: "",
      stderr: `${shell}: printf: usage: printf [-v var] format [arguments]\n`,
      exitCode: 2,
    };
  const [fmt, ...rest] = args;
  let out = "";
  let stderr = "";
  let k = 0;
  do {
    const start = k;
    out += expandEscapes(fmt).replace(
      /%([-0]?)(\d*)(?:\.(\d+))?([sdixXc%b])/g,
      (_, flag: string, w: string, prec, conv: string) => {
        if (conv === "%") return "%";
        const v = rest[k++] ?? "";
        let s: string;
        if (conv === "s" || conv === "b")
          s = prec !== undefined ? v.slice(0, Number(prec)) : conv === "b" ? expandEscapes(v) : v;
        else if (conv === "c") s = v.slice(0, 1);
        else {
          const n = v === "" ? 0 : Number(v);
          if (!Number.isFinite(n)) {
            stderr += `${shell}: printf: ${v}: invalid number\n`;
            s = "0";
          } else
            s =
              conv === "x"
                ? Math.trunc(n).toString(16)
                : conv === "X"
                  ? Math.trunc(n).toString(16).toUpperCase()
                  : String(Math.trunc(n));
        }
        const width = Number(w || 0);
        return s.length >= width
          ? s
          : flag === "-"
            ? s.padEnd(width)
            : s.padStart(width, flag === "0" ? "0" : " ");
      },
    );
    if (k === start) break;
  } while (k < rest.length);
  return { stdout: out, stderr, exitCode: stderr ? 1 : 0 };
}
