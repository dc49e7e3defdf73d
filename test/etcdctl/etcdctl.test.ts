import { describe, expect, it } from "vitest";
import { storedValueBytes } from "../../sandbox/etcd/stored-value.ts";
import { expectGolden } from "../support/golden.ts";
import { run, seeded } from "./support.ts";

describe("etcdctl get", () => {
  it("lists keys each followed by an empty line", () => {
    expect(run(seeded(), ["get", "/registry/", "--prefix", "--keys-only"]).stdout).toBe(
      "/registry/minions/node01\n\n/registry/namespaces/default\n\n/registry/pods/default/web\n\n",
    );
  });
  it("prints a protobuf value with k8s, apiVersion, kind and readable strings", () => {
    const out = run(seeded(), ["get", "/registry/namespaces/default"]).stdout;
    expect(out.startsWith("/registry/namespaces/default\nk8s\x00\n\x0f\n\x02v1\x12\tNamespace")).toBe(true);
    expect(out).toContain("kubernetes.io/metadata.name");
  });
  it("prints base64 values starting azhzAA in json", () => {
    expectGolden(
      "etcdctl/get-namespace-json.txt",
      run(seeded(), ["get", "/registry/namespaces/default", "-w", "json"]).stdout,
    );
  });
  it("starts a Namespace value as FIDELITY §6 says", () => {
    const out = run(seeded(), ["get", "/registry/namespaces/default", "-w", "json"]).stdout;
    expect(out).toContain('"value":"azhzAAoPCgJ2MRIJTmFtZXNwYWNl');
  });
  it("quotes values like Go in fields output", () => {
    expectGolden(
      "etcdctl/get-pod-fields.txt",
      run(seeded(), ["get", "/registry/pods/default/web", "-w", "fields"]).stdout,
    );
  });
  it("honours --limit and reports more and count", () => {
    expect(
      run(seeded(), ["get", "/registry", "--prefix", "--keys-only", "--limit", "1", "-w", "json"]).stdout,
    ).toMatch(/"more":true,"count":3}\n$/);
  });
  it("counts keys with --count-only in fields output", () => {
    expect(run(seeded(), ["get", "/registry", "--prefix", "--count-only", "-w", "fields"]).stdout).toContain(
      '"Count" : 3\n',
    );
  });
  it("reads an older revision with --rev", () => {
    const etcd = seeded();
    run(etcd, ["del", "/registry/pods/default/web"]);
    expect(run(etcd, ["get", "/registry/pods", "--prefix", "--keys-only", "--rev", "4"]).stdout).toBe(
      "/registry/pods/default/web\n\n",
    );
  });
  it("rejects --print-value-only outside simple output", () => {
    const r = run(seeded(), ["get", "x", "--print-value-only", "-w", "json"]);
    expect([r.stderr, r.exitCode]).toEqual([
      "Error: print-value-only is only for `--write-out=simple`\n",
      128,
    ]);
  });
  it("prints range_end keys half-open", () => {
    expect(run(seeded(), ["get", "/registry/m", "/registry/o", "--keys-only"]).stdout).toBe(
      "/registry/minions/node01\n\n/registry/namespaces/default\n\n",
    );
  });
});

describe("etcdctl put and del", () => {
  it("prints OK for put and the count for del", () => {
    const etcd = seeded();
    expect(run(etcd, ["put", "/demo", "hello"]).stdout).toBe("OK\n");
    expect(run(etcd, ["get", "/demo", "--print-value-only"]).stdout).toBe("hello\n");
    expect(run(etcd, ["del", "/demo"]).stdout).toBe("1\n");
  });
});

describe("etcdctl watch", () => {
  it("prints PUT and DELETE events, then stops after 30 s of quiet", () => {
    const etcd = seeded();
    let step = 0;
    const r = run(etcd, ["watch", "/demo", "--prefix"], {
      onWait: () => {
        step++;
        if (step === 2) etcd.put("/demo/a", "1");
        if (step === 5) etcd.delete("/demo/a");
      },
    });
    expect(r.stdout).toBe("PUT\n/demo/a\n1\nDELETE\n/demo/a\n\n");
    expect(r.waited).toBe(35_000);
  });
});

describe("etcdctl cluster commands", () => {
  it("lists the single kubeadm member", () => {
    expect(run(seeded(), ["member", "list"]).stdout).toBe(
      "8e9e05c52164694d, started, controlplane, https://172.30.1.2:2380, https://172.30.1.2:2379, false\n",
    );
  });
  it("draws member list as a table", () => {
    expectGolden("etcdctl/member-list-table.txt", run(seeded(), ["member", "list", "-w", "table"]).stdout);
  });
  it("reports endpoint health", () => {
    expect(run(seeded(), ["endpoint", "health", "--endpoints=https://127.0.0.1:2379"]).stdout).toMatch(
      /^https:\/\/127\.0\.0\.1:2379 is healthy: successfully committed proposal: took = [\d.]+(ms|µs)\n$/,
    );
  });
  it("draws endpoint status as a table", () => {
    expectGolden(
      "etcdctl/endpoint-status-table.txt",
      run(seeded(), ["endpoint", "status", "-w", "table"]).stdout,
    );
  });
  it("prints its version", () => {
    expect(run(seeded(), ["version"]).stdout).toBe("etcdctl version: 3.5.16\nAPI version: 3.5\n");
  });
});

describe("etcdctl errors", () => {
  it("times out after 5 s without the kubeadm certificates", () => {
    const r = run(seeded(), ["get", "/registry/pods", "--prefix"], { tls: false });
    expect(r.waited).toBe(5000);
    expectGolden("etcdctl/no-certs.txt", r.stderr);
  });
  it("names an unknown command", () => {
    const r = run(seeded(), ["foo"]);
    expect([r.stderr, r.exitCode]).toEqual([
      `Error: unknown command "foo" for "etcdctl"\nRun 'etcdctl --help' for usage.\n`,
      1,
    ]);
  });
  it("reports a bad flag value", () => {
    expect(run(seeded(), ["get", "a", "--limit", "x"]).stderr).toBe(
      `Error: invalid argument "x" for "--limit" flag: strconv.ParseInt: parsing "x": invalid syntax\n`,
    );
  });
  it("rejects an unsupported ETCDCTL_API", () => {
    expect(run(seeded(), ["get", "a"], { env: { ETCDCTL_API: "4" } }).stderr).toBe(
      "unsupported API version 4\n",
    );
  });
  it("refuses a flag that an ETCDCTL_ variable also sets", () => {
    expect(
      run(seeded(), ["get", "a"], { env: { ETCDCTL_CACERT: "/etc/kubernetes/pki/etcd/ca.crt" } }).stderr,
    ).toContain('conflicting environment variable "ETCDCTL_CACERT"');
  });
});

describe("stored values", () => {
  it("stores custom resources as JSON", () => {
    const bytes = storedValueBytes({
      apiVersion: "stable.example.com/v1",
      kind: "CronTab",
      metadata: { name: "x" },
    });
    expect(new TextDecoder().decode(bytes)).toBe(
      '{"apiVersion":"stable.example.com/v1","kind":"CronTab","metadata":{"name":"x"}}\n',
    );
  });
});
