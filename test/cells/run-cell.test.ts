import { transform } from "esbuild";
import { describe, expect, it } from "vitest";
import type { CellCluster, CellStream } from "../../sandbox/cells/index.ts";
import { CELL_HEADER_LINES, rewriteCellImports, runCell } from "../../sandbox/cells/index.ts";

// A stand-in with the front door's shape: its shell echoes, `false` fails, time is a counter.
function standIn() {
  const state = { now: 0, lines: [] as string[] };
  const cluster: CellCluster = {
    shell: () => ({
      run(line, onOutput) {
        state.lines.push(line);
        if (line === "false") {
          onOutput?.("stderr", "error: false\n");
          return { stdout: "", stderr: "error: false\n", exitCode: 1 };
        }
        onOutput?.("stdout", `${line}\n`);
        return { stdout: `${line}\n`, stderr: "", exitCode: 0 };
      },
    }),
    advance: (ms) => {
      state.now += ms;
    },
    api: {
      get: (plural, namespace, name) => ({ kind: plural, metadata: { name, namespace } }),
      list: () => ({ items: [] }),
      create: (_plural, input) => input,
      delete: (_plural, namespace, name) => ({ metadata: { name, namespace } }),
      watch: () => () => {},
    },
  };
  return { cluster, state };
}

async function run(ts: string, cluster = standIn().cluster) {
  const out: [CellStream, string][] = [];
  const { code } = await transform(ts, { loader: "ts", format: "esm", target: "es2022" });
  await runCell(code, { cluster, write: (stream, text) => out.push([stream, text]) });
  return out;
}

describe("rewriteCellImports", () => {
  it("binds named imports of kubenotes to the API object", () => {
    expect(rewriteCellImports('import { $, api as k } from "kubenotes";\n$;', "A")).toBe(
      "const { $, api: k } = A;\n$;",
    );
  });

  it("binds namespace imports to the whole API object", () => {
    expect(rewriteCellImports('import * as kn from "kubenotes";', "A")).toBe("const kn = A;");
  });

  it("keeps the line count of a multi-line import", () => {
    const js = 'import {\n  $,\n  print\n} from "kubenotes";\nx;';
    expect(rewriteCellImports(js, "A").split("\n")).toHaveLength(js.split("\n").length);
  });

  it("refuses imports from other modules", () => {
    expect(() => rewriteCellImports('import fs from "node:fs";', "A")).toThrow(
      'a cell can only import from "kubenotes", not "node:fs"',
    );
  });
});

describe("runCell", () => {
  it("streams a $ line's output and resolves to its result", async () => {
    const out = await run(
      'import { $, print } from "kubenotes";\nconst r = await $`kubectl get pods`;\nprint(r.exitCode);',
    );
    expect(out).toEqual([
      ["stdout", "kubectl get pods\n"],
      ["stdout", "0\n"],
    ]);
  });

  it("does not throw when a line exits non-zero", async () => {
    const out = await run(
      'import { $, print } from "kubenotes";\nconst r = await $`false`;\nprint(r.exitCode);',
    );
    expect(out).toEqual([
      ["stderr", "error: false\n"],
      ["stdout", "1\n"],
    ]);
  });

  it("routes console.log to stdout and console.error to stderr", async () => {
    expect(await run('console.log("a", 1);\nconsole.error("b");')).toEqual([
      ["stdout", "a 1\n"],
      ["stderr", "b\n"],
    ]);
  });

  it("prints objects as YAML", async () => {
    expect(
      await run('import { print } from "kubenotes";\nprint({ kind: "Pod", metadata: { name: "web" } });'),
    ).toEqual([["stdout", "kind: Pod\nmetadata:\n  name: web\n"]]);
  });

  it("advances virtual time with sleep", async () => {
    const { cluster, state } = standIn();
    await run('import { sleep } from "kubenotes";\nawait sleep(1.5);', cluster);
    expect(state.now).toBe(1500);
  });

  it("looks up kinds and defaults the namespace", async () => {
    const out = await run(
      'import { api, print } from "kubenotes";\nconst p = await api.get("po", "web");\nprint(p.kind, p.metadata.namespace);',
    );
    expect(out).toEqual([["stdout", "pods default\n"]]);
  });

  it("draws diagrams through the cluster's renderer, split into view and object", async () => {
    const { cluster } = standIn();
    cluster.diagram = (args) => ({ stdout: `[${args.join("|")}]\n`, stderr: "", exitCode: 0 });
    const out = await run('import { diagram } from "kubenotes";\ndiagram("pod default/web");', cluster);
    expect(out).toEqual([["stdout", "[pod|default/web]\n"]]);
  });

  it("says so when the sandbox has no diagram renderer", async () => {
    const out = await run('import { diagram } from "kubenotes";\ndiagram();');
    expect(out).toEqual([["stdout", "(diagram() is not available in this version of the sandbox)\n"]]);
  });

  it("rejects with the cell's error, its stack line counted from the function header", async () => {
    const error = await run("const a = 1;\nnull.x;").catch((e: Error) => e);
    expect(error).toBeInstanceOf(TypeError);
    const line = Number(/<anonymous>:(\d+):\d+/.exec((error as Error).stack ?? "")?.[1]);
    expect(line - CELL_HEADER_LINES).toBe(2);
  });
});
