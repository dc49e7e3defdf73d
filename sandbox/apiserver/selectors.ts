// Label and field selectors, parsed from kubectl's string form or from a LabelSelector object.
import type { KubeObject, LabelSelector, StringMap } from "../api/types.ts";
import { badRequest } from "./errors.ts";

/** One requirement of a label selector. */
export interface Requirement {
  key: string;
  op: "=" | "!=" | "in" | "notin" | "exists" | "!";
  values: string[];
}

/** A parsed label selector: all requirements must hold. An empty selector matches everything. */
export type Selector = Requirement[];

/** Parse `app=web,tier!=db,env in (a,b),!legacy,track`; throws a BadRequest StatusError on bad syntax. */
export function parseLabelSelector(text: string): Selector {
  const out: Selector = [];
  const s = text.trim();
  if (s === "") return out;
  let i = 0;
  const fail = (): never => {
    throw badRequest(`unable to parse requirement: found '${s.slice(i) || s}', expected: identifier`);
  };
  const skip = () => {
    while (s[i] === " ") i++;
  };
  const ident = (): string => {
    skip();
    const m = /^[A-Za-z0-9_.\-/]+/.exec(s.slice(i));
    if (!m) return fail();
    i += m[0].length;
    return m[0];
  };
  while (i < s.length) {
    skip();
    if (s[i] === "!") {
      i++;
      out.push({ key: ident(), op: "!", values: [] });
    } else {
      const key = ident();
      skip();
      const rest = s.slice(i);
      if (rest.startsWith("!=")) {
        i += 2;
        out.push({ key, op: "!=", values: [valueAt()] });
      } else if (rest.startsWith("==")) {
        i += 2;
        out.push({ key, op: "=", values: [valueAt()] });
      } else if (rest.startsWith("=")) {
        i += 1;
        out.push({ key, op: "=", values: [valueAt()] });
      } else if (/^(in|notin)\s*\(/.test(rest)) {
        const op = rest.startsWith("in") ? "in" : "notin";
        i += op.length;
        skip();
        i++; // (
        const close = s.indexOf(")", i);
        if (close < 0) fail();
        const values = s
          .slice(i, close)
          .split(",")
          .map((v) => v.trim());
        i = close + 1;
        out.push({ key, op, values });
      } else {
        out.push({ key, op: "exists", values: [] });
      }
    }
    skip();
    if (i < s.length) {
      if (s[i] !== ",") fail();
      i++;
    }
  }
  return out;

  function valueAt(): string {
    skip();
    const m = /^[A-Za-z0-9_.-]*/.exec(s.slice(i));
    i += m ? m[0].length : 0;
    return m ? m[0] : "";
  }
}

/** Convert a metav1.LabelSelector to requirements. */
export function fromLabelSelector(sel: LabelSelector | undefined): Selector {
  if (!sel) return [];
  const out: Selector = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) out.push({ key: k, op: "=", values: [v] });
  for (const e of sel.matchExpressions ?? []) {
    const op =
      e.operator === "In"
        ? "in"
        : e.operator === "NotIn"
          ? "notin"
          : e.operator === "Exists"
            ? "exists"
            : "!";
    out.push({ key: e.key, op, values: e.values ?? [] });
  }
  return out;
}

// Stands for absent labels, so a check allocates nothing.
const NO_LABELS: StringMap = Object.freeze({});

/** Whether a label set satisfies every requirement. */
export function matchesLabels(sel: Selector, labels: StringMap | undefined): boolean {
  const l = labels ?? NO_LABELS;
  for (let i = 0; i < sel.length; i++) {
    const r = sel[i];
    const has = Object.hasOwn(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case "=":
        if (!has || v !== r.values[0]) return false;
        break;
      case "!=":
        if (has && v === r.values[0]) return false;
        break;
      case "in":
        if (!has || !r.values.includes(v)) return false;
        break;
      case "notin":
        if (has && r.values.includes(v)) return false;
        break;
      case "exists":
        if (!has) return false;
        break;
      case "!":
        if (has) return false;
        break;
    }
  }
  return true;
}

