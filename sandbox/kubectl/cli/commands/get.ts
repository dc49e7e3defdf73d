// `kubectl get`: spec and help text (kubectl v1.32).
import {
  allNamespacesFlag,
  chunkSizeFlag,
  fieldSelectorFlag,
  filenameFlags,
  outputFlag,
  printFlags,
  selectorFlag,
  showLabelsFlag,
} from "../common-flags.ts";
import { boolFlag, sliceFlag, stringFlag } from "../flag-builders.ts";
import { filesGiven } from "../resource-args.ts";
import { examples, longDesc, SUGGEST_API_RESOURCES } from "../text.ts";
import type { CommandSpec } from "../types.ts";

const GET_FORMATS =
  "json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide";

/** The `get` command. */
export const getCommand: CommandSpec = {
  name: "get",
  use: `[(-o|--output=)${GET_FORMATS}] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]`,
  disableFlagsInUseLine: true,
  short: "Display one or many resources",
  long: `${longDesc(
    "Display one or many resources.",
    "Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.",
    "By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.",
  )}\n\n${SUGGEST_API_RESOURCES}`,
  example: examples(`
# List all pods in ps output format
kubectl get pods

# List all pods in ps output format with more information (such as node name)
kubectl get pods -o wide

# List a single replication controller with specified NAME in ps output format
kubectl get replicationcontroller web

# List deployments in JSON output format, in the "v1" version of the "apps" API group
kubectl get deployments.v1.apps -o json

# List a single pod in JSON output format
kubectl get -o json pod web-pod-13je7

# List a pod identified by type and name specified in "pod.yaml" in JSON output format
kubectl get -f pod.yaml -o json

# List resources from a directory with kustomization.yaml - e.g. dir/kustomization.yaml
kubectl get -k dir/

# Return only the phase value of the specified pod
kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}

# List resource information in custom columns
kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image

# List all replication controllers and services together in ps output format
kubectl get rc,services

# List one or more resources by their type and names
kubectl get rc/web service/frontend pods/web-pod-13je7

# List the 'status' subresource for a single pod
kubectl get pod web-pod-13je7 --subresource status

# List all deployments in namespace 'backend'
kubectl get deployments.apps --namespace backend

# List all pods existing in all namespaces
kubectl get pods --all-namespaces`),
  suggestFor: ["list", "ps"],
  flags: [
    ...printFlags().filter((f) => f.name !== "output"),
    {
      ...outputFlag(", custom-columns, custom-columns-file, wide"),
      usage:
        "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].",
    },
    boolFlag(
      "no-headers",
      false,
      "When using the default or custom-column output format, don't print headers (default print headers).",
    ),
    boolFlag("show-kind", false, "If present, list the resource type for the requested object(s)."),
    showLabelsFlag(),
    stringFlag(
      "sort-by",
      "",
      "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.",
    ),
    sliceFlag(
      "label-columns",
      "Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...",
      { shorthand: "L" },
    ),
    stringFlag(
      "raw",
      "",
      "Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.",
    ),
    boolFlag("watch", false, "After listing/getting the requested object, watch for changes.", {
      shorthand: "w",
    }),
    boolFlag(
      "watch-only",
      false,
      "Watch for changes to the requested object(s), without listing/getting first.",
    ),
    boolFlag(
      "output-watch-events",
      false,
      "Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.",
    ),
    boolFlag(
      "ignore-not-found",
      false,
      "If set to true, suppresses NotFound error for specific objects that do not exist. Using this flag with commands that query for collections of resources has no effect when no resources are found.",
    ),
    fieldSelectorFlag(),
    allNamespacesFlag(),
    boolFlag(
      "server-print",
      true,
      "If true, have the server return the appropriate table output. Supports extension APIs and CRDs.",
    ),
    ...filenameFlags("identifying the resource to get from a server."),
    chunkSizeFlag(),
    selectorFlag(),
    // v1.32 dropped the "Must be one of [status scale]" list (#128296) and still calls the flag beta (GA in v1.33).
    stringFlag(
      "subresource",
      "",
      "If specified, gets the subresource of the requested object. This flag is beta and may change in the future.",
    ),
  ],
  argsCheck: ({ args, flags }) => {
    if (args.length > 0 || filesGiven(flags) || flags.watch || flags["watch-only"] || flags.raw !== "")
      return null;
    return {
      preamble: `You must specify the type of resource to get. ${SUGGEST_API_RESOURCES}\n\n`,
      message:
        'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
      usageHint: true,
    };
  },
};
