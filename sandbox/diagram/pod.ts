// The `pod` view: one pod with its containers inside the network namespace the pause container holds.
import type { Container, Pod, Volume } from "../api/types.ts";
import { box, boxInner } from "./box.ts";
import { podIP, ref } from "./snapshot.ts";

/** The sandbox image kubeadm v1.32 configures containerd with. */
export const PAUSE_IMAGE = "registry.k8s.io/pause:3.10";

function volumeKind(v: Volume): string {
  if (v.emptyDir) return "emptyDir";
  if (v.hostPath) return `hostPath ${v.hostPath.path}`;
  if (v.configMap) return `configMap ${v.configMap.name}`;
  if (v.secret) return `secret ${v.secret.secretName}`;
  if (v.projected) return "projected";
  return Object.keys(v).find((k) => k !== "name") ?? "volume";
}

function containerBody(c: Container, pod: Pod, init: boolean): string[] {
  const statuses = init ? pod.status?.initContainerStatuses : pod.status?.containerStatuses;
  const st = statuses?.find((s) => s.name === c.name);
  const state = st?.state?.running
    ? "running"
    : st?.state?.terminated
      ? `terminated (${st.state.terminated.reason ?? st.state.terminated.exitCode})`
      : st?.state?.waiting
        ? `waiting (${st.state.waiting.reason ?? ""})`
        : "not started";
  const lines = [`image ${c.image ?? "?"}   ${state}`];
  const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? "TCP"}`);
  if (ports.length) lines.push(`listens on ${ports.join(", ")}`);
  for (const m of c.volumeMounts ?? [])
    lines.push(`mounts ${m.name} at ${m.mountPath}${m.readOnly ? " (ro)" : ""}`);
  lines.push("own filesystem and processes");
  return lines;
}

/** Draw the `pod` view. */
export function renderPod(pod: Pod): string {
  const host = pod.spec.hostNetwork === true;
  const ip = podIP(pod);
  const head = [
    `node ${pod.spec.nodeName ?? "(not scheduled)"}   phase ${pod.status?.phase ?? "Pending"}   IP ${ip}`,
    "",
  ];
  const netTitle = host
    ? "the node's network namespace (hostNetwork: true)"
    : "shared network namespace, held by the pause container";
  const netHead = host
    ? [`eth0 ${ip} is the node's own interface`]
    : [`eth0 ${ip}   lo 127.0.0.1 (containers reach each other on localhost)`];
  const boxes: { title: string; body: string[] }[] = [];
  // A hostNetwork pod still gets a pause sandbox; it just shares the node's network namespace.
  const holds = host ? "sleeps; holds the pod's IPC namespace" : "sleeps; exists to hold the namespaces";
  boxes.push({ title: "pause", body: [`image ${PAUSE_IMAGE}`, holds] });
  for (const c of pod.spec.initContainers ?? [])
    boxes.push({ title: `${c.name} (init)`, body: containerBody(c, pod, true) });
  for (const c of pod.spec.containers) boxes.push({ title: c.name, body: containerBody(c, pod, false) });
  const width = Math.max(...boxes.map((b) => boxInner(b.title, b.body)), ...netHead.map((l) => l.length - 4));
  const netBody = [...netHead, "", ...boxes.flatMap((b) => box(b.title, b.body, width))];
  const vols = (pod.spec.volumes ?? []).map((v) => `  ${v.name}: ${volumeKind(v)}`);
  const tail = vols.length ? ["", "volumes (shared by the containers that mount them):", ...vols] : [];
  return `${box(`pod ${ref(pod)}`, [...head, ...box(netTitle, netBody), ...tail]).join("\n")}\n`;
}
