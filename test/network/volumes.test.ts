import { describe, expect, it } from "vitest";
import type { ConfigMap, Pod } from "../../sandbox/api/types.ts";
import { lab } from "./support.ts";

function podYaml(name: string, image: string, mounts: string, volumes: string): string {
  return `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: ${image}
    command: ["sleep", "3600"]
    volumeMounts:
${mounts}
  volumes:
${volumes}
EOF`;
}

// The timestamped directory `..data` points at, read inside the container.
function dataDir(run: (l: string) => { stdout: string }, pod: string, dir: string): string {
  return run(`kubectl exec ${pod} -- readlink ${dir}/..data`).stdout.trim();
}

describe("configMap volumes", () => {
  const { cluster, run } = lab();
  run("kubectl create configmap app-config --from-literal=color=blue --from-literal=mode=fast");
  run(
    podYaml(
      "cfg",
      "busybox",
      "    - name: config\n      mountPath: /etc/config",
      "  - name: config\n    configMap:\n      name: app-config",
    ),
  );
  run(
    podYaml(
      "picked",
      "busybox",
      "    - name: config\n      mountPath: /etc/picked\n    - name: config\n      mountPath: /etc/mode\n      subPath: mode",
      // 288 and 256 are 0440 and 0400 (the model's YAML reader takes 0440 as decimal, unlike YAML 1.1).
      "  - name: config\n    configMap:\n      name: app-config\n      defaultMode: 288\n      items:\n      - key: color\n        path: colors/primary\n        mode: 256\n      - key: mode\n        path: mode",
    ),
  );
  run("sleep 20");

  it("writes each key as a file named after it", () => {
    expect(run("kubectl exec cfg -- cat /etc/config/color /etc/config/mode")).toEqual({
      stdout: "bluefast",
      stderr: "",
      exitCode: 0,
    });
  });

  it("lays the keys out behind ..data as the kubelet's atomic writer does", () => {
    const ts = dataDir(run, "cfg", "/etc/config");
    expect(ts).toMatch(/^\.\.2025_01_15_\d\d_\d\d_\d\d\.\d{1,10}$/);
    const time = / (\w{3} \d\d \d\d:\d\d) \.$/m.exec(
      run("kubectl exec cfg -- ls -la /etc/config").stdout,
    )?.[1];
    expect(run("kubectl exec cfg -- ls -la /etc/config").stdout).toBe(
      [
        "total 12",
        `drwxrwxrwx    3 root     root          4096 ${time} .`,
        `drwxr-xr-x    3 root     root          4096 ${time} ..`,
        `drwxr-xr-x    2 root     root          4096 ${time} ${ts}`,
        `lrwxrwxrwx    1 root     root    ${String(ts.length).padStart(10)} ${time} ..data -> ${ts}`,
        `lrwxrwxrwx    1 root     root            12 ${time} color -> ..data/color`,
        `lrwxrwxrwx    1 root     root            11 ${time} mode -> ..data/mode`,
        "",
      ].join("\n"),
    );
  });

  it("maps only the listed items, to their paths, with their modes", () => {
    expect(run("kubectl exec picked -- cat /etc/picked/colors/primary").stdout).toBe("blue");
    const ls = run("kubectl exec picked -- ls -l /etc/picked/..data/ /etc/picked/..data/colors").stdout;
    expect(ls).toMatch(/^drwxr-xr-x +2 root +root +4096 .* colors$/m);
    expect(ls).toMatch(/^-r--r----- +1 root +root +4 .* mode$/m);
    expect(ls).toMatch(/^-r-------- +1 root +root +4 .* primary$/m);
  });

  it("mounts a single key with subPath", () => {
    expect(run("kubectl exec picked -- cat /etc/mode").stdout).toBe("fast");
  });

  it("refuses a busybox sh redirection into the volume as Linux does", () => {
    expect(run("kubectl exec cfg -- sh -c 'echo x > /etc/config/x'")).toEqual({
      stdout: "",
      stderr: "sh: can't create /etc/config/x: Read-only file system\ncommand terminated with exit code 1\n",
      exitCode: 1,
    });
  });

  it("refuses touch, rm and mkdir inside the volume", () => {
    expect(run("kubectl exec cfg -- touch /etc/config/color").stderr).toBe(
      "touch: /etc/config/color: Read-only file system\ncommand terminated with exit code 1\n",
    );
    expect(run("kubectl exec cfg -- rm /etc/config/mode").stderr).toBe(
      "rm: can't remove '/etc/config/mode': Read-only file system\ncommand terminated with exit code 1\n",
    );
    expect(run("kubectl exec cfg -- mkdir /etc/config/d").stderr).toBe(
      "mkdir: can't create directory '/etc/config/d': Read-only file system\ncommand terminated with exit code 1\n",
    );
  });

  it("keeps the volume's files on the node under the pod's directory", () => {
    const pod = cluster.api.get<Pod>("pods", "default", "cfg");
    const dir = `/var/lib/kubelet/pods/${pod.metadata.uid}/volumes/kubernetes.io~configmap/config`;
    expect(run(`ssh ${pod.spec.nodeName} cat ${dir}/color`).stdout).toBe("blue");
  });
});

