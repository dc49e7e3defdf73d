// The `Non-terminated Pods:` and `Allocated resources:` blocks of kubectl describe node.
import type { Container, Node, Pod, StringMap } from "../../api/types.ts";
import { since } from "./duration.ts";
import { cmp } from "./multiline.ts";
import {
  addQuantity,
  formatQuantity,
  parseQuantity,
  type Quantity,
  quantityValue,
  ZERO,
} from "./quantity.ts";
import type { DescribeWriter } from "./writer.ts";

type Totals = Map<string, Quantity>;

function add(into: Totals, list: StringMap | undefined): void {
  for (const [name, value] of Object.entries(list ?? {}))
    into.set(name, addQuantity(into.get(name) ?? ZERO, parseQuantity(value)));
}

function maxInto(into: Totals, from: Totals): void {
  for (const [name, q] of from) {
    const cur = into.get(name);
    if (!cur || q.milli > cur.milli) into.set(name, q);
  }
}

/** Sum a pod's requests and limits: app containers and sidecars added, other init containers as a maximum. */
export function podRequestsAndLimits(pod: Pod): { reqs: Totals; limits: Totals } {
  const reqs: Totals = new Map();
  const limits: Totals = new Map();
  for (const c of pod.spec.containers) {
    add(reqs, c.resources?.requests);
    add(limits, c.resources?.limits);
  }
  // Sidecars (restartPolicy Always) run alongside later init containers and the app containers.
  const sidecarReqs: Totals = new Map();
  const sidecarLimits: Totals = new Map();
  const initReqs: Totals = new Map();
  const initLimits: Totals = new Map();
  for (const c of (pod.spec.initContainers ?? []) as Container[]) {
    if (c.restartPolicy === "Always") {
      add(sidecarReqs, c.resources?.requests);
      add(sidecarLimits, c.resources?.limits);
      add(reqs, c.resources?.requests);
      add(limits, c.resources?.limits);
      continue;
    }
    const r: Totals = new Map(sidecarReqs);
    const l: Totals = new Map(sidecarLimits);
    add(r, c.resources?.requests);
    add(l, c.resources?.limits);
    maxInto(initReqs, r);
    maxInto(initLimits, l);
  }
  maxInto(reqs, initReqs);
  maxInto(limits, initLimits);
  const overhead = pod.spec["overhead"] as StringMap | undefined;
  add(reqs, overhead);
  // Overhead only raises limits that are already set.
  add(limits, Object.fromEntries(Object.entries(overhead ?? {}).filter(([k]) => limits.has(k))));
  return { reqs, limits };
}

// Go computes float64(part)/float64(whole)*100 and truncates. With nothing allocatable the model prints 0,
// where kubectl's per-pod rows would print a meaningless huge number.
function percent(part: bigint, whole: bigint): string {
  if (whole === 0n) return "0";
  return String(Math.trunc((Number(part) / Number(whole)) * 100));
}

function cell(q: Quantity | undefined, whole: bigint, milli: boolean): string {
  const v = q ?? ZERO;
  return `${formatQuantity(v)} (${percent(milli ? v.milli : quantityValue(v), whole)}%)`;
}

/** Print the per-pod table and the allocated totals against the node's allocatable resources. */
export function describeNodeResources(w: DescribeWriter, pods: Pod[], node: Node, now: number): void {
  const allocatable =
    Object.keys(node.status?.allocatable ?? {}).length > 0
      ? node.status!.allocatable!
      : (node.status?.capacity ?? {});
  const cpu = parseQuantity(allocatable.cpu).milli;
  const memory = quantityValue(parseQuantity(allocatable.memory));
  const storage = quantityValue(parseQuantity(allocatable["ephemeral-storage"]));
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const totalReqs: Totals = new Map();
  const totalLimits: Totals = new Map();
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    for (const [k, q] of reqs) totalReqs.set(k, addQuantity(totalReqs.get(k) ?? ZERO, q));
    for (const [k, q] of limits) totalLimits.set(k, addQuantity(totalLimits.get(k) ?? ZERO, q));
    w.write(
      1,
      `${pod.metadata.namespace ?? ""}\t${pod.metadata.name ?? ""}\t\t${cell(reqs.get("cpu"), cpu, true)}\t` +
        `${cell(limits.get("cpu"), cpu, true)}\t${cell(reqs.get("memory"), memory, false)}\t` +
        `${cell(limits.get("memory"), memory, false)}\t${since(now, pod.metadata.creationTimestamp)}\n`,
    );
  }
  w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(1, "Resource\tRequests\tLimits\n");
  w.write(1, "--------\t--------\t------\n");
  w.write(1, `cpu\t${cell(totalReqs.get("cpu"), cpu, true)}\t${cell(totalLimits.get("cpu"), cpu, true)}\n`);
  w.write(
    1,
    `memory\t${cell(totalReqs.get("memory"), memory, false)}\t${cell(totalLimits.get("memory"), memory, false)}\n`,
  );
  w.write(
    1,
    `ephemeral-storage\t${cell(totalReqs.get("ephemeral-storage"), storage, false)}\t` +
      `${cell(totalLimits.get("ephemeral-storage"), storage, false)}\n`,
  );
  const names = Object.keys(allocatable).sort(cmp);
  for (const name of names.filter((n) => n.startsWith("hugepages-"))) {
    const whole = quantityValue(parseQuantity(allocatable[name]));
    w.write(
      1,
      `${name}\t${cell(totalReqs.get(name), whole, false)}\t${cell(totalLimits.get(name), whole, false)}\n`,
    );
  }
  for (const name of names.filter((n) => isExtended(n))) {
    w.write(
      1,
      `${name}\t${formatQuantity(totalReqs.get(name) ?? ZERO)}\t${formatQuantity(totalLimits.get(name) ?? ZERO)}\n`,
    );
  }
}

const STANDARD = new Set(["cpu", "memory", "ephemeral-storage", "storage", "pods"]);

function isExtended(name: string): boolean {
  return (
    !STANDARD.has(name) &&
    !name.startsWith("hugepages-") &&
    !name.startsWith("requests.") &&
    !name.startsWith("limits.")
  );
}
