// JSON syntax checking worded as Go's encoding/json scanner words it ("invalid character 'x' after object
// key"), for patches kubectl sends as typed: it passes text starting with `{` to the server unparsed.

/** Quote one character as Go's scanner does in syntax errors: `'x'`, `'\n'`, `'\''`. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

class Scanner {
  private i = 0;
  private readonly s: string;

  constructor(s: string) {
    this.s = s;
  }

  private fail(context: string): never {
    if (this.i >= this.s.length) throw new Error("unexpected end of JSON input");
    throw new Error(`invalid character ${quoteChar(this.s[this.i])} ${context}`);
  }

  private skipSpace(): void {
    while (this.i < this.s.length && " \t\r\n".includes(this.s[this.i])) this.i++;
  }

  private peek(): string | undefined {
    this.skipSpace();
    return this.s[this.i];
  }

  /** Check the whole text is one JSON value. */
  document(): void {
    this.value("looking for beginning of value");
    if (this.peek() !== undefined) this.fail("after top-level value");
  }

  private value(context: string): void {
    const c = this.peek();
    if (c === "{") this.object();
    else if (c === "[") this.array();
    else if (c === '"') this.string();
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) this.number();
    else {
      const lit = ["true", "false", "null"].find((l) => l[0] === c);
      if (lit) this.literal(lit);
      else this.fail(context);
    }
  }

  private object(): void {
    this.i++;
    if (this.peek() === "}") {
      this.i++;
      return;
    }
    for (;;) {
      if (this.peek() !== '"') this.fail("looking for beginning of object key string");
      this.string();
      if (this.peek() !== ":") this.fail("after object key");
      this.i++;
      this.value("looking for beginning of value");
      const c = this.peek();
      if (c === "}") {
        this.i++;
        return;
      }
      if (c !== ",") this.fail("after object key:value pair");
      this.i++;
    }
  }

  private array(): void {
    this.i++;
    if (this.peek() === "]") {
      this.i++;
      return;
    }
    for (;;) {
      this.value("looking for beginning of value");
      const c = this.peek();
      if (c === "]") {
        this.i++;
        return;
      }
      if (c !== ",") this.fail("after array element");
      this.i++;
    }
  }

  private string(): void {
    this.i++;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '"') {
        this.i++;
        return;
      }
      if (c < " ") this.fail("in string literal");
      if (c === "\\") {
        this.i++;
        const e = this.s[this.i];
        if (e === "u") {
          for (let k = 0; k < 4; k++) {
            this.i++;
            if (!/[0-9a-fA-F]/.test(this.s[this.i] ?? "")) this.fail("in \\u hexadecimal character escape");
          }
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail("in string escape code");
      }
      this.i++;
    }
    this.fail("in string literal");
  }

  private digits(): number {
    const start = this.i;
    while (this.s[this.i] >= "0" && this.s[this.i] <= "9") this.i++;
    return this.i - start;
  }

  private number(): void {
    if (this.s[this.i] === "-") {
      this.i++;
      if (!(this.s[this.i] >= "0" && this.s[this.i] <= "9")) this.fail("in numeric literal");
    }
    if (this.s[this.i] === "0") this.i++;
    else this.digits();
    if (this.s[this.i] === ".") {
      this.i++;
      if (this.digits() === 0) this.fail("after decimal point in numeric literal");
    }
    if (this.s[this.i] === "e" || this.s[this.i] === "E") {
      this.i++;
      if (this.s[this.i] === "+" || this.s[this.i] === "-") this.i++;
      if (this.digits() === 0) this.fail("in exponent of numeric literal");
    }
  }

  private literal(word: string): void {
    for (let k = 0; k < word.length; k++, this.i++) {
      if (this.s[this.i] !== word[k]) this.fail(`in literal ${word} (expecting ${quoteChar(word[k])})`);
    }
  }
}

/** Parse JSON text, throwing Go's encoding/json syntax error message for malformed input. */
export function parseGoJson(text: string): unknown {
  new Scanner(text).document();
  return JSON.parse(text);
}
