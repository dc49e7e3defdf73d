// A port of the behaviour of mitchellh/go-wordwrap's WrapString, which kubectl uses for terminal-width help.

/** Wrap text at `limit` columns, breaking only at whitespace and keeping existing newlines. */
export function wrapString(s: string, limit: number): string {
  let out = "";
  let current = 0;
  let word = "";
  let space = "";
  for (const ch of s) {
    if (ch === "\n") {
      if (word.length === 0) {
        if (current + space.length > limit) current = 0;
        else out += space;
      } else out += space + word;
      space = "";
      word = "";
      out += ch;
      current = 0;
    } else if (/\s/.test(ch) && ch !== "\u00a0") {
      if (space.length === 0 || word.length > 0) {
        current += space.length + [...word].length;
        out += space + word;
        space = "";
        word = "";
      }
      space += ch;
    } else {
      word += ch;
      const wordLen = [...word].length;
      if (current + space.length + wordLen > limit && wordLen < limit) {
        out += "\n";
        current = 0;
        space = "";
      }
    }
  }
  if (word.length === 0) {
    if (current + space.length <= limit) out += space;
  } else out += space + word;
  return out;
}

/** Return the column kubectl wraps help at for a terminal `width`: 120, 100 or 80, or 0 (no wrapping) below 80. */
export function wrapLimit(width: number): number {
  if (width >= 120) return 120;
  if (width >= 100) return 100;
  return width >= 80 ? 80 : 0;
}
