import { describe, expect, it } from "vitest";
import { lab, WEB_SETUP } from "./support.ts";

const SCRIPT = [
  ...WEB_SETUP,
  "kubectl expose deployment web --name=web-np --port=80 --type=NodePort",
  "sleep 5",
  "kubectl get pods -o wide",
  "kubectl exec client -- wget -qO- http://web",
  "kubectl exec client -- nslookup web",
  "kubectl exec client -- ip addr",
  "ssh node01 ip route",
  "ssh node02 iptables-save -t nat",
  "ssh node01 explain --from client http://web",
  "kubectl delete pod -l app=web",
  "sleep 20",
  "kubectl get pods -o wide",
  "ssh node01 iptables -t nat -L -n -v",
];

function transcript(): string {
  const l = lab();
  return SCRIPT.map((line) => {
    const r = l.run(line);
    return `$ ${line}\n${r.stdout}${r.stderr}[${r.exitCode}]\n`;
  }).join("");
}

describe("network determinism", () => {
  it("prints the same transcript for the same script twice", () => {
    expect(transcript()).toBe(transcript());
  });
});
