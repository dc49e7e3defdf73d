// kubectl set image: change container images in pod templates; a deployment then rolls out a new ReplicaSet.
import type { Container } from "../../api/types.ts";
import { clone } from "../../util/clone.ts";
import { resourcesAndPairs } from "../cli/resource-args.ts";
import { dryRun, fail, type Run } from "./common.ts";
import { outputFormat } from "./print.ts";
import { podSpecOrProblem, setTargets, writeSetChange } from "./set-common.ts";

// Resource words come first, then NAME=IMAGE pairs (cmdutil.GetResourcesAndPairs and ParsePairs).
function splitArgs(args: string[]): { resources: string[]; images: [string, string][] } {
  const { resources, pairs, misplaced } = resourcesAndPairs(args);
  if (misplaced !== undefined) fail(`all resources must be specified before image changes: ${misplaced}`);
  const bad = pairs.filter((p) => !p.includes("=") || p[0] === "=");
  if (bad.length > 0) fail(`invalid image format: ${bad.join(", ")}`);
  const images = new Map<string, string>();
  for (const p of pairs) images.set(p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1));
  return { resources, images: [...images] };
}

function setImages(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (c.name === name || name === "*") {
      c.image = image;
      found = true;
    }
  }
  return found;
}

/** Run `kubectl set image`. Errors gathered across objects print unprefixed, as kubectl prints an aggregate. */
export function runSetImage(run: Run): number {
  const { resources, images } = splitArgs(run.args);
  const mode = dryRun(run);
  const fmt = outputFormat(run);
  if (run.bool("local")) fail(`"kubectl set image --local" is not available in this simulated cluster`);
  const found = setTargets(run, resources);
  const problems: string[] = [];
  if (run.bool("all") && run.str("selector"))
    problems.push("cannot set --all and --selector at the same time");
  if (images.length === 0) problems.push("at least one image update is required");
  else if (images.length > 1 && images.some(([n]) => n === "*"))
    problems.push(
      "all containers are already specified by *, but saw more than one container_name=container_image pairs",
    );
  if (problems.length > 0) return report(run, problems);

  for (const { rt, obj } of found) {
    const next = clone(obj);
    const spec = podSpecOrProblem({ rt, obj }, next, problems);
    if (!spec) continue;
    for (const [name, image] of images) {
      const inInit = setImages(spec.initContainers, name, image);
      if (!setImages(spec.containers, name, image) && !inInit)
        problems.push(`error: unable to find container named ${JSON.stringify(name)}`);
    }
    if (JSON.stringify(next) === JSON.stringify(obj)) continue;
    writeSetChange(run, { rt, obj }, next, "image", mode, fmt, problems);
  }
  return problems.length > 0 ? report(run, problems) : 0;
}

function report(run: Run, problems: string[]): number {
  run.err(problems.map((p) => `${p}\n`).join(""));
  return 1;
}
