// A tiny busybox-style sh and the few applets images run (sleep, echo, true, false, hostname, date, env).

import { type DateEnv, runDate, strftime } from "../shell/date.ts";
import { parseTailFollow } from "../shell/tail-follow.ts";
import { processEnv } from "./env.ts";
import { parseShell, type ShNode, ShSyntaxError, type Word } from "./shell-parse.ts";
import { startTailFollow } from "./tail-applet.ts";
import { type ImageTools, logToolOutput, runImageTool, startImageTool } from "./tools.ts";
import type { ImageContext } from "./types.ts";

/** Commands the modelled shell can run. */
export const SHELL_COMMANDS = [
  "sh",
  "ash",
  "bash",
  "sleep",
  "echo",
  "true",
  "false",
  "hostname",
  "date",
  "env",
  "printenv",
  "cp",
  "mkdir",
];

// A loop that never sleeps would spin forever in virtual time; after this many steps it yields 10 ms.
const STEPS_BEFORE_YIELD = 200;

// `$(date)` in a script: date(1)'s default format, in UTC.
const DATE_FORMAT = "%a %b %e %H:%M:%S %Z %Y";

/** Parse a sleep duration (`5`, `0.5`, `2m`, `1h`, `infinity`) into ms, or null if invalid. */
export function parseSleep(arg: string): number | null {
  if (arg === "infinity" || arg === "inf") return Number.POSITIVE_INFINITY;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return null;
  const unit = { "": 1000, s: 1000, m: 60000, h: 3600000, d: 86400000 }[m[2]] ?? 1000;
  return Math.round(Number(m[1]) * unit);
}

// What this shell runs itself; other commands and redirections go to the runtime's tools when it has them.
const OWN = new Set(["true", ":", "false", "echo", "hostname", "date", "env", "printenv"]);
const REDIRECT = /^(\d?(?:>>|>|<)(?:&\d)?)(.*)$/;

// Turn expanded words back into script text: each word quoted, redirection operators left bare.
function requote(words: string[]): string {
  const q = (w: string) => `'${w.replace(/'/g, "'\\''")}'`;
  return words
    .map((w) => {
      const m = REDIRECT.exec(w);
      return m ? m[1] + (m[2] ? q(m[2]) : "") : q(w);
    })
    .join(" ");
}

// date -r in the image's own shell reads the container's root filesystem.
function rootfsMtime(ctx: ImageContext): DateEnv["mtime"] {
  return (path) => {
    try {
      if (!ctx.rootfs) return { error: "No such file or directory" };
      return ctx.rootfs.lookup(path.startsWith("/") ? path : `/${path}`).mtimeMs;
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  };
}

/** Run one non-shell applet as the process `pid`, then call done(status). */
function applet(
  ctx: ImageContext,
  argv: string[],
  vars: Record<string, string>,
  done: (s: number) => void,
): boolean {
  const [cmd, ...args] = argv;
  switch (cmd) {
    case "true":
    case ":":
    case "cp":
    case "mkdir":
      done(0);
      return true;
    case "false":
      done(1);
      return true;
    case "echo": {
      const noNl = args[0] === "-n";
      ctx.log((noNl ? args.slice(1) : args).join(" "));
      done(0);
      return true;
    }
    case "hostname":
      ctx.log(ctx.hostname);
      done(0);
      return true;
    case "date": {
      const r = runDate(args, { now: ctx.now(), flavor: "busybox", mtime: rootfsMtime(ctx) });
      logToolOutput(ctx, r);
      done(r.exitCode);
      return true;
    }
    case "env":
    case "printenv": {
      // Only variables are printed, not the shell's specials ($?, $0).
      const names = Object.keys(vars).filter((k) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k));
      if (cmd === "printenv" && args.length) {
        const found = args.filter((a) => names.includes(a));
        for (const a of found) ctx.log(vars[a]);
        done(found.length === args.length ? 0 : 1);
        return true;
      }
      for (const k of names) ctx.log(`${k}=${vars[k]}`);
      done(0);
      return true;
    }
    case "sleep": {
      const ms = args.length === 0 ? null : parseSleep(args[0]);
      if (ms === null) {
        ctx.log(
          args.length === 0 ? "sleep: missing operand" : `sleep: invalid number '${args[0]}'`,
          "stderr",
        );
        done(1);
        return true;
      }
      if (ms !== Number.POSITIVE_INFINITY) ctx.schedule(ms, () => done(0));
      return true;
    }
    default:
      return false;
  }
}

