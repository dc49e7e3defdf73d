// The `Pod Template:` block of deployments, replica sets and other workloads.
import type { PodTemplateSpec } from "../../api/types.ts";
import { describeContainers } from "./containers.ts";
import { printAnnotations, printLabels, printTolerations } from "./multiline.ts";
import { describeVolumes } from "./volumes.ts";
import type { DescribeWriter } from "./writer.ts";

/** Print a pod template the way DescribePodTemplate does (no container statuses). */
export function describePodTemplate(w: DescribeWriter, template: PodTemplateSpec | undefined): void {
  w.write(0, "Pod Template:\n");
  if (!template) {
    w.write(1, "<unset>");
    return;
  }
  const spec = template.spec;
  printLabels(w, "  Labels", template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) {
    printAnnotations(w, "  Annotations", template.metadata?.annotations);
  }
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers && spec.initContainers.length > 0) {
    describeContainers(w, "Init Containers", spec.initContainers, null, null, "  ");
  }
  describeContainers(w, "Containers", spec.containers, null, null, "  ");
  describeVolumes(w, spec.volumes, "  ");
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabels(w, "  Node-Selectors", spec.nodeSelector);
  printTolerations(w, "  Tolerations", spec.tolerations);
}
