// Label selectors as kubectl's describers render and match them: the printers' formatting and the API
// server's matching, so each rule has one implementation.
import type { LabelSelector, StringMap } from "../../api/types.ts";
import { fromLabelSelector, matchesLabels } from "../../apiserver/selectors.ts";

export { formatLabelSelector, formatLabels, selectorString } from "../printers/format.ts";

/** Report whether labels satisfy a LabelSelector (an empty selector matches everything; none matches nothing). */
export function selectorMatches(selector: LabelSelector | undefined, labels: StringMap | undefined): boolean {
  if (!selector) return false;
  return matchesLabels(fromLabelSelector(selector), labels);
}
