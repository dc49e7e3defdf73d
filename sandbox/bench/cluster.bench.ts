// `npm run bench`: figures for the simulated cluster, then the network model's. Prints; never asserts
// (targets are in the README).
//   boot time of the default cluster; 1,000 nodes with 30,000 pods from Deployments until all Running
//   (time and peak memory); scheduler throughput.

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Deployment, Pod } from "../api/types.ts";
import { createCluster } from "../index.ts";

function ms(t: number): string {
  return `${t.toFixed(1)} ms`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Boot `n` default clusters with fresh seeds from `seed`; return each boot's wall time. */
function boots(n: number, seed: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    createCluster({ seed: seed + i });
    times.push(performance.now() - t);
  }
  return times;
}

// V8 keeps tiering the boot's code up for ~60 boots (interpreter, then Sparkplug, Maglev, TurboFan), so
// three figures: the first boot (all cold), boots 2-21 (still warming), and the steady state after a
// warm-up of 60 more boots (what the code costs once compiled: the figure held against the target).
function bootFigures(): void {
  const [first] = boots(1, 1);
  const early = boots(20, 2);
  boots(60, 22);
  const steady = boots(20, 82);
  console.log(
    `default cluster boot: first ${ms(first)} (cold JIT); boots 2-21 median ${ms(median(early))} (warming up); ` +
      `steady state, median of 20 after 80 boots: ${ms(median(steady))} (target <= 20 ms)`,
  );
}

function scaleFigures(nodes: number, pods: number, perDeployment: number): void {
  let peak = process.memoryUsage().heapUsed;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const t0 = performance.now();
  const c = createCluster({ preset: `workers-${nodes}`, settleMs: 150_000 });
  const bootMs = performance.now() - t0;
  sample();
  const deployments = Math.ceil(pods / perDeployment);
  const t1 = performance.now();
  for (let i = 0; i < deployments; i++) {
    const d: Deployment = {
      metadata: { name: `app-${i}`, namespace: "default" },
      spec: {
        replicas: Math.min(perDeployment, pods - i * perDeployment),
        selector: { matchLabels: { app: `app-${i}` } },
        template: {
          metadata: { labels: { app: `app-${i}` } },
          spec: { containers: [{ name: "web", image: "nginx:1.27" }] },
        },
      },
    };
    c.api.create("deployments", d);
  }
  const boundBefore = c.scheduler.bound;
  let schedMs = 0;
  let running = 0;
  const isDone = () => {
    running = 0;
    for (const p of c.api.list<Pod>("pods", { namespace: "default" }).items)
      if (p.status?.phase === "Running") running++;
    return running >= pods;
  };
  // Step virtual time a second at a time so progress (and memory) can be sampled.
  let steps = 0;
  while (!isDone() && steps < 600) {
    const ts = performance.now();
    const binding = c.scheduler.bound - boundBefore < pods;
    c.advance(1000);
    if (binding) schedMs += performance.now() - ts;
    steps++;
    sample();
  }
  const totalMs = performance.now() - t1;
  // What stays alive once everything runs (peak heapUsed also counts garbage not yet collected).
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  const liveMb = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(`${nodes} nodes boot: ${ms(bootMs)}`);
  console.log(
    `${nodes} nodes, ${pods} pods in ${deployments} Deployments: ${running}/${pods} Running after ${(totalMs / 1000).toFixed(2)} s wall (${steps} s virtual); peak heap ${(peak / 2 ** 20).toFixed(0)} MB (targets <= 5 s, <= 1 GB); live heap after a full GC ${liveMb.toFixed(0)} MB`,
  );
  const bound = c.scheduler.bound - boundBefore;
  console.log(
    `scheduler: ${bound} pods bound; ~${Math.round(bound / (schedMs / 1000))} pods/s (wall time of the virtual seconds in which binding happened, including the kubelets' work)`,
  );
}

const args = process.argv.slice(2);
bootFigures();
if (!args.includes("--boot-only")) {
  const nodes = Number(args.find((a) => a.startsWith("--nodes="))?.slice(8) ?? 1000);
  const pods = Number(args.find((a) => a.startsWith("--pods="))?.slice(7) ?? 30000);
  scaleFigures(nodes, pods, 30);
  // The network model's figures belong to the same report (also alone: `npm run bench:network`).
  console.log("");
  await import("./network.bench.ts");
}
