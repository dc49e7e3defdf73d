import { describe, expect, it } from "vitest";
import { LogBuffer } from "../../sandbox/node/log-buffer.ts";

// A container log kept in columns must read back exactly as the lines were written.
describe("a container's log buffer", () => {
  const lease = (time: number, subnet: string) => `${time} lease ${subnet}`;
  const other = (time: number, arg: string) => `other ${arg} at ${time}`;

  it("reads back plain and formatted lines in order, with their streams and times", () => {
    const log = new LogBuffer();
    expect(log.lines()).toEqual([]);
    log.push(1, "stdout", "a");
    log.pushFormatted(2, "stderr", lease, "10.244.1.0/24");
    log.push(3, "stderr", "b");
    log.pushFormatted(4, "stdout", other, "x");
    log.pushFormatted(5, "stderr", lease, "10.244.2.0/24");
    expect(log.length).toBe(5);
    expect(log.lines()).toEqual([
      { time: 1, stream: "stdout", text: "a" },
      { time: 2, stream: "stderr", text: "2 lease 10.244.1.0/24" },
      { time: 3, stream: "stderr", text: "b" },
      { time: 4, stream: "stdout", text: "other x at 4" },
      { time: 5, stream: "stderr", text: "5 lease 10.244.2.0/24" },
    ]);
  });

  it("drops the oldest lines beyond the limit and hands out copies", () => {
    const log = new LogBuffer();
    for (let i = 0; i < 6; i++) {
      if (i % 2) log.pushFormatted(i, "stderr", lease, `s${i}`);
      else log.push(i, "stdout", `p${i}`);
    }
    log.trim(3);
    const lines = log.lines();
    expect(lines.map((l) => l.text)).toEqual(["3 lease s3", "p4", "5 lease s5"]);
    lines[0].text = "changed";
    expect(log.lines()[0].text).toBe("3 lease s3");
    expect(new LogBuffer().length).toBe(0);
  });
});
