import { describe, expect, it } from "vitest";
import { parseKubectl } from "../../sandbox/kubectl/cli/index.ts";
import { expectGolden } from "../support/golden.ts";

function help(...argv: string[]): string {
  const r = parseKubectl(argv);
  if (r.ok || r.exitCode !== 0) throw new Error(`expected help for ${argv.join(" ")}`);
  return r.stdout;
}

describe("kubectl --help", () => {
  it("prints the grouped command list at the top level", () => {
    expectGolden("kubectl-cli/root-help.txt", help("--help"));
  });

  it("prints the same page for bare kubectl", () => {
    expect(help()).toBe(help("--help"));
  });

  it("prints get's help", () => {
    expectGolden("kubectl-cli/get-help.txt", help("get", "--help"));
  });

  it("prints run's help", () => {
    expectGolden("kubectl-cli/run-help.txt", help("run", "-h"));
  });

  it("prints create's help with its generators", () => {
    expectGolden("kubectl-cli/create-help.txt", help("create", "--help"));
  });

  it("prints create namespace's help with its alias", () => {
    expectGolden("kubectl-cli/create-namespace-help.txt", help("create", "ns", "--help"));
  });

  it("prints delete's help", () => {
    expectGolden("kubectl-cli/delete-help.txt", help("delete", "--help"));
  });

  it("wraps flag descriptions ten columns short of a 120-column terminal", () => {
    const r = parseKubectl(["get", "--help"], { width: 120 });
    const text = r.ok ? "" : r.stdout;
    expect(text).toContain(
      "    -A, --all-namespaces=false:\n\tIf present, list the requested object(s) across all namespaces. Namespace in current context is ignored even\n\tif specified with --namespace.\n",
    );
  });
});
