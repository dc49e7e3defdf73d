// Mirror pods: the API's view of a kubelet's static pods, marked by one annotation that several components read.
import type { Pod } from "./types.ts";

/** The annotation the kubelet puts on a mirror pod (its value is the static pod's config hash). */
export const MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

/** Whether a pod is the kubelet's mirror of a static pod. */
export function isMirrorPod(pod: Pod): boolean {
  return pod.metadata?.annotations?.[MIRROR_ANNOTATION] !== undefined;
}
