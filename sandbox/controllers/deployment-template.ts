// Which ReplicaSet runs a Deployment's current template: templates compared as text, without the hash label.

import type { Deployment, ReplicaSet } from "../api/types.ts";
import { clone } from "../util/clone.ts";

// A ReplicaSet's template without its pod-template-hash label, for comparison with a deployment's.
function templateWithoutHash(rs: ReplicaSet): unknown {
  const t = clone(rs.spec.template);
  if (t.metadata?.labels) delete t.metadata.labels["pod-template-hash"];
  return t;
}

// Each reconcile compares every ReplicaSet's template with the Deployment's: informer objects are never
// changed in place, and status writes keep the spec's objects, so each template's text is computed once.
const templateTexts = new WeakMap<object, string>();

/** Give the text of a ReplicaSet's pod template without its hash label (computed once per template). */
export function templateText(rs: ReplicaSet): string {
  const tpl = rs.spec.template;
  let text = templateTexts.get(tpl);
  if (text === undefined) {
    text = JSON.stringify(templateWithoutHash(rs));
    templateTexts.set(tpl, text);
  }
  return text;
}

const wantTexts = new WeakMap<object, string>();

/** Give the text of a Deployment's pod template (computed once per template). */
export function deploymentTemplateText(d: Deployment): string {
  const tpl = d.spec.template;
  let text = wantTexts.get(tpl);
  if (text === undefined) {
    text = JSON.stringify(tpl);
    wantTexts.set(tpl, text);
  }
  return text;
}
