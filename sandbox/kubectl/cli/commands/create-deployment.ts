// `kubectl create deployment` (kubectl v1.32).
import { intFlag, sliceFlag } from "../flag-builders.ts";
import { examples } from "../text.ts";
import type { CommandSpec } from "../types.ts";
import { exactlyOneName, generatorFlags } from "./create-common.ts";

/** The `create deployment` generator (alias `deploy`). */
export const createDeploymentCommand: CommandSpec = {
  name: "deployment",
  aliases: ["deploy"],
  use: "NAME --image=image -- [COMMAND] [args...]",
  disableFlagsInUseLine: true,
  short: "Create a deployment with the specified name",
  long: "Create a deployment with the specified name.",
  example: examples(`
# Create a deployment named my-dep that runs the busybox image
kubectl create deployment my-dep --image=busybox

# Create a deployment with a command
kubectl create deployment my-dep --image=busybox -- date

# Create a deployment named my-dep that runs the nginx image with 3 replicas
kubectl create deployment my-dep --image=nginx --replicas=3

# Create a deployment named my-dep that runs the busybox image and expose port 5701
kubectl create deployment my-dep --image=busybox --port=5701

# Create a deployment named my-dep that runs multiple containers
kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx`),
  flags: [
    ...generatorFlags(),
    sliceFlag(
      "image",
      "Image names to run. A deployment can have multiple images set for multi-container pod.",
      {
        required: true,
      },
    ),
    intFlag("port", -1, "The containerPort that this deployment exposes.", {}, "int32"),
    intFlag("replicas", 1, "Number of replicas to create. Default is 1.", { shorthand: "r" }, "int32"),
  ],
  argsCheck: exactlyOneName,
};
