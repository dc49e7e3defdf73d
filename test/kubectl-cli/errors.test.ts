import { describe, expect, it } from "vitest";
import { parseKubectl } from "../../sandbox/kubectl/cli/index.ts";

function stderrOf(line: string): string {
  const r = parseKubectl(line.split(" ").filter((w) => w !== ""));
  if (r.ok) throw new Error(`expected an error for: kubectl ${line}`);
  expect(r.exitCode).toBe(1);
  expect(r.stdout).toBe("");
  return r.stderr;
}

describe("kubectl client-side errors", () => {
  it("prints unknown long flags with the --help hint", () => {
    expect(stderrOf("get pods --foo")).toBe(
      "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
    );
  });

  it("prints unknown shorthand flags with the letter and the rest of the group", () => {
    expect(stderrOf("get pods -z")).toBe(
      "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n",
    );
    expect(stderrOf("get pods -wz")).toContain("error: unknown shorthand flag: 'z' in -z\n");
  });

  it("prints a missing long flag value", () => {
    expect(stderrOf("get pods --namespace")).toBe(
      "error: flag needs an argument: --namespace\nSee 'kubectl get --help' for usage.\n",
    );
  });

  it("prints a missing shorthand flag value", () => {
    expect(stderrOf("get pods -n")).toBe(
      "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n",
    );
  });

  it("prints an invalid int with pflag's flag name and strconv's message", () => {
    expect(stderrOf("scale deploy web --replicas=x")).toBe(
      'error: invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl scale --help\' for usage.\n',
    );
  });

  it("names the shorthand too when the flag has one", () => {
    expect(stderrOf("create deployment web --image=nginx -r x")).toContain(
      'error: invalid argument "x" for "-r, --replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\n',
    );
  });

  it("prints an out-of-range int32", () => {
    expect(stderrOf("create deployment web --image=nginx --replicas=3000000000")).toContain(
      'strconv.ParseInt: parsing "3000000000": value out of range\n',
    );
  });

  it("prints an invalid bool and an invalid duration", () => {
    expect(stderrOf("get pods --watch=maybe")).toContain(
      'error: invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax\n',
    );
    expect(stderrOf("delete pod x --timeout=5")).toContain(
      'error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"\n',
    );
  });

  it("checks run's required --image before its NAME", () => {
    expect(stderrOf("run x")).toBe('error: required flag(s) "image" not set\n');
    expect(stderrOf("run")).toBe('error: required flag(s) "image" not set\n');
  });

  it("prints run's NAME error with the -h hint", () => {
    expect(stderrOf("run --image=nginx")).toBe(
      "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n",
    );
  });

  it("prints scale's missing --replicas", () => {
    expect(stderrOf("scale deploy web")).toBe('error: required flag(s) "replicas" not set\n');
  });

  it("prints create namespace's NAME count under the canonical name", () => {
    expect(stderrOf("create ns")).toBe(
      "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n",
    );
    expect(stderrOf("create namespace a b")).toContain("exactly one NAME is required, got 2\n");
  });

  it("prints delete without resources", () => {
    expect(stderrOf("delete")).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
  });

  it("prints delete with a type but no name", () => {
    expect(stderrOf("delete pod")).toBe("error: resource(s) were provided, but no name was specified\n");
  });

  it("prints get without a resource type", () => {
    expect(stderrOf("get")).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
  });

  it("prints an unknown command without suggestions when nothing is close", () => {
    expect(stderrOf("frobnicate")).toBe('error: unknown command "frobnicate" for "kubectl"\n');
  });

  it("suggests close command names", () => {
    expect(stderrOf("delet")).toBe(
      'error: unknown command "delet" for "kubectl"\n\nDid you mean this?\n\tdelete\n',
    );
  });

  it("suggests get for ps and list", () => {
    expect(stderrOf("ps")).toContain("Did you mean this?\n");
    expect(stderrOf("list")).toContain("\tget\n");
  });

  it("rejects extra words after a command group", () => {
    expect(stderrOf("rollout foo")).toBe(
      "error: unknown command \"foo\"\nSee 'kubectl rollout -h' for help and examples\n",
    );
  });

  it("prints a bare command group's help to stderr", () => {
    const err = stderrOf("rollout");
    expect(err.startsWith("Manage the rollout of one or many resources.\n")).toBe(true);
    expect(err).toContain("\n\nAvailable Commands:\n  history       View rollout history\n");
  });

  it("explains create without -f", () => {
    expect(
      stderrOf("create").startsWith(
        "Error: must specify one of -f and -k\n\nCreate a resource from a file or from stdin.\n",
      ),
    ).toBe(true);
  });

  it("prints logs without a pod", () => {
    expect(stderrOf("logs")).toBe(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    );
  });
});