/** Whether a matchLabels-only selector (a Service's) selects the labels; an empty one selects nothing. */
export function selectsMap(selector: StringMap | undefined, labels: StringMap | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? NO_LABELS;
  let any = false;
  for (const k in selector) {
    any = true;
    if (l[k] !== selector[k]) return false;
  }
  return any;
}

/** One field selector term. */
export interface FieldTerm {
  field: string;
  op: "=" | "!=";
  value: string;
}

/** The fields each resource supports in field selectors (besides metadata.name and metadata.namespace). */
const FIELDS: Record<string, string[]> = {
  pods: [
    "spec.nodeName",
    "spec.restartPolicy",
    "spec.schedulerName",
    "spec.serviceAccountName",
    "spec.hostNetwork",
    "status.phase",
    "status.podIP",
    "status.nominatedNodeName",
  ],
  nodes: ["spec.unschedulable"],
  events: [
    "involvedObject.kind",
    "involvedObject.namespace",
    "involvedObject.name",
    "involvedObject.uid",
    "involvedObject.apiVersion",
    "involvedObject.resourceVersion",
    "involvedObject.fieldPath",
    "reason",
    "reportingComponent",
    "source",
    "type",
  ],
  namespaces: ["status.phase"],
  secrets: ["type"],
  replicasets: ["status.replicas"],
};

/** Parse `spec.nodeName=node01,status.phase!=Running` for a resource; unsupported fields are a BadRequest. */
export function parseFieldSelector(text: string, plural: string): FieldTerm[] {
  const out: FieldTerm[] = [];
  if (text.trim() === "") return out;
  for (const part of text.split(",")) {
    const m = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
    if (!m) throw badRequest(`invalid selector: '${text}'; can't understand '${part}'`);
    const field = m[1];
    const allowed =
      field === "metadata.name" || field === "metadata.namespace" || (FIELDS[plural] ?? []).includes(field);
    if (!allowed) throw badRequest(`field label not supported: ${field}`);
    out.push({ field, op: m[2] === "!=" ? "!=" : "=", value: m[3] });
  }
  return out;
}

// Field paths come from the short list of supported selectors, so splitting each once is a bounded cache.
const splitPaths = new Map<string, string[]>();

/** Read a dotted field path from an object as a string ("" when absent). */
export function fieldValue(obj: KubeObject, path: string): string {
  let parts = splitPaths.get(path);
  if (parts === undefined) {
    parts = path.split(".");
    if (splitPaths.size < 256) splitPaths.set(path, parts);
  }
  let cur: unknown = obj;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (cur === null || typeof cur !== "object") return "";
    cur = (cur as Record<string, unknown>)[p];
  }
  if (cur === undefined || cur === null) return "";
  return String(cur);
}

/** Whether an object satisfies every field term. */
export function matchesFields(terms: FieldTerm[], obj: KubeObject): boolean {
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    const v = fieldValue(obj, t.field);
    if (t.op === "=" ? v !== t.value : v === t.value) return false;
  }
  return true;
}

/**
 * Parsed selectors by their text. Controllers list and watch with the same few selectors again and again;
 * each text is parsed once (the parsed forms are only read). Bounded, and one per server.
 */
export class SelectorCache {
  private readonly labels = new Map<string, Selector>();
  private readonly fields = new Map<string, FieldTerm[]>();

  /** The parsed label selector `text`. */
  label(text: string): Selector {
    let parsed = this.labels.get(text);
    if (parsed === undefined) {
      parsed = parseLabelSelector(text);
      if (this.labels.size >= 256) this.labels.clear();
      this.labels.set(text, parsed);
    }
    return parsed;
  }

  /** The parsed field selector `text` for a resource type. */
  field(text: string, plural: string): FieldTerm[] {
    const key = text === "" ? plural : `${plural} ${text}`;
    let parsed = this.fields.get(key);
    if (parsed === undefined) {
      parsed = parseFieldSelector(text, plural);
      if (this.fields.size >= 256) this.fields.clear();
      this.fields.set(key, parsed);
    }
    return parsed;
  }
}
