// Label selectors as kubectl's describers match them: the API server's matching, so the rule has one
// implementation (the describers format selectors with the printers' format.ts).
import type { LabelSelector, StringMap } from "../../api/types.ts";
import { fromLabelSelector, matchesLabels } from "../../apiserver/selectors.ts";

/** Report whether labels satisfy a LabelSelector (an empty selector matches everything; none matches nothing). */
export function selectorMatches(selector: LabelSelector | undefined, labels: StringMap | undefined): boolean {
  if (!selector) return false;
  return matchesLabels(fromLabelSelector(selector), labels);
}
