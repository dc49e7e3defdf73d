// Which strings a YAML 1.1 reader (go-yaml v2) would read as something else, so kubectl's
// `-o yaml` must quote them: null, booleans, numbers, timestamps, base-60 floats, `<<`.

const SPECIAL = new Set([
  ...["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"],
  ...["n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"],
  ...["", "~", "null", "Null", "NULL"],
  ...[".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"],
  "<<",
]);

const INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMPS = [
  /^\d{4}-\d{1,2}-\d{1,2}$/,
  /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[-+]\d{2}:\d{2})$/,
  /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?$/,
];

/** Report whether a plain scalar would read back as a string (go-yaml v2 resolve, plus its base-60 rule). */
export function readsAsString(s: string): boolean {
  if (SPECIAL.has(s)) return false;
  if (BASE60.test(s)) return false;
  const first = s[0];
  if (first === ".") return !DOT_FLOAT.test(s);
  if (!/[-+0-9]/.test(first)) return true;
  if (TIMESTAMPS.some((re) => re.test(s))) return false;
  const plain = s.replaceAll("_", "");
  if (INT.test(plain) || YAML_FLOAT.test(plain)) return false;
  if (/^-?0b[01]+$/.test(plain)) return false;
  return true;
}
