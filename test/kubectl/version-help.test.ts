import { describe, expect, it } from "vitest";
import { parseKubectl } from "../../sandbox/kubectl/cli/index.ts";
import { COMMANDS } from "../../sandbox/kubectl/commands/registry.ts";
import { expectGolden } from "../support/golden.ts";
import { makeHarness } from "./harness.ts";

function help(...argv: string[]): string {
  const r = parseKubectl([...argv, "--help"]);
  if (r.ok || r.exitCode !== 0) throw new Error(`expected help for ${argv.join(" ")}`);
  return r.stdout;
}

describe("kubectl version -o", () => {
  it("prints client, kustomize and server versions as JSON in Go's field order", () => {
    expectGolden("kubectl/version-json.txt", makeHarness().kubectl("version -o json").stdout);
  });

  it("prints them as YAML with sorted keys and a trailing blank line", () => {
    expectGolden("kubectl/version-yaml.txt", makeHarness().kubectl("version -o yaml").stdout);
  });

  it("prints only the client with --client", () => {
    expect(makeHarness().kubectl("version --client").stdout).toBe(
      "Client Version: v1.32.5\nKustomize Version: v5.5.0\n",
    );
    const json = JSON.parse(makeHarness().kubectl("version --client -o json").stdout);
    expect(Object.keys(json)).toEqual(["clientVersion", "kustomizeVersion"]);
  });

  it("rejects other output formats", () => {
    expect(makeHarness().kubectl("version -o wide").stderr).toBe(
      "error: --output must be 'yaml' or 'json'\n",
    );
  });
});

describe("kubectl <command> --help", () => {
  it("prints a help page with a usage line for every implemented command", () => {
    for (const path of Object.keys(COMMANDS)) {
      const text = help(...path.split(" "));
      expect(text, path).toContain(`Usage:\n  kubectl ${path} `);
    }
  });

  it("prints wait's help", () => {
    expectGolden("kubectl/wait-help.txt", help("wait"));
  });

  it("prints logs' help", () => {
    expectGolden("kubectl/logs-help.txt", help("logs"));
  });

  it("prints set image's help", () => {
    expectGolden("kubectl/set-image-help.txt", help("set", "image"));
  });

  it("prints set's subcommands", () => {
    expectGolden("kubectl/set-help.txt", help("set"));
  });

  it("prints version's help", () => {
    expectGolden("kubectl/version-help.txt", help("version"));
  });
});

describe("kubectl set env --help", () => {
  it("prints set env's help", () => {
    expectGolden("kubectl/set-env-help.txt", help("set", "env"));
  });
});

describe("kubectl cordon --help", () => {
  it("prints cordon's description and example", () => {
    expect(help("cordon")).toMatch(
      /^Mark node as unschedulable\.\n\nExamples:\n {2}# Mark node "foo" as unschedulable\n {2}kubectl cordon foo\n\nOptions:\n/,
    );
  });
});