describe("configMap updates", () => {
  const { run } = lab();
  run("kubectl create configmap app-config --from-literal=color=blue");
  run(
    podYaml(
      "cfg",
      "busybox",
      "    - name: config\n      mountPath: /etc/config\n    - name: config\n      mountPath: /etc/color\n      subPath: color",
      "  - name: config\n    configMap:\n      name: app-config",
    ),
  );
  run("sleep 20");
  const before = dataDir(run, "cfg", "/etc/config");
  run(
    "kubectl create configmap app-config --from-literal=color=green --from-literal=size=xl --dry-run=client -o yaml | kubectl apply -f -",
  );

  it("keeps the old files until the kubelet's next pod sync", () => {
    run("sleep 5");
    expect(run("kubectl exec cfg -- cat /etc/config/color").stdout).toBe("blue");
  });

  it("shows the new data within the 60 s sync period, in a new timestamped directory", () => {
    run("sleep 60");
    expect(run("kubectl exec cfg -- cat /etc/config/color /etc/config/size").stdout).toBe("greenxl");
    const after = dataDir(run, "cfg", "/etc/config");
    expect(after).not.toBe(before);
    expect(run("kubectl exec cfg -- ls -a /etc/config").stdout).toBe(
      [".", "..", after, "..data", "color", "size", ""].join("\n"),
    );
  });

  it("never updates a subPath mount", () => {
    run("sleep 60");
    expect(run("kubectl exec cfg -- cat /etc/color").stdout).toBe("blue");
  });
});

describe("secret volumes", () => {
  const { run } = lab();
  run("kubectl create secret generic db --from-literal=password=s3cr3t");
  run(
    podYaml(
      "sec",
      "nginx",
      "    - name: creds\n      mountPath: /etc/creds\n    - name: scratch\n      mountPath: /scratch\n      readOnly: true",
      "  - name: creds\n    secret:\n      secretName: db\n  - name: scratch\n    emptyDir: {}",
    ),
  );
  run("sleep 30");

  it("writes each key decoded from base64", () => {
    expect(run("kubectl exec sec -- cat /etc/creds/password").stdout).toBe("s3cr3t");
  });

  it("shows the tmpfs root of a secret volume as sticky and world-writable", () => {
    const ls = run("kubectl exec sec -- ls -la /etc/creds").stdout.split("\n");
    expect(ls[0]).toBe("total 4");
    expect(ls[1]).toMatch(/^drwxrwxrwt 3 root root {2}100 .* \.$/);
    expect(ls[3]).toMatch(/^drwxr-xr-x 2 root root {3}60 .* \.\.2025_/);
  });

  it("words a coreutils touch in a read-only volume as GNU does", () => {
    expect(run("kubectl exec sec -- touch /etc/creds/x").stderr).toBe(
      "touch: cannot touch '/etc/creds/x': Read-only file system\ncommand terminated with exit code 1\n",
    );
  });

  it("enforces readOnly: true on an emptyDir mount", () => {
    expect(run("kubectl exec sec -- touch /scratch/x").stderr).toBe(
      "touch: cannot touch '/scratch/x': Read-only file system\ncommand terminated with exit code 1\n",
    );
  });
});

