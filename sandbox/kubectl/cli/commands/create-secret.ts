// `kubectl create secret` and its generic / tls / docker-registry generators (kubectl v1.32).
import { arrayFlag, boolFlag, sliceFlag, stringFlag } from "../flag-builders.ts";
import { examples, longDesc } from "../text.ts";
import type { CommandSpec } from "../types.ts";
import { exactlyOneName, generatorFlags } from "./create-common.ts";

const appendHash = () => boolFlag("append-hash", false, "Append a hash of the secret to its name.");

const genericCommand: CommandSpec = {
  name: "generic",
  use: "NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]",
  disableFlagsInUseLine: true,
  short: "Create a secret from a local file, directory, or literal value",
  long: longDesc(
    "Create a secret based on a file, directory, or specified literal value.",
    "A single secret may package one or more key/value pairs.",
    "When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.",
    "When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).",
  ),
  example: examples(`
# Create a new secret named my-secret with keys for each file in folder bar
kubectl create secret generic my-secret --from-file=path/to/bar

# Create a new secret named my-secret with specified keys instead of names on disk
kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub

# Create a new secret named my-secret with key1=supersecret and key2=topsecret
kubectl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret

# Create a new secret named my-secret using a combination of a file and a literal
kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-literal=passphrase=topsecret

# Create a new secret named my-secret from env files
kubectl create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`),
  flags: [
    ...generatorFlags(),
    appendHash(),
    sliceFlag(
      "from-env-file",
      "Specify the path to a file to read lines of key=val pairs to create a secret.",
    ),
    sliceFlag(
      "from-file",
      "Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.",
    ),
    arrayFlag("from-literal", "Specify a key and literal value to insert in secret (i.e. mykey=somevalue)"),
    stringFlag("type", "", "The type of secret to create"),
  ],
  argsCheck: exactlyOneName,
};

const tlsCommand: CommandSpec = {
  name: "tls",
  use: "NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none]",
  disableFlagsInUseLine: true,
  short: "Create a TLS secret",
  long: longDesc(
    "Create a TLS secret from the given public/private key pair.",
    "The public/private key pair must exist beforehand. The public key certificate must be .PEM encoded and match the given private key.",
  ),
  example: examples(`
# Create a new TLS secret named tls-secret with the given key pair
kubectl create secret tls tls-secret --cert=path/to/tls.crt --key=path/to/tls.key`),
  flags: [
    ...generatorFlags(),
    appendHash(),
    stringFlag("cert", "", "Path to PEM encoded public key certificate."),
    stringFlag("key", "", "Path to private key associated with given certificate."),
  ],
  argsCheck: exactlyOneName,
};

// Partial: the sandbox has no registries; flags beyond the common ones are omitted.
const dockerRegistryCommand: CommandSpec = {
  name: "docker-registry",
  use: "NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none]",
  disableFlagsInUseLine: true,
  short: "Create a secret for use with a Docker registry",
  flags: [...generatorFlags(), appendHash()],
  argsCheck: exactlyOneName,
};

/** The `create secret` group; bare, it prints its help to stderr and exits 1. */
export const createSecretCommand: CommandSpec = {
  name: "secret",
  use: "(docker-registry | generic | tls)",
  disableFlagsInUseLine: true,
  short: "Create a secret using a specified subcommand",
  long: longDesc(
    "Create a secret with specified type.",
    "A docker-registry type secret is for accessing a container registry.",
    "A generic type secret indicate an Opaque secret type.",
    "A tls type secret holds TLS certificate and its associated key.",
  ),
  bare: "help-stderr",
  flags: [],
  subcommands: [dockerRegistryCommand, genericCommand, tlsCommand],
};
