// The Node terminal entry: `npm run shell` (interactive) and `npm run --silent shell -- --json` (script mode).
// The one file in sandbox/ allowed to use Node built-ins.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { createCluster } from "./index.ts";

interface Options {
  json: boolean;
  preset: string;
  seed: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { json: false, preset: "default", seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") o.json = true;
    else if (a === "--preset") o.preset = argv[++i] ?? "";
    else if (a.startsWith("--preset=")) o.preset = a.slice(9);
    else if (a === "--seed") o.seed = Number(argv[++i]);
    else if (a === "--help" || a === "-h") {
      process.stdout.write(
        "usage: npm run shell -- [--json] [--preset NAME] [--seed N]\n  --json     read a script on stdin, print one JSON object per command\n  --preset   default | no-cni | single-node | workers-N\n",
      );
      process.exit(0);
    } else {
      process.stderr.write(`shell: unknown option ${a}\n`);
      process.exit(2);
    }
  }
  return o;
}

function runJson(o: Options): void {
  const cluster = createCluster({ preset: o.preset, seed: o.seed });
  const shell = cluster.shell();
  const script = readFileSync(0, "utf8");
  shell.runScript(script, (e) => {
    process.stdout.write(
      `${JSON.stringify({ command: e.command, stdout: e.stdout, stderr: e.stderr, exitCode: e.exitCode })}\n`,
    );
  });
}

async function runInteractive(o: Options): Promise<void> {
  const cluster = createCluster({ preset: o.preset, seed: o.seed });
  const shell = cluster.shell();
  // Piped input (`npm run shell < script`) runs like `bash < script`: no prompts, no echo, and virtual
  // time moves only with `sleep`, so the output is the same on every run.
  const tty = !!process.stdin.isTTY;
  shell.interactive = tty;
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: tty,
    historySize: 500,
    completer: (line: string): [string[], string] => [shell.complete(line), /\S*$/.exec(line)?.[0] ?? ""],
  });
  if (tty)
    process.stdout.write(
      "kubenotes shell: a kubeadm cluster (v1.32). Type help; exit on the control plane leaves.\n",
    );
  const prompt = (text: string) => {
    if (!tty) return;
    rl.setPrompt(text);
    rl.prompt();
  };
  // Virtual time follows real time between commands, as if the cluster kept running while you typed.
  let last = performance.now();
  let heredoc: { end: string; lines: string[] } | undefined;
  prompt(shell.prompt());
  // The async iterator buffers lines typed ahead while a command runs, so none are lost.
  for await (const line of rl) {
    if (heredoc) {
      heredoc.lines.push(line);
      if (line !== heredoc.end) {
        prompt("> ");
        continue;
      }
    } else {
      const m = /<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(line);
      if (m) {
        heredoc = { end: m[2], lines: [line] };
        prompt("> ");
        continue;
      }
    }
    const text = heredoc ? heredoc.lines.join("\n") : line;
    heredoc = undefined;
    const now = performance.now();
    if (tty) cluster.advance(now - last);
    // As bash's `exit N`: the status is N (mod 256), else that of the last command.
    const exit = shell.exitStatus(text);
    if (exit !== undefined) {
      process.exitCode = exit;
      break;
    }
    shell.run(text, (stream: "stdout" | "stderr", chunk: string) =>
      (stream === "stdout" ? process.stdout : process.stderr).write(chunk),
    );
    last = performance.now();
    prompt(shell.prompt());
  }
  rl.close();
  // `bash < script` ends with the status of its last command.
  if (!tty && process.exitCode === undefined) process.exitCode = shell.lastExitCode;
}

const opts = parseArgs(process.argv.slice(2));
if (opts.json) runJson(opts);
else await runInteractive(opts);
