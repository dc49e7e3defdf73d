import { describe, expect, it } from "vitest";
import { type ParsedCommand, parseKubectl } from "../../sandbox/kubectl/cli/index.ts";

function ok(...argv: string[]): ParsedCommand {
  const r = parseKubectl(argv);
  if (!r.ok) throw new Error(`unexpected failure: ${r.stderr}`);
  return r;
}

describe("kubectl argument parsing", () => {
  it("resolves command aliases to canonical names", () => {
    expect(ok("create", "ns", "dev").command).toEqual(["create", "namespace"]);
    expect(ok("create", "deploy", "web", "--image=nginx").command).toEqual(["create", "deployment"]);
    expect(ok("create", "cm", "c").command).toEqual(["create", "configmap"]);
    expect(ok("create", "secret", "generic", "s").command).toEqual(["create", "secret", "generic"]);
    expect(ok("create", "service", "nodeport", "s").command).toEqual(["create", "service", "nodeport"]);
  });

  it("accepts every value form: --f=v, --f v, -n v, -nv, -n=v", () => {
    expect(ok("get", "pods", "--namespace=a").flags.namespace).toBe("a");
    expect(ok("get", "pods", "--namespace", "b").flags.namespace).toBe("b");
    expect(ok("get", "pods", "-n", "c").flags.namespace).toBe("c");
    expect(ok("get", "pods", "-nd").flags.namespace).toBe("d");
    expect(ok("get", "pods", "-n=e").flags.namespace).toBe("e");
  });

  it("parses -o wide, -owide and --output=yaml", () => {
    expect(ok("get", "pods", "-o", "wide").flags.output).toBe("wide");
    expect(ok("get", "pods", "-owide").flags.output).toBe("wide");
    expect(ok("get", "pods", "--output=yaml").flags.output).toBe("yaml");
  });

  it("combines boolean shorthands", () => {
    const r = ok("exec", "-it", "web", "--", "sh");
    expect(r.flags.stdin).toBe(true);
    expect(r.flags.tty).toBe(true);
  });

  it("ends a shorthand group with a value flag", () => {
    const r = ok("exec", "-itc", "app", "web", "--", "sh");
    expect(r.flags.container).toBe("app");
    expect(r.args).toEqual(["web"]);
  });

  it("splits args at --", () => {
    const r = ok("exec", "web", "-c", "app", "--", "ls", "-la", "--color");
    expect(r.args).toEqual(["web"]);
    expect(r.afterDash).toEqual(["ls", "-la", "--color"]);
  });

  it("parses flags interspersed with args, before and after the command", () => {
    const r = ok("-n", "dev", "get", "pods", "-l", "app=web", "web-1");
    expect(r.command).toEqual(["get"]);
    expect(r.args).toEqual(["pods", "web-1"]);
    expect(r.flags.selector).toBe("app=web");
    expect(r.flags.namespace).toBe("dev");
  });

  it("turns off a bool with --flag=false", () => {
    const r = ok("get", "pods", "--server-print=false");
    expect(r.flags["server-print"]).toBe(false);
    expect(r.flagsSet.has("server-print")).toBe(true);
  });

  it("collects repeated stringArray flags whole, and splits stringSlice flags on commas", () => {
    const r = ok("run", "x", "--image=busybox", "--env", "A=1,2", "--env=B=2");
    expect(r.flags.env).toEqual(["A=1,2", "B=2"]);
    const d = ok("create", "deployment", "web", "--image=a,b", "--image", "c");
    expect(d.flags.image).toEqual(["a", "b", "c"]);
  });

  it("gives --dry-run without a value its optional default", () => {
    expect(ok("run", "x", "--image=nginx", "--dry-run").flags["dry-run"]).toBe("unchanged");
    expect(ok("run", "x", "--image=nginx", "--dry-run=client").flags["dry-run"]).toBe("client");
  });

  it("fills defaults and reports only flags that were given", () => {
    const r = ok("delete", "pod", "x");
    expect(r.flags["grace-period"]).toBe(-1);
    expect(r.flags.wait).toBe(true);
    expect(r.flags.timeout).toBe(0);
    expect(r.flagsSet.size).toBe(0);
  });

  it("parses durations to milliseconds and ints with Go's base prefixes", () => {
    expect(ok("delete", "pod", "x", "--timeout=1m30s").flags.timeout).toBe(90000);
    expect(ok("delete", "pod", "x", "--grace-period=0x10").flags["grace-period"]).toBe(16);
  });

  it("normalizes underscores in long flag names", () => {
    expect(ok("get", "pods", "--all_namespaces").flags["all-namespaces"]).toBe(true);
  });

  it("keeps a lone dash as a positional arg", () => {
    expect(ok("apply", "-f", "-").flags.filename).toEqual(["-"]);
  });

  it("reports deprecated flags as warnings", () => {
    expect(ok("run", "x", "--image=nginx", "--force").warnings).toBe(
      "Flag --force has been deprecated, because it is not used by this command. It will be removed in version 1.29.\n",
    );
  });

  it("prints help to stdout for -h, --help, help and bare kubectl", () => {
    for (const argv of [
      ["get", "-h"],
      ["get", "--help"],
      ["help", "get"],
    ]) {
      const r = parseKubectl(argv);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.exitCode).toBe(0);
        expect(r.stdout.startsWith("Display one or many resources.\n")).toBe(true);
      }
    }
    const bare = parseKubectl([]);
    expect(!bare.ok && bare.stdout.startsWith("kubectl controls the Kubernetes cluster manager.\n")).toBe(
      true,
    );
  });

  it("shows help even when required flags are missing", () => {
    const r = parseKubectl(["run", "--help"]);
    expect(
      !r.ok && r.exitCode === 0 && r.stdout.startsWith("Create and run a particular image in a pod."),
    ).toBe(true);
  });
});
