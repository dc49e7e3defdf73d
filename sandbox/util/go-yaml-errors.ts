// go-yaml's words for a YAML parse error, shared by kubectl (manifests, patches) and the kubelet (static pod
// files), both of which read YAML through go-yaml. Approximate: the yaml library's common errors are mapped,
// the rest fall back to go-yaml's most frequent parser message.
/** Word YAML parse errors as go-yaml v2 does (`line N: did not find expected key`), lines counted from `base`. */
export function goYamlMessage(
  errors: { code: string; message: string; linePos?: [{ line: number }, { line: number }?] }[],
  base: number,
): string {
  const lines = (e: (typeof errors)[number]) =>
    (e.linePos ?? []).filter((p) => p).map((p) => (p as { line: number }).line - base);
  const maxLine = Math.max(...errors.flatMap(lines), 1);
  const first = errors[0];
  const at = (n: number, msg: string) => `line ${n}: ${msg}`;
  if (errors.some((e) => e.code === "BLOCK_AS_IMPLICIT_KEY"))
    return at(maxLine, "mapping values are not allowed in this context");
  if (first.code === "MULTILINE_IMPLICIT_KEY") return at(maxLine, "could not find expected ':'");
  if (first.code === "TAB_AS_INDENT")
    return at(lines(first)[0] ?? 1, "found character that cannot start any token");
  if (first.code === "MISSING_CHAR")
    return at(Math.max(1, (lines(first)[0] ?? 2) - 1), "found unexpected end of stream");
  if (first.code === "BAD_INDENT" && first.message.startsWith("Flow sequence"))
    return at(lines(first)[0] ?? 1, "did not find expected ',' or ']'");
  if (first.code === "BAD_INDENT" && first.message.startsWith("Flow map"))
    return at(lines(first)[0] ?? 1, "did not find expected ',' or '}'");
  return at(lines(first)[0] ?? 1, "did not find expected key");
}
