// A minimal protobuf wire-format writer: varints, length-delimited fields, fixed64 doubles.

const utf8 = new TextEncoder();

/** Append-only byte buffer that writes protobuf fields. */
export class ProtoWriter {
  private readonly parts: number[] = [];

  /** Write a raw varint (non-negative or negative int64, two's complement). */
  varint(n: number): this {
    let v = BigInt.asUintN(64, BigInt(Math.trunc(n)));
    while (v >= 0x80n) {
      this.parts.push(Number((v & 0x7fn) | 0x80n));
      v >>= 7n;
    }
    this.parts.push(Number(v));
    return this;
  }

  /** Write a field tag. */
  tag(field: number, wireType: 0 | 1 | 2): this {
    return this.varint(field * 8 + wireType);
  }

  /** Write a varint field (ints, enums, booleans). */
  int(field: number, n: number): this {
    return this.tag(field, 0).varint(n);
  }

  /** Write a double field. */
  double(field: number, n: number): this {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, n, true);
    this.tag(field, 1);
    for (let i = 0; i < 8; i++) this.parts.push(view.getUint8(i));
    return this;
  }

  /** Write a length-delimited field of raw bytes. */
  bytes(field: number, data: Uint8Array): this {
    this.tag(field, 2).varint(data.length);
    for (const b of data) this.parts.push(b);
    return this;
  }

  /** Write a UTF-8 string field. */
  string(field: number, s: string): this {
    return this.bytes(field, utf8.encode(s));
  }

  /** Append bytes without a tag. */
  raw(data: Uint8Array): this {
    for (const b of data) this.parts.push(b);
    return this;
  }

  /** The bytes written so far. */
  finish(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}
