// kubectl describe pod.

import { controllerOf } from "../../api/owners.ts";
import { podQOS } from "../../api/qos.ts";
import type { Condition, Event, KubeObject, Pod } from "../../api/types.ts";
import { describeContainers, describeResources } from "./containers.ts";
import { rfc1123z, since } from "./duration.ts";
import { describeEvents } from "./events.ts";
import { printAnnotations, printLabels, printTolerations } from "./multiline.ts";
import { describeVolumes } from "./volumes.ts";
import { type DescribeWriter, tabbedString } from "./writer.ts";

/** Render `Kind/name` of the object's controller, or "" when it has none. */
export function controllerName(obj: KubeObject): string {
  const ref = controllerOf(obj);
  return ref ? `${ref.kind}/${ref.name}` : "";
}

/** Describe a pod; `events` are already selected for it. */
export function describePod(pod: Pod, events: Event[] | null, now: number): string {
  return tabbedString((w) => {
    const meta = pod.metadata;
    const spec = pod.spec;
    const status = pod.status ?? {};
    w.write(0, `Name:\t${meta.name ?? ""}\n`);
    w.write(0, `Namespace:\t${meta.namespace ?? ""}\n`);
    if (spec.priority !== undefined && spec.priority !== null) w.write(0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    const runtimeClass = spec["runtimeClassName"] as string | undefined;
    if (runtimeClass) w.write(0, `Runtime Class Name:\t${runtimeClass}\n`);
    if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ""}\n` : "Node:\t<none>\n");
    if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabels(w, "Labels", meta.labels);
    printAnnotations(w, "Annotations", meta.annotations);
    if (meta.deletionTimestamp && status.phase !== "Failed" && status.phase !== "Succeeded") {
      w.write(0, `Status:\tTerminating (lasts ${since(now, meta.deletionTimestamp)})\n`);
      w.write(0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(0, `Status:\t${status.phase ?? ""}\n`);
    }
    if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(0, `Message:\t${status.message}\n`);
    describeSeccomp(w, spec.securityContext);
    w.write(0, `IP:\t${status.podIP ?? ""}\n`);
    if (!status.podIPs || status.podIPs.length === 0) {
      w.write(0, "IPs:\t<none>\n");
    } else {
      w.write(0, "IPs:\n");
      for (const ip of status.podIPs) w.write(1, `IP:\t${ip.ip}\n`);
    }
    const controlledBy = controllerName(pod);
    if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    if (spec["resources"]) {
      w.write(0, "Resources:\n");
      describeResources(w, spec["resources"] as never, 1);
    }
    if (spec.initContainers && spec.initContainers.length > 0) {
      describeContainers(
        w,
        "Init Containers",
        spec.initContainers,
        status.initContainerStatuses ?? [],
        pod,
        "",
      );
    }
    describeContainers(w, "Containers", spec.containers, status.containerStatuses ?? [], pod, "");
    describeReadinessGates(
      w,
      spec["readinessGates"] as { conditionType: string }[] | undefined,
      status.conditions,
    );
    if (status.conditions && status.conditions.length > 0) {
      w.write(0, "Conditions:\n  Type\tStatus\n");
      // kubectl writes a space after each cell here, so these lines end in a space.
      for (const c of status.conditions) w.write(1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(w, spec.volumes, "");
    w.write(0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabels(w, "Node-Selectors", spec.nodeSelector);
    printTolerations(w, "Tolerations", spec.tolerations);
    if (events) describeEvents(w, events, now);
  });
}

function describeSeccomp(w: DescribeWriter, securityContext: unknown): void {
  const profile = (
    securityContext as { seccompProfile?: { type: string; localhostProfile?: string } } | undefined
  )?.seccompProfile;
  if (!profile) return;
  w.write(0, `SeccompProfile:\t${profile.type}\n`);
  if (profile.type === "Localhost") w.write(0, `LocalhostProfile:\t${profile.localhostProfile ?? ""}\n`);
}

function describeReadinessGates(
  w: DescribeWriter,
  gates: { conditionType: string }[] | undefined,
  conditions: Condition[] | undefined,
): void {
  if (!gates || gates.length === 0) return;
  w.write(0, "Readiness Gates:\n  Type\tStatus\n");
  for (const g of gates) {
    const status = conditions?.find((c) => c.type === g.conditionType)?.status ?? "<none>";
    w.write(1, `${g.conditionType} \t${status} \n`);
  }
}
