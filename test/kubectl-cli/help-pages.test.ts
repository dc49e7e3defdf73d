import { describe, expect, it } from "vitest";
import { parseKubectl } from "../../sandbox/kubectl/cli/index.ts";
import { expectGolden } from "../support/golden.ts";

function help(...argv: string[]): string {
  const r = parseKubectl(argv);
  if (r.ok || r.exitCode !== 0) throw new Error(`expected help for ${argv.join(" ")}`);
  return r.stdout;
}

const PAGES: [string, string[]][] = [
  ["describe", ["describe"]],
  ["apply", ["apply"]],
  ["expose", ["expose"]],
  ["scale", ["scale"]],
  ["label", ["label"]],
  ["annotate", ["annotate"]],
  ["exec", ["exec"]],
  ["taint", ["taint"]],
  ["drain", ["drain"]],
  ["cluster-info", ["cluster-info"]],
  ["api-resources", ["api-resources"]],
  ["rollout", ["rollout"]],
  ["rollout-status", ["rollout", "status"]],
  ["rollout-restart", ["rollout", "restart"]],
  ["rollout-undo", ["rollout", "undo"]],
  ["rollout-history", ["rollout", "history"]],
  ["rollout-pause", ["rollout", "pause"]],
  ["rollout-resume", ["rollout", "resume"]],
  ["create-deployment", ["create", "deployment"]],
  ["create-service", ["create", "service"]],
  ["create-service-clusterip", ["create", "service", "clusterip"]],
  ["create-configmap", ["create", "configmap"]],
  ["create-secret", ["create", "secret"]],
  ["create-secret-generic", ["create", "secret", "generic"]],
  ["config", ["config"]],
  ["config-view", ["config", "view"]],
  ["config-current-context", ["config", "current-context"]],
  ["config-get-contexts", ["config", "get-contexts"]],
  ["config-get-clusters", ["config", "get-clusters"]],
  ["config-get-users", ["config", "get-users"]],
  ["config-use-context", ["config", "use-context"]],
  ["config-set-context", ["config", "set-context"]],
  ["config-delete-context", ["config", "delete-context"]],
  ["config-rename-context", ["config", "rename-context"]],
  ["top", ["top"]],
  ["top-node", ["top", "node"]],
  ["top-pod", ["top", "pod"]],
  ["api-versions", ["api-versions"]],
  ["auth", ["auth"]],
  ["auth-can-i", ["auth", "can-i"]],
];

describe("kubectl <command> --help", () => {
  for (const [file, path] of PAGES) {
    it(`prints ${path.join(" ")}'s help page`, () => {
      expectGolden(`kubectl-cli/help-${file}.txt`, help(...path, "--help"));
    });
  }

  it("prints the same page for -h and for kubectl help <command>", () => {
    const page = help("rollout", "status", "--help");
    expect(help("rollout", "status", "-h")).toBe(page);
    expect(help("help", "rollout", "status")).toBe(page);
  });
});

describe("kubectl options", () => {
  it("prints every global flag", () => {
    expectGolden("kubectl-cli/help-options.txt", help("options"));
  });

  it("prints nothing for its own --help, as kubectl's options help template is empty", () => {
    expect(help("options", "--help")).toBe("");
    expect(help("help", "options")).toBe("");
  });

  it("is left out of the root command list", () => {
    expect(help("--help")).not.toContain("  options ");
  });

  it("words a flag error with its own hint", () => {
    const r = parseKubectl(["options", "--bogus"]);
    expect(r.ok ? "" : r.stderr).toBe("error: unknown flag: --bogus\nRun 'kubectl options' without flags.\n");
  });
});

describe("flags kubectl lists but the sandbox does not model", () => {
  it("refuses them when set instead of ignoring them", () => {
    const r = parseKubectl(["apply", "-f", "x.yaml", "--prune", "--all"]);
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.stderr).toBe(
      'error: "kubectl apply --all" is not available in this simulated cluster\n',
    );
  });

  it("accepts them in help and leaves modelled flags alone", () => {
    expect(help("apply", "--help")).toContain("    --prune=false:\n");
    expect(parseKubectl(["apply", "-f", "x.yaml", "--server-side"]).ok).toBe(true);
  });

  it("refuses an unmodelled command with its real flags as unavailable, not as a flag error", () => {
    for (const argv of [
      ["debug", "node/node01", "-it", "--image=busybox"],
      ["attach", "-it", "web"],
      ["events", "--for", "pod/web"],
      ["create", "quota", "q", "--hard=pods=1"],
    ]) {
      const r = parseKubectl(argv);
      const path = argv[0] === "create" ? "create quota" : argv[0];
      expect(r.ok ? "" : r.stderr).toBe(
        `error: "kubectl ${path}" is not available in this simulated cluster\n`,
      );
    }
  });

  it("refuses a listed subcommand the sandbox does not model", () => {
    const r = parseKubectl(["cluster-info", "dump"]);
    expect(r.ok ? "" : r.stderr).toBe(
      'error: "kubectl cluster-info dump" is not available in this simulated cluster\n',
    );
  });
});
