import { describe, expect, it } from "vitest";
import { createCluster } from "../../sandbox/cluster/cluster.ts";
import { runKubectl } from "../../sandbox/kubectl/index.ts";
import { expectGolden } from "../support/golden.ts";
import { type Harness, makeHarness } from "./harness.ts";

// The admin kubeconfig kubeadm writes (placeholder key data), copied to ~/.kube/config.
const ADMIN_CONF = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==
    server: https://172.30.1.2:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: Y2VydA==
    client-key-data: a2V5
`;

function withConfig(): Harness {
  const h = makeHarness();
  h.files.set("/root/.kube/config", ADMIN_CONF);
  return h;
}

describe("kubectl config view", () => {
  it("prints the kubeconfig with certificate data omitted", () => {
    const r = withConfig().kubectl("config view");
    expect(r.exitCode).toBe(0);
    expectGolden("kubectl/config-view.txt", r.stdout);
  });

  it("prints the raw data with --raw", () => {
    const r = withConfig().kubectl("config view --raw");
    expect(r.stdout).toContain("    client-key-data: a2V5\n");
    expect(r.stdout).toContain("certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==\n");
  });

  it("redacts tokens and passwords as REDACTED", () => {
    const h = withConfig();
    h.files.set(
      "/tmp/t.conf",
      "users:\n- name: bob\n  user:\n    token: abc\n    password: pw\n    username: bob\n",
    );
    expect(h.kubectl("config view --kubeconfig=/tmp/t.conf").stdout).toContain(
      "  user:\n    password: REDACTED\n    token: REDACTED\n    username: bob\n",
    );
  });

  it("prints an empty config when there is no kubeconfig file", () => {
    expect(makeHarness().kubectl("config view").stdout).toBe(
      'apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n',
    );
  });

  it("keeps only the current context's stanzas with --minify", () => {
    const h = withConfig();
    h.kubectl("config set-context other --cluster=elsewhere --user=someone");
    const out = h.kubectl("config view --minify").stdout;
    expect(out).not.toContain("other");
    expect(out).toContain("name: kubernetes-admin@kubernetes");
  });

  it("extracts values with -o jsonpath", () => {
    const r = withConfig().kubectl(["config", "view", "-o", "jsonpath={.clusters[0].cluster.server}"]);
    expect(r.stdout).toBe("https://172.30.1.2:6443");
  });

  it("fails for a --kubeconfig file that does not exist", () => {
    const r = withConfig().kubectl("config view --kubeconfig=/nope");
    expect(r).toEqual({ stdout: "", stderr: "error: stat /nope: no such file or directory\n", exitCode: 1 });
  });
});

describe("kubectl config current-context and get-*", () => {
  it("prints the current context", () => {
    expect(withConfig().kubectl("config current-context").stdout).toBe("kubernetes-admin@kubernetes\n");
  });

  it("fails when no current context is set", () => {
    expect(makeHarness().kubectl("config current-context").stderr).toBe(
      "error: current-context is not set\n",
    );
  });

  it("lists contexts with the current one starred", () => {
    const h = withConfig();
    h.kubectl("config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=dev");
    expectGolden("kubectl/config-get-contexts.txt", h.kubectl("config get-contexts").stdout);
  });

  it("prints only names with -o name", () => {
    expect(withConfig().kubectl("config get-contexts -o name").stdout).toBe("kubernetes-admin@kubernetes\n");
  });

  it("reports a context that is not there after the table", () => {
    const r = withConfig().kubectl("config get-contexts nope");
    expect(r.stdout).toBe("CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n");
    expect(r.stderr).toBe("error: context nope not found\n");
    expect(r.exitCode).toBe(1);
  });

  it("lists clusters and users", () => {
    const h = withConfig();
    expect(h.kubectl("config get-clusters").stdout).toBe("NAME\nkubernetes\n");
    expect(h.kubectl("config get-users").stdout).toBe("NAME\nkubernetes-admin\n");
  });
});

describe("kubectl config use-context", () => {
  it("switches the current context", () => {
    const h = withConfig();
    h.kubectl("config set-context dev --cluster=kubernetes --user=kubernetes-admin");
    expect(h.kubectl("config use-context dev").stdout).toBe('Switched to context "dev".\n');
    expect(h.kubectl("config current-context").stdout).toBe("dev\n");
  });

  it("refuses a context that does not exist", () => {
    expect(withConfig().kubectl("config use-context x")).toEqual({
      stdout: "",
      stderr: 'error: no context exists with the name: "x"\n',
      exitCode: 1,
    });
  });

  it("prints its help before the error when given no name", () => {
    const r = withConfig().kubectl("config use-context");
    expect(r.stdout).toMatch(/^Set the current-context in a kubeconfig file\.\n/);
    expect(r.stderr).toBe("error: Unexpected args: []\n");
  });
});

describe("kubectl config set-context", () => {
  it("modifies the current context's namespace", () => {
    const h = withConfig();
    expect(h.kubectl("config set-context --current --namespace=dev").stdout).toBe(
      'Context "kubernetes-admin@kubernetes" modified.\n',
    );
    expect(h.files.get("/root/.kube/config")).toContain("    namespace: dev\n");
  });

  it("makes the context's namespace the default of later commands", () => {
    const h = withConfig();
    h.kubectl("config set-context --current --namespace=dev");
    expect(h.kubectl("get pods").stderr).toBe("No resources found in dev namespace.\n");
    expect(h.kubectl("get pods -n default").stderr).toBe("No resources found in default namespace.\n");
  });

  it("creates a context that does not exist", () => {
    const h = withConfig();
    expect(h.kubectl("config set-context dev --namespace=dev").stdout).toBe('Context "dev" created.\n');
    expect(h.files.get("/root/.kube/config")).toContain(
      '- context:\n    cluster: ""\n    namespace: dev\n    user: ""\n  name: dev\n',
    );
  });

  it("does not take -n, which its own --namespace hides", () => {
    expect(withConfig().kubectl("config set-context --current -n dev").stderr).toBe(
      "error: unknown shorthand flag: 'n' in -n\nSee 'kubectl config set-context --help' for usage.\n",
    );
  });

  it("needs a name or --current", () => {
    expect(withConfig().kubectl("config set-context --namespace=x").stderr).toBe(
      "error: you must specify a non-empty context name or --current\n",
    );
  });

  it("uses the --context namespace for one command", () => {
    const h = withConfig();
    h.kubectl("config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=dev");
    expect(h.kubectl("get pods --context=dev").stderr).toBe("No resources found in dev namespace.\n");
  });

  it("fails for a --context that does not exist", () => {
    expect(withConfig().kubectl("get pods --context=nope").stderr).toBe(
      "error: invalid configuration: context was not found for specified context: nope\n",
    );
  });
});

describe("kubectl config delete-context and rename-context", () => {
  it("deletes a context", () => {
    const h = withConfig();
    h.kubectl("config set-context dev");
    expect(h.kubectl("config delete-context dev").stdout).toBe(
      "deleted context dev from /root/.kube/config\n",
    );
    expect(h.kubectl("config get-contexts -o name").stdout).toBe("kubernetes-admin@kubernetes\n");
  });

  it("warns when deleting the active context", () => {
    const r = withConfig().kubectl("config delete-context kubernetes-admin@kubernetes");
    expect(r.stderr).toBe(
      'warning: this removed your active context, use "kubectl config use-context" to select a different one\n',
    );
  });

  it("refuses to delete a context that is not there", () => {
    expect(withConfig().kubectl("config delete-context x").stderr).toBe(
      "error: cannot delete context x, not in /root/.kube/config\n",
    );
  });

  it("renames the current context and follows it", () => {
    const h = withConfig();
    expect(h.kubectl("config rename-context kubernetes-admin@kubernetes admin").stdout).toBe(
      'Context "kubernetes-admin@kubernetes" renamed to "admin".\n',
    );
    expect(h.kubectl("config current-context").stdout).toBe("admin\n");
  });
});

describe("kubeconfig files", () => {
  it("reads and writes the file $KUBECONFIG names", () => {
    const h = withConfig();
    h.files.set("/tmp/k", ADMIN_CONF);
    const ctx = { ...h.ctx(), env: { HOME: "/root", KUBECONFIG: "/tmp/k" } };
    runKubectl(ctx, ["config", "set-context", "--current", "--namespace=x"]);
    expect(h.files.get("/tmp/k")).toContain("namespace: x");
    expect(h.files.get("/root/.kube/config")).toBe(ADMIN_CONF);
  });

  it("keeps the namespace across commands of a cluster's shell, in ~/.kube/config", () => {
    const sh = createCluster().shell();
    sh.run("kubectl config set-context --current --namespace=kube-system");
    expect(sh.run("kubectl get pods -o name").stdout).toContain("pod/etcd-controlplane\n");
    expect(sh.run("grep namespace ~/.kube/config").stdout).toBe("    namespace: kube-system\n");
  });

  it("honours KUBECONFIG set in the shell", () => {
    const sh = createCluster().shell();
    sh.run("cp /etc/kubernetes/admin.conf /tmp/admin.conf");
    sh.run("export KUBECONFIG=/tmp/admin.conf");
    sh.run("kubectl config set-context --current --namespace=kube-public");
    expect(sh.run("kubectl get cm -o name").stdout).toContain("configmap/cluster-info\n");
    expect(sh.run("grep -c namespace /root/.kube/config").stdout).toBe("0\n");
  });
});
