import { describe, expect, it } from "vitest";
import { lab } from "../network/support.ts";

// Images bring their own files: every container starts from a private copy of its image's.
describe("image files in a container's root filesystem", () => {
  const { run } = lab();
  run("kubectl run web --image=nginx");
  run("kubectl run web2 --image=nginx");
  run("kubectl run bb --image=busybox -- sleep 3600");
  run("kubectl run apache --image=httpd");
  run("kubectl run cache --image=redis");
  run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
  name: site
data:
  default.conf: |
    server { listen 80; }
---
apiVersion: v1
kind: Pod
metadata:
  name: custom
spec:
  volumes:
  - name: site
    configMap:
      name: site
  containers:
  - name: nginx
    image: nginx
    volumeMounts:
    - name: site
      mountPath: /etc/nginx/conf.d/default.conf
      subPath: default.conf
EOF`);
  run("sleep 30");

  it("lists nginx's configuration directory", () => {
    expect(run("kubectl exec web -- ls /etc/nginx").stdout).toBe("conf.d\nnginx.conf\n");
  });

  it("ships the packaged nginx.conf, which starts with an empty line", () => {
    const conf = run("kubectl exec web -- cat /etc/nginx/nginx.conf").stdout;
    expect(conf.split("\n").slice(0, 3)).toEqual(["", "user  nginx;", "worker_processes  auto;"]);
    expect(conf).toContain("    include /etc/nginx/conf.d/*.conf;\n}\n");
  });

  it("has default.conf with the IPv6 listen line the entrypoint added", () => {
    const conf = run("kubectl exec web -- cat /etc/nginx/conf.d/default.conf").stdout;
    expect(
      conf.startsWith("server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n"),
    ).toBe(true);
    expect(conf).toContain("        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n");
  });

  it("lists the document root with the package's sizes and dates", () => {
    expect(run("kubectl exec web -- ls -l /usr/share/nginx/html").stdout).toBe(
      [
        "total 8",
        "-rw-r--r-- 1 root root 497 Feb  5  2025 50x.html",
        "-rw-r--r-- 1 root root 615 Feb  5  2025 index.html",
        "",
      ].join("\n"),
    );
  });

  it("reads Debian 12 from /etc/os-release through its symlink", () => {
    expect(run("kubectl exec web -- readlink /etc/os-release").stdout).toBe("../usr/lib/os-release\n");
    expect(run("kubectl exec web -- cat /etc/os-release").stdout).toMatch(
      /^PRETTY_NAME="Debian GNU\/Linux 12 \(bookworm\)"\n[\s\S]*VERSION_CODENAME=bookworm\nID=debian\n/,
    );
  });

  it("lists the nginx user last in /etc/passwd", () => {
    const passwd = run("kubectl exec web -- cat /etc/passwd").stdout.trimEnd().split("\n");
    expect(passwd[0]).toBe("root:x:0:0:root:/root:/bin/bash");
    expect(passwd.at(-1)).toBe("nginx:x:101:101:nginx user:/nonexistent:/bin/false");
  });

  it("links nginx's log files to the container's stdout and stderr", () => {
    expect(
      run("kubectl exec web -- readlink /var/log/nginx/access.log /var/log/nginx/error.log").stdout,
    ).toBe("/dev/stdout\n/dev/stderr\n");
  });

  it("keeps a file changed in one container out of another container of the same image", () => {
    run("kubectl exec web -- sh -c 'echo changed > /usr/share/nginx/html/index.html'");
    expect(run("kubectl exec web2 -- cat /usr/share/nginx/html/index.html").stdout).toContain(
      "<title>Welcome to nginx!</title>",
    );
  });

  it("ships busybox's passwd and group, and no /etc/hostname of its own", () => {
    expect(run("kubectl exec bb -- cat /etc/passwd").stdout.split("\n")[7]).toBe(
      "operator:x:37:37:Operator:/var:/bin/false",
    );
    expect(run("kubectl exec bb -- grep wheel /etc/group").stdout).toBe("wheel:x:10:root\n");
    expect(run("kubectl exec bb -- cat /etc/hostname").stdout).toBe("bb\n");
  });

  it("ships httpd's It works! page", () => {
    expect(run("kubectl exec apache -- cat /usr/local/apache2/htdocs/index.html").stdout).toBe(
      "<html><body><h1>It works!</h1></body></html>\n",
    );
  });

  it("gives redis its user and its /data working directory", () => {
    expect(run("kubectl exec cache -- grep redis /etc/passwd").stdout).toBe(
      "redis:x:999:999::/home/redis:/bin/sh\n",
    );
    expect(run("kubectl exec cache -- ls /").stdout.split("\n")).toContain("data");
  });

  it("leaves a read-only mounted default.conf alone and says so in the log", () => {
    const logs = run("kubectl logs custom").stdout.split("\n");
    expect(logs[3]).toBe(
      "10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)",
    );
    expect(run("kubectl exec custom -- cat /etc/nginx/conf.d/default.conf").stdout).toBe(
      "server { listen 80; }\n",
    );
  });
});
