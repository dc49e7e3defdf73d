// kubectl describe namespace (it prints no events).
import type { KubeObject, Namespace, StringMap } from "../../api/types.ts";
import { rfc1123z } from "./duration.ts";
import { cmp, printAnnotations, printLabels } from "./multiline.ts";
import { canonical } from "./quantity.ts";
import { type DescribeWriter, tabbedString } from "./writer.ts";

/** Describe a namespace with the ResourceQuotas and LimitRanges it holds. */
export function describeNamespace(ns: Namespace, quotas: KubeObject[], limitRanges: KubeObject[]): string {
  return tabbedString((w) => {
    w.write(0, `Name:\t${ns.metadata.name ?? ""}\n`);
    printLabels(w, "Labels", ns.metadata.labels);
    printAnnotations(w, "Annotations", ns.metadata.annotations);
    w.write(0, `Status:\t${ns.status?.phase ?? ""}\n`);
    const conditions = ns.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(0, "Conditions:\n");
      w.write(1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
      w.write(1, "----\t------\t------------------\t------\t-------\n");
      for (const c of conditions) {
        w.write(
          1,
          `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ""}\t${c.message ?? ""}\n`,
        );
      }
    }
    w.write(0, "\n");
    describeQuotas(w, quotas);
    w.write(0, "\n");
    describeLimitRanges(w, limitRanges);
  });
}

function describeQuotas(w: DescribeWriter, quotas: KubeObject[]): void {
  if (quotas.length === 0) {
    w.write(0, "No resource quota.\n");
    return;
  }
  w.write(0, "Resource Quotas\n");
  for (const q of [...quotas].sort((a, b) => cmp(a.metadata.name ?? "", b.metadata.name ?? ""))) {
    const status = (q.status ?? {}) as { hard?: StringMap; used?: StringMap };
    w.write(1, `Name:\t${q.metadata.name ?? ""}\n`);
    w.write(1, "Resource\tUsed\tHard\n");
    w.write(1, "--------\t---\t---\n");
    for (const r of Object.keys(status.hard ?? {}).sort(cmp)) {
      w.write(1, `${r}\t${canonical(status.used?.[r])}\t${canonical(status.hard![r])}\n`);
    }
  }
}

interface LimitItem {
  type?: string;
  max?: StringMap;
  min?: StringMap;
  default?: StringMap;
  defaultRequest?: StringMap;
  maxLimitRequestRatio?: StringMap;
}

function describeLimitRanges(w: DescribeWriter, ranges: KubeObject[]): void {
  if (ranges.length === 0) {
    w.write(0, "No LimitRange resource.\n");
    return;
  }
  w.write(
    0,
    "Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n",
  );
  w.write(0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n");
  for (const lr of ranges) {
    for (const item of ((lr.spec ?? {}) as { limits?: LimitItem[] }).limits ?? []) {
      const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
      // Go walks a map here, so real row order varies between runs; the model sorts by resource.
      const names = [...new Set(lists.flatMap((l) => Object.keys(l ?? {})))].sort(cmp);
      for (const n of names) {
        const cells = lists.map((l) => (l?.[n] !== undefined ? canonical(l[n]) : "-"));
        w.write(0, ` ${item.type ?? ""}\t${n}\t${cells.join("\t")}\n`);
      }
    }
  }
}
