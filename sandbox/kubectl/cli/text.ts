// Helpers that render help text the way kubectl's templates.LongDesc and templates.Examples do.

/** Join paragraphs as LongDesc renders them: blank line between, later paragraphs indented by one space. */
export function longDesc(...paragraphs: string[]): string {
  return paragraphs.join("\n\n ");
}

/** Indent every line of an example block by two spaces, blank lines included (templates.Examples). */
export function examples(text: string): string {
  return text
    .trim()
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

/** The sentence cmdutil.SuggestAPIResources appends to get/describe/explain descriptions. */
export const SUGGEST_API_RESOURCES =
  'Use "kubectl api-resources" for a complete list of supported resources.';
