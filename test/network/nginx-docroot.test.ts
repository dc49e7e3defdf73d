import { describe, expect, it } from "vitest";
import { NGINX_WELCOME } from "../../sandbox/images/nginx.ts";
import { lab } from "./support.ts";

// nginx serves /usr/share/nginx/html from its container's own filesystem, so a page a sidecar writes into
// a shared emptyDir mounted there is served like any packaged file.
describe("nginx serving its document root", () => {
  const { run } = lab();
  run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: duo
spec:
  volumes:
  - name: shared
    emptyDir: {}
  containers:
  - name: app
    image: nginx
    volumeMounts:
    - name: shared
      mountPath: /usr/share/nginx/html/shared
  - name: sidecar
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - name: shared
      mountPath: /data
EOF`);
  run("sleep 30");
  const side = (cmd: string) => run(`kubectl exec duo -c sidecar -- ${cmd}`);
  const curl = (args: string) => run(`kubectl exec duo -c app -- curl ${args}`);
  const head = (path: string) => curl(`-sI http://localhost${path}`).stdout.replace(/^Date: .*\r\n/m, "");

  it("serves the welcome page for / as before", () => {
    expect(side("wget -qO- http://localhost/").stdout).toBe(NGINX_WELCOME);
    expect(head("/")).toBe(
      [
        "HTTP/1.1 200 OK",
        "Server: nginx/1.27.4",
        "Content-Type: text/html",
        "Content-Length: 615",
        "Last-Modified: Wed, 05 Feb 2025 11:06:32 GMT",
        "Connection: keep-alive",
        'ETag: "67a34638-267"',
        "Accept-Ranges: bytes",
        "",
        "",
      ].join("\r\n"),
    );
  });

  it("serves a page the sidecar wrote into the shared emptyDir", () => {
    side("sh -c 'echo \"<h1>hello from the sidecar</h1>\" > /data/hello.html'");
    expect(side("wget -qO- http://localhost/shared/hello.html").stdout).toBe(
      "<h1>hello from the sidecar</h1>\n",
    );
  });

  it("derives Last-Modified and ETag from the file's mtime and size", () => {
    side("sh -c 'echo 12345 > /data/etag.html'");
    const res = curl("-sI http://localhost/shared/etag.html").stdout;
    const date = Date.parse(/Date: (.*)\r\n/.exec(res)?.[1] ?? "") / 1000;
    const modified = Date.parse(/Last-Modified: (.*)\r\n/.exec(res)?.[1] ?? "") / 1000;
    // Written a moment before the request, in virtual time.
    expect(date - modified).toBeGreaterThanOrEqual(0);
    expect(date - modified).toBeLessThan(5);
    expect(res).toContain("Content-Length: 6\r\n");
    expect(res).toContain(`ETag: "${modified.toString(16)}-6"\r\n`);
  });

  it("picks the Content-Type from the extension as mime.types does", () => {
    side("sh -c 'echo hi > /data/a.txt; echo {} > /data/a.json; echo x > /data/a.bin; echo y > /data/noext'");
    const type = (p: string) => /Content-Type: (.*)\r\n/.exec(head(p))?.[1];
    expect([
      type("/shared/a.txt"),
      type("/shared/a.json"),
      type("/shared/a.bin"),
      type("/shared/noext"),
    ]).toEqual(["text/plain", "application/json", "application/octet-stream", "application/octet-stream"]);
  });

  it("answers a directory without an index file with 403", () => {
    side("mkdir /data/empty");
    expect(curl("-s -o /dev/null -w %{http_code} http://localhost/shared/empty/").stdout).toBe("403");
  });

  it("serves index.html for a directory that has one", () => {
    side("sh -c 'mkdir /data/site; echo home > /data/site/index.html'");
    expect(side("wget -qO- http://localhost/shared/site/").stdout).toBe("home\n");
  });

  it("redirects a directory named without its slash", () => {
    expect(head("/shared")).toContain("HTTP/1.1 301 Moved Permanently\r\n");
    expect(head("/shared")).toContain("Content-Length: 169\r\nLocation: http://localhost/shared/\r\n");
  });

  it("answers a missing file with nginx's 153-byte 404 page", () => {
    expect(side("wget -qO- http://localhost/shared/missing.html")).toEqual({
      stdout: "",
      stderr: "wget: server returned error: HTTP/1.1 404 Not Found\ncommand terminated with exit code 1\n",
      exitCode: 1,
    });
    expect(head("/shared/missing.html")).toContain("Content-Length: 153\r\n");
  });

  it("logs each request with the bytes of the body it sent (none for HEAD)", () => {
    side("wget -qO- http://localhost/shared/hello.html");
    head("/shared/hello.html");
    const lines = run("kubectl logs duo -c app").stdout.trimEnd().split("\n").slice(-2);
    expect(lines[0]).toMatch(
      /^127\.0\.0\.1 - - \[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\] "GET \/shared\/hello\.html HTTP\/1\.1" 200 32 "-" "Wget" "-"$/,
    );
    expect(lines[1]).toMatch(/"HEAD \/shared\/hello\.html HTTP\/1\.1" 200 0 "-" "curl\/7\.88\.1" "-"$/);
  });
});

describe("httpd serving its htdocs", () => {
  const { run } = lab();
  run("kubectl run apache --image=httpd");
  run("kubectl run client --image=busybox -- sleep 3600");
  run("sleep 30");
  const ip = () => run("kubectl get pod apache -o jsonpath={.status.podIP}").stdout;

  it("serves It works! for / as before", () => {
    expect(run(`kubectl exec client -- wget -qO- http://${ip()}/`).stdout).toBe(
      "<html><body><h1>It works!</h1></body></html>\n",
    );
  });

  it("serves a file written into htdocs", () => {
    run("kubectl exec apache -- sh -c 'echo fresh > /usr/local/apache2/htdocs/new.txt'");
    expect(run(`kubectl exec client -- wget -qO- http://${ip()}/new.txt`).stdout).toBe("fresh\n");
  });
});
