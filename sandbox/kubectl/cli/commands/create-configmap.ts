// `kubectl create configmap` (kubectl v1.32).
import { arrayFlag, boolFlag, sliceFlag } from "../flag-builders.ts";
import { examples, longDesc } from "../text.ts";
import type { CommandSpec } from "../types.ts";
import { exactlyOneName, generatorFlags } from "./create-common.ts";

/** The `create configmap` generator (alias `cm`). */
export const createConfigMapCommand: CommandSpec = {
  name: "configmap",
  aliases: ["cm"],
  use: "NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]",
  disableFlagsInUseLine: true,
  short: "Create a config map from a local file, directory or literal value",
  long: longDesc(
    "Create a config map based on a file, directory, or specified literal value.",
    "A single config map may package one or more key/value pairs.",
    "When creating a config map based on a file, the key will default to the basename of the file, and the value will default to the file content.  If the basename is an invalid key, you may specify an alternate key.",
    "When creating a config map based on a directory, each file whose basename is a valid key in the directory will be packaged into the config map.  Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).",
  ),
  example: examples(`
# Create a new config map named my-config based on folder bar
kubectl create configmap my-config --from-file=path/to/bar

# Create a new config map named my-config with specified keys instead of file basenames on disk
kubectl create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt

# Create a new config map named my-config with key1=config1 and key2=config2
kubectl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2

# Create a new config map named my-config from the key=value pairs in the file
kubectl create configmap my-config --from-file=path/to/bar

# Create a new config map named my-config from an env file
kubectl create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`),
  flags: [
    ...generatorFlags(),
    boolFlag("append-hash", false, "Append a hash of the configmap to its name."),
    sliceFlag(
      "from-env-file",
      "Specify the path to a file to read lines of key=val pairs to create a configmap.",
    ),
    sliceFlag(
      "from-file",
      "Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.",
    ),
    arrayFlag(
      "from-literal",
      "Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)",
    ),
  ],
  argsCheck: exactlyOneName,
};
