import { describe, expect, it } from "vitest";
import { lab } from "./support.ts";

// A container's own command reaches the network with the same tools `kubectl exec` has.
describe("a busybox pod whose command loops over wget", () => {
  const { run } = lab();
  run("kubectl create deployment web --image=nginx");
  run("kubectl expose deployment web --port=80");
  run(`kubectl run client --image=busybox -- sh -c 'while true; do wget -qO- http://web; sleep 5; done'`);
  run("sleep 30");

  it("logs the page it fetched through the Service", () => {
    const logs = run("kubectl logs client").stdout;
    expect(logs).toContain("<title>Welcome to nginx!</title>");
  });

  it("fetches again on every turn of the loop", () => {
    const before = run("kubectl logs client").stdout.split("<title>Welcome to nginx!</title>").length;
    run("sleep 10");
    const after = run("kubectl logs client").stdout.split("<title>Welcome to nginx!</title>").length;
    expect(after - before).toBe(2);
  });

  it("logs wget's error for a name that does not resolve", () => {
    run(`kubectl run lost --image=busybox -- sh -c 'wget -qO- http://nowhere; sleep 3600'`);
    run("sleep 20");
    expect(run("kubectl logs lost").stdout).toBe("wget: bad address 'nowhere'\n");
  });
});
