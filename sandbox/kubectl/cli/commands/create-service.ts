// `kubectl create service` and its generators (kubectl v1.32).
import { intFlag, sliceFlag, stringFlag } from "../flag-builders.ts";
import { examples } from "../text.ts";
import type { CommandSpec, FlagSpec } from "../types.ts";
import { exactlyOneName, generatorFlags } from "./create-common.ts";

const tcpFlag = (): FlagSpec => sliceFlag("tcp", "Port pairs can be specified as '<port>:<targetPort>'.");

const clusterIPCommand: CommandSpec = {
  name: "clusterip",
  use: "NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none]",
  disableFlagsInUseLine: true,
  short: "Create a ClusterIP service",
  long: "Create a ClusterIP service with the specified name.",
  example: examples(`
# Create a new ClusterIP service named my-cs
kubectl create service clusterip my-cs --tcp=5678:8080

# Create a new ClusterIP service named my-cs (in headless mode)
kubectl create service clusterip my-cs --clusterip="None"`),
  flags: [
    ...generatorFlags(),
    stringFlag(
      "clusterip",
      "",
      "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing).",
    ),
    tcpFlag(),
  ],
  argsCheck: exactlyOneName,
};

const nodePortCommand: CommandSpec = {
  name: "nodeport",
  use: "NAME [--tcp=port:targetPort] [--dry-run=server|client|none]",
  disableFlagsInUseLine: true,
  short: "Create a NodePort service",
  long: "Create a NodePort service with the specified name.",
  example: examples(`
# Create a new NodePort service named my-ns
kubectl create service nodeport my-ns --tcp=5678:8080`),
  flags: [
    ...generatorFlags(),
    intFlag("node-port", 0, "Port used to expose the service on each node in a cluster."),
    tcpFlag(),
  ],
  argsCheck: exactlyOneName,
};

// Partial: listed so help and parsing know them; the sandbox has no external load balancers or DNS names.
const loadBalancerCommand: CommandSpec = {
  name: "loadbalancer",
  use: "NAME [--tcp=port:targetPort] [--dry-run=server|client|none]",
  disableFlagsInUseLine: true,
  short: "Create a LoadBalancer service",
  long: "Create a LoadBalancer service with the specified name.",
  flags: [...generatorFlags(), tcpFlag()],
  argsCheck: exactlyOneName,
};

const externalNameCommand: CommandSpec = {
  name: "externalname",
  use: "NAME --external-name external.name [--dry-run=server|client|none]",
  disableFlagsInUseLine: true,
  short: "Create an ExternalName service",
  long: "Create an ExternalName service with the specified name.",
  flags: [
    ...generatorFlags(),
    stringFlag("external-name", "", "External name of service", { required: true }),
    tcpFlag(),
  ],
  argsCheck: exactlyOneName,
};

/** The `create service` group (alias `svc`); bare, it prints its help to stderr and exits 1. */
export const createServiceCommand: CommandSpec = {
  name: "service",
  aliases: ["svc"],
  use: "",
  short: "Create a service using a specified subcommand",
  long: "Create a service using a specified subcommand.",
  bare: "help-stderr",
  flags: [],
  subcommands: [clusterIPCommand, externalNameCommand, loadBalancerCommand, nodePortCommand],
};
