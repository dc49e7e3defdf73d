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

  it("keeps each line's stream and format when lines of one kind come in runs and the oldest are dropped", () => {
    const log = new LogBuffer();
    const kinds = [0, 0, 0, 1, 1, 2, 2, 2, 0, 3, 3, 0];
    // Lines in bursts of one instant that cut across runs of one kind.
    const at = (i: number) => 10 * Math.floor(i / 4);
    kinds.forEach((k, i) => {
      if (k < 2) log.push(at(i), k === 1 ? "stderr" : "stdout", `p${i}`);
      else log.pushFormatted(at(i), k === 3 ? "stderr" : "stdout", k === 2 ? lease : other, `s${i}`);
    });
    const all = log.lines();
    expect(all.map((l) => `${l.time} ${l.stream} ${l.text}`)).toEqual([
      "0 stdout p0",
      "0 stdout p1",
      "0 stdout p2",
      "0 stderr p3",
      "10 stderr p4",
      "10 stdout 10 lease s5",
      "10 stdout 10 lease s6",
      "10 stdout 10 lease s7",
      "20 stdout p8",
      "20 stderr other s9 at 20",
      "20 stderr other s10 at 20",
      "20 stdout p11",
    ]);
    for (const keep of [11, 9, 7, 6, 4, 1, 0]) {
      log.trim(keep);
      expect(log.lines()).toEqual(all.slice(all.length - keep));
      log.push(20, "stderr", `q${keep}`);
      all.push({ time: 20, stream: "stderr", text: `q${keep}` });
    }
  });
});
