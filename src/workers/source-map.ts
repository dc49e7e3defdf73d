/** Map a generated line:column back to the cell's source through a v3 source map. */

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decode one "mappings" segment list of base64 VLQ numbers. */
function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = BASE64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** Find the source position (1-based line and column) of a 1-based generated position. */
export function originalPosition(
  sourceMap: string,
  line: number,
  column: number,
): { line: number; column: number } | undefined {
  const mappings = (JSON.parse(sourceMap) as { mappings: string }).mappings;
  let srcLine = 0;
  let srcCol = 0;
  let best: { line: number; column: number } | undefined;
  const lines = mappings.split(";");
  for (let i = 0; i < lines.length && i < line; i++) {
    let genCol = 0;
    for (const segment of lines[i].split(",")) {
      if (!segment) continue;
      const v = decodeVlq(segment);
      genCol += v[0];
      if (v.length < 4) continue;
      srcLine += v[2];
      srcCol += v[3];
      if (i === line - 1 && (genCol <= column - 1 || !best)) best = { line: srcLine + 1, column: srcCol + 1 };
    }
  }
  return best;
}
