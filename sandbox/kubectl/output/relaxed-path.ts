// kubectl's relaxed JSONPath for --sort-by and custom columns: `.a.b`, `a.b`, `{a.b}` all mean `{.a.b}`.

/** Turn `.metadata.name`, `metadata.name` or `{.metadata.name}` into the template `{.metadata.name}`. */
export function relaxedJsonPath(expr: string): string {
  if (expr === "") return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) {
    throw new Error(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${m[1] ?? m[2]}}`;
}
