// kubectl's command-line layer: the public surface for the kubectl command implementations.
//
// parseKubectl(argv) takes the words after `kubectl` and returns either
//   { ok: true, command, args, flags, flagsSet, afterDash, warnings }
//     command   the subcommand path by canonical name: ["get"], ["create", "deployment"] (aliases resolved)
//     args      positional args before `--`, in order ("pods", "web")
//     flags     every flag the command accepts, by long name, with its default unless given:
//               bool → boolean, int/int32/int64 → number, duration → number of milliseconds,
//               string → string, stringArray/stringSlice → string[]. Global flags are included
//               (flags.namespace, flags.context, flags.kubeconfig, flags.v, flags["request-timeout"]).
//     flagsSet  long names of the flags given on the command line (pflag's Changed)
//     afterDash words after `--` (the COMMAND of exec, run, create deployment)
//     warnings  text to print to stderr before running (flag deprecation notices), usually ""
//   or { ok: false, stdout, stderr, exitCode }: help (exit 0), or a flag/usage error as kubectl prints it
//     (exit 1). The caller writes stdout and stderr and stops. Flags and subcommands real kubectl lists
//     but the sandbox does not model (CommandSpec.unsupported / notModelled) end here too, with
//     `error: "kubectl apply --prune" is not available in this simulated cluster`.
// renderHelp(path) renders `kubectl ... --help`; path starts at ROOT_COMMAND.
export { renderHelp } from "./help.ts";
export type { ParsedCommand, ParseExit, ParseOptions, ParseResult } from "./parse.ts";
export { parseKubectl } from "./parse.ts";
export { findSubcommand, ROOT_COMMAND } from "./spec.ts";
export type { CommandSpec, FlagSpec, FlagType, FlagValue } from "./types.ts";