/** Start a standalone applet as the container's main process (e.g. command `sleep 3600`). */
export function startApplet(ctx: ImageContext, argv: string[], tools?: ImageTools): boolean {
  if (argv[0] === "sh" || argv[0] === "ash" || argv[0] === "bash") {
    startShell(ctx, argv, tools);
    return true;
  }
  if (startImageTool(ctx, tools, argv)) return true;
  const pid = ctx.spawn([...argv]);
  const done = (s: number) => ctx.exitProcess(pid, s);
  if (startTailFollow(ctx, pid, argv, done)) return true;
  if (applet(ctx, [...argv], processEnv(ctx.env, ctx.hostname), done)) return true;
  // Other tools (wget, nslookup, nc, ...) run as they do under sh, and the container exits with them.
  if (!ctx.runScript) return false;
  const r = ctx.runScript("sh", requote(argv));
  logToolOutput(ctx, r);
  done(r.exitCode);
  return true;
}

/** Run `sh [-c script]` as the container's main process; `tools` are the image's own executables. */
export function startShell(ctx: ImageContext, argv: string[], tools?: ImageTools): void {
  const shName = argv[0];
  const shPid = ctx.spawn([...argv]);
  const finish = (code: number) => ctx.exitProcess(shPid, code);
  if (argv[1] !== "-c") {
    // With stdin open (`kubectl run -i`), sh waits for input; without, it reads EOF and exits at once.
    if (!ctx.stdinOpen) finish(0);
    return;
  }
  let tree: ShNode;
  try {
    tree = parseShell(argv[2] ?? "");
  } catch (e) {
    if (!(e instanceof ShSyntaxError)) throw e;
    ctx.log(e.message.replace(/^sh:/, `${shName}:`), "stderr");
    finish(2);
    return;
  }
  const vars: Record<string, string> = {
    ...processEnv(ctx.env, ctx.hostname),
    "?": "0",
    "0": shName,
  };
  let exited = false;
  let steps = 0;
  // The shell's directory; undefined is the image's WorkingDir, where the container started.
  let cwd: string | undefined;
  // cd runs as the container's own shell builtin (its words, its view of the mounts); the line after
  // what cd itself printed is where it went.
  const changeDir = (args: string[]): number => {
    const back = vars.OLDPWD === undefined ? "" : `OLDPWD=${requote([vars.OLDPWD])}; `;
    const r = ctx.runScript!(shName, `${back}${requote(["cd", ...args])} && echo "$PWD"`, cwd);
    if (r.stderr) ctx.log(r.stderr.replace(/\n$/, ""), "stderr");
    if (r.exitCode !== 0) return r.exitCode;
    const lines = r.stdout.replace(/\n$/, "").split("\n");
    const to = lines.pop() ?? "/";
    if (lines.length > 0) ctx.log(lines.join("\n"));
    if (vars.PWD !== undefined || cwd !== undefined) vars.OLDPWD = vars.PWD ?? cwd ?? "/";
    vars.PWD = to;
    cwd = to;
    return 0;
  };
  const expand = (w: Word): string =>
    w
      .map((part) => {
        if (part.t === "lit") return part.v;
        if (part.t === "var") return vars[part.v] ?? "";
        return part.v.trim() === "hostname"
          ? ctx.hostname
          : part.v.trim() === "date"
            ? strftime(DATE_FORMAT, ctx.now())
            : "";
      })
      .join("");
  // A single external command is exec'd in place of the shell, as busybox sh does for `sh -c "sleep 10"`.
  if (tree.t === "cmd" && ["sleep", "tail"].includes(expand(tree.words[0]))) {
    const args = tree.words.map(expand);
    if (args[0] === "sleep" || parseTailFollow(args)) {
      ctx.exec(shPid, args);
      if (!startTailFollow(ctx, shPid, args, finish)) applet(ctx, args, vars, finish);
      return;
    }
  }
  const run = (node: ShNode, k: (status: number) => void): void => {
    if (exited) return;
    if (++steps > STEPS_BEFORE_YIELD) {
      steps = 0;
      ctx.schedule(10, () => run(node, k));
      return;
    }
    const ret = (s: number) => {
      vars["?"] = String(s);
      k(s);
    };
    switch (node.t) {
      case "seq": {
        const next = (i: number, last: number): void =>
          i >= node.items.length ? ret(last) : run(node.items[i], (s) => next(i + 1, s));
        next(0, 0);
        return;
      }
      case "and":
        run(node.l, (s) => (s === 0 ? run(node.r, ret) : ret(s)));
        return;
      case "or":
        run(node.l, (s) => (s !== 0 ? run(node.r, ret) : ret(s)));
        return;
      case "if":
        run(node.cond, (s) => (s === 0 ? run(node.then, ret) : node.else ? run(node.else, ret) : ret(0)));
        return;
      case "while": {
        const loop = (last: number): void =>
          run(node.cond, (s) => ((s === 0) !== node.until ? run(node.body, loop) : ret(last)));
        loop(0);
        return;
      }
      case "for": {
        const items = node.words.map(expand).flatMap((v) => v.split(/\s+/).filter(Boolean));
        const next = (i: number, last: number): void => {
          if (i >= items.length) {
            ret(last);
            return;
          }
          vars[node.name] = items[i];
          run(node.body, (s) => next(i + 1, s));
        };
        next(0, 0);
        return;
      }
      case "pipe": {
        // A pipeline runs to completion in the container's own sh (which has pipes), in this shell's directory.
        const text = node.stages.map((words) => requote(words.map(expand))).join(" | ");
        const r = ctx.runScript?.(shName, text, cwd);
        if (!r) {
          ctx.log(`${shName}: pipelines are not modelled in this image`, "stderr");
          ret(2);
          return;
        }
        logToolOutput(ctx, r);
        ret(r.exitCode);
        return;
      }
      case "cmd": {
        let argv2 = node.words.map(expand);
        let done = ret;
        if (argv2[0] === "exec" && argv2.length > 1) {
          // exec replaces the shell: the command's status is the shell's, and nothing after it runs.
          argv2 = argv2.slice(1);
          done = (s) => {
            if (exited) return;
            exited = true;
            finish(s);
          };
          if (argv2[0] === "sleep" || parseTailFollow(argv2)) {
            ctx.exec(shPid, argv2);
            if (!startTailFollow(ctx, shPid, argv2, done)) applet(ctx, argv2, vars, done);
            return;
          }
        }
        const assign = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(argv2[0]);
        if (assign && argv2.length === 1) {
          vars[assign[1]] = assign[2];
          done(0);
          return;
        }
        if (argv2[0] === "cd" && ctx.runScript) {
          done(changeDir(argv2.slice(1)));
          return;
        }
        if (argv2[0] === "exit") {
          exited = true;
          finish(argv2[1] === undefined ? Number(vars["?"]) : Number(argv2[1]) & 255);
          return;
        }
        if (parseTailFollow(argv2)) {
          const child = ctx.spawn(argv2, { parent: shPid });
          startTailFollow(ctx, child, argv2, (s) => {
            ctx.exitProcess(child, s);
            done(s);
          });
          return;
        }
        if (argv2[0] === "sleep") {
          const child = ctx.spawn(argv2, { parent: shPid });
          applet(ctx, argv2, vars, (s) => {
            ctx.exitProcess(child, s);
            done(s);
          });
          return;
        }
        const own = argv2.some((w) => REDIRECT.test(w)) ? null : runImageTool(tools, argv2);
        if (own) {
          logToolOutput(ctx, own);
          done(own.exitCode);
          return;
        }
        if (ctx.runScript && (argv2.some((w) => REDIRECT.test(w)) || !OWN.has(argv2[0]))) {
          const r = ctx.runScript(shName, requote(argv2), cwd);
          logToolOutput(ctx, r);
          done(r.exitCode);
          return;
        }
        if (applet(ctx, argv2, vars, done)) return;
        ctx.log(`${shName}: ${argv2[0]}: not found`, "stderr");
        done(127);
        return;
      }
    }
  };
  run(tree, (s) => {
    if (!exited) finish(s);
  });
}