describe("a volume whose ConfigMap is missing", () => {
  const { cluster, run } = lab();
  const mount = "    - name: config\n      mountPath: /etc/config";
  run(podYaml("waiting", "busybox", mount, "  - name: config\n    configMap:\n      name: later"));
  run(
    podYaml(
      "relaxed",
      "busybox",
      mount,
      "  - name: config\n    configMap:\n      name: absent\n      optional: true",
    ),
  );
  run("sleep 20");

  it("keeps the pod in ContainerCreating", () => {
    expect(run("kubectl get pod waiting").stdout).toMatch(/^waiting +0\/1 +ContainerCreating +0 +20s$/m);
  });

  it("records FailedMount events with the kubelet's wording, retried with back-off", () => {
    expect(run("kubectl describe pod waiting").stdout).toContain(
      '  Warning  FailedMount  5s (x6 over 20s)  kubelet            MountVolume.SetUp failed for volume "config" : configmap "later" not found\n',
    );
  });

  it("starts a pod whose missing ConfigMap is optional, with an empty volume", () => {
    expect(run("kubectl get pod relaxed").stdout).toMatch(/Running/);
    expect(run("kubectl exec relaxed -- ls /etc/config")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
  });

  it("reports the volumes still unmounted once the 2m3s wait runs out", () => {
    run("sleep 110");
    const messages = cluster.api
      .list<{ message?: string; involvedObject: { name?: string } } & ConfigMap>("events", {
        namespace: "default",
      })
      .items.filter((e) => e.involvedObject.name === "waiting")
      .map((e) => e.message);
    expect(messages).toContain(
      "Unable to attach or mount volumes: unmounted volumes=[config], unattached volumes=[], failed to process volumes=[]: context deadline exceeded",
    );
  });

  it("starts the pod at the next retry after the ConfigMap appears", () => {
    run("kubectl create configmap later --from-literal=a=1");
    run("sleep 125");
    expect(run("kubectl get pod waiting").stdout).toMatch(/Running/);
    expect(run("kubectl exec waiting -- cat /etc/config/a").stdout).toBe("1");
  });
});

describe("the service-account token volume", () => {
  const { cluster, run } = lab();
  run("kubectl create namespace team");
  run("sleep 2");
  run("kubectl run web --image=nginx -n team");
  run("sleep 20");
  const dir = "/var/run/secrets/kubernetes.io/serviceaccount";

  it("lists ca.crt, namespace and token behind ..data", () => {
    const ls = run(`kubectl exec web -n team -- ls -la ${dir}`).stdout.split("\n");
    expect(ls.slice(5).map((l) => l.replace(/^.* (\S+ -> \S+)$/, "$1"))).toEqual([
      "ca.crt -> ..data/ca.crt",
      "namespace -> ..data/namespace",
      "token -> ..data/token",
      "",
    ]);
  });

  it("holds the pod's namespace", () => {
    expect(run(`kubectl exec web -n team -- cat ${dir}/namespace`).stdout).toBe("team");
  });

  it("holds the cluster CA from the kube-root-ca.crt ConfigMap", () => {
    const cm = cluster.api.get<ConfigMap>("configmaps", "team", "kube-root-ca.crt");
    expect(run(`kubectl exec web -n team -- cat ${dir}/ca.crt`).stdout).toBe(cm.data?.["ca.crt"]);
  });

  it("holds the same CA the control-plane node keeps in /etc/kubernetes/pki", () => {
    expect(run(`kubectl exec web -n team -- cat ${dir}/ca.crt`).stdout).toBe(
      run("ssh controlplane cat /etc/kubernetes/pki/ca.crt").stdout,
    );
  });

  it("holds a JWT naming the pod, its node and its service account", () => {
    const token = run(`kubectl exec web -n team -- cat ${dir}/token`).stdout;
    const [header, payload, sig] = token.split(".");
    const json = (s: string) => JSON.parse(atob(s.replace(/-/g, "+").replace(/_/g, "/")));
    expect(json(header).alg).toBe("RS256");
    expect(sig).toMatch(/^[A-Za-z0-9_-]{342}$/);
    const claims = json(payload);
    const pod = cluster.api.get<Pod>("pods", "team", "web");
    expect(claims.sub).toBe("system:serviceaccount:team:default");
    expect(claims.iss).toBe("https://kubernetes.default.svc.cluster.local");
    expect(claims["kubernetes.io"].pod).toEqual({ name: "web", uid: pod.metadata.uid });
    expect(claims["kubernetes.io"].node.name).toBe(pod.spec.nodeName);
    expect(claims["kubernetes.io"].warnafter - claims.iat).toBe(3607);
  });

  it("issues the same token on every run of the same cluster", () => {
    const again = lab();
    again.run("kubectl create namespace team");
    again.run("sleep 2");
    again.run("kubectl run web --image=nginx -n team");
    again.run("sleep 20");
    expect(again.run(`kubectl exec web -n team -- cat ${dir}/token`).stdout).toBe(
      run(`kubectl exec web -n team -- cat ${dir}/token`).stdout,
    );
  });
});
