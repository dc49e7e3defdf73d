// The one shell behind the browser terminal, `npm run shell` and the tests: kubectl, ssh, sleep,
// here-documents, pipes into text tools, and each node's own commands.

import type { AttachedShell, CommandResult } from "../kubectl/context.ts";
import { runKubectl } from "../kubectl/index.ts";
import { loginEnvironment } from "../node/login-env.ts";
import { resolvePath, tildeDir } from "../node/paths.ts";
import { klog } from "../util/klog.ts";
import type { Random } from "../util/random.ts";
import { type CdShell, runCd, runPwd } from "./cd.ts";
import { completeLine } from "./complete.ts";
import { exitStatus, sessionLine } from "./container-session.ts";
import { HELP_TEXT } from "./help.ts";
import { runPrintf } from "./printf.ts";
import { runScriptText, type ScriptHost } from "./script.ts";
import { sudoCommand } from "./sudo.ts";
import { TEXT_TOOLS } from "./text-tools.ts";
import { heredocDelimiter, ShellSyntaxError } from "./tokenize.ts";
import type { OutputSink, ShellCluster } from "./types.ts";

/** One executed command line with its results, as the JSON script mode prints it. */
export interface ScriptEntry extends CommandResult {
  command: string;
}

/** The longest a single `sleep` may advance virtual time (1 day), so no command can hang the shell. */
const MAX_SLEEP_S = 86_400;

/** One login on a node: where its bash is and its variables (ssh starts a fresh one, exit ends it). */
interface Login {
  host: string;
  cwd: string;
  env: Record<string, string>;
}

// bash starts a login in $HOME with PWD set; OLDPWD stays empty until the first cd.
function login(host: string): Login {
  return { host, cwd: "/root", env: loginEnvironment() };
}

// URLs (kubectl apply -f https://...) are fetched, not files, so no directory applies to them.
const isUrl = (p: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(p);

/** An interactive or scripted shell session on the cluster. */
export class Shell {
  private readonly cluster: ShellCluster;
  /** The logins stacked by ssh: the control plane's first, the node the shell is on last. */
  private readonly logins: Login[];
  private lastExit = 0;
  /** A shell in a container that has the terminal (after `kubectl exec -it`), if any. */
  private attached: AttachedShell | undefined;
  private kubectlRandom: Random | undefined;
  /** Whether a person is at the keyboard (changes how long watches run). */
  interactive = false;
  /** Whether the input is a terminal (the browser's xterm), even when watches must end on their own. */
  tty = false;

  constructor(cluster: ShellCluster) {
    this.cluster = cluster;
    this.logins = [login(cluster.controlPlane)];
  }

  private get login(): Login {
    return this.logins[this.logins.length - 1];
  }

  private get host(): string {
    return this.login.host;
  }

  private get env(): Record<string, string> {
    return this.login.env;
  }

  /** The prompt, as a kubeadm lab's `\h:\w$ ` shows it (`controlplane:~$ `), or the attached container shell's. */
  prompt(): string {
    return this.attached ? this.attached.prompt : `${this.host}:${tildeDir(this.login.cwd, this.env.HOME)}$ `;
  }

  /** The directory the node shell is in. */
  get cwd(): string {
    return this.login.cwd;
  }

  /** The node the shell is on. */
  get currentHost(): string {
    return this.host;
  }

  /** The exit status of the last command line (bash's `$?`). */
  get lastExitCode(): number {
    return this.lastExit;
  }

  /**
   * The status an `exit [N]` line ends the terminal's own login with; undefined for any other line, or
   * while an ssh session or a container's shell would take the exit.
   */
  exitStatus(line: string): number | undefined {
    if (this.logins.length > 1 || this.attached !== undefined) return undefined;
    return exitStatus(line, this.lastExit);
  }

  /** Whether a shell inside a container has the terminal (so `exit` leaves that shell, not the session). */
  get inContainer(): boolean {
    return this.attached !== undefined;
  }

  /** Run one command line (a here-document body, if any, follows the first line). */
  run(text: string, onOutput?: OutputSink): CommandResult {
    const sink: OutputSink = onOutput ?? (() => {});
    if (this.attached) {
      const step = sessionLine(this.cluster.kubelets, this.attached, text, this.lastExit, sink);
      if (step.ended) this.attached = undefined;
      this.cluster.loop.drain();
      this.lastExit = step.result.exitCode;
      return step.result;
    }
    const [first, ...rest] = text.split("\n");
    const hd = heredocDelimiter(first);
    let stdin = "";
    if (hd) {
      const body: string[] = [];
      for (const l of rest) {
        const line = hd.stripTabs ? l.replace(/^\t+/, "") : l;
        if (line === hd.delimiter) break;
        body.push(line);
      }
      stdin = body.length ? `${body.join("\n")}\n` : "";
    }
    let result: CommandResult;
    try {
      result = this.runText(first.replace(/<<-?\s*(['"]?)[A-Za-z_][A-Za-z0-9_]*\1/, ""), stdin, sink);
    } catch (err) {
      const msg =
        err instanceof ShellSyntaxError
          ? `bash: ${err.message}\n`
          : `bash: ${err instanceof Error ? err.message : String(err)}\n`;
      sink("stderr", msg);
      result = { stdout: "", stderr: msg, exitCode: err instanceof ShellSyntaxError ? 2 : 1 };
    }
    this.cluster.loop.drain();
    this.lastExit = result.exitCode;
    return result;
  }

  /** Run a whole script: one command per line, blank lines and `#` comments skipped, here-documents kept together. */
  runScript(script: string, onEntry?: (e: ScriptEntry) => void): ScriptEntry[] {
    const out: ScriptEntry[] = [];
    const lines = script.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line.trim() === "" || line.trim().startsWith("#")) continue;
      let command = line;
      const hd = heredocDelimiter(line);
      if (hd) {
        const body: string[] = [line];
        while (i + 1 < lines.length) {
          const next = lines[++i];
          body.push(next);
          if ((hd.stripTabs ? next.replace(/^\t+/, "") : next) === hd.delimiter) break;
        }
        command = body.join("\n");
      }
      const r = this.run(command);
      const entry = { command, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
      out.push(entry);
      onEntry?.(entry);
    }
    return out;
  }

  /** Completions for a partial line: command names, kubectl verbs and resource names, node names. */
  complete(line: string): string[] {
    return completeLine(line, this.cluster, this.host, this.cwd);
  }

  private runText(text: string, stdin: string, sink: OutputSink): CommandResult {
    this.env["?"] = String(this.lastExit);
    const host: ScriptHost = {
      flavor: "bash",
      env: this.env,
      run: (argv, input, write, assigns) => this.dispatch(argv, assigns, input, write),
      readFile: (path) => {
        const text = this.cluster.readFile(this.host, this.resolve(path));
        return text === undefined ? { error: "No such file or directory" } : { text };
      },
      writeFile: (path, content, append) => {
        const full = this.resolve(path);
        // procfs and sysfs take no new files; the model keeps them outside the node's tree.
        return /^\/(proc|sys)(\/|$)/.test(full)
          ? "No such file or directory"
          : this.cluster.writeFile(this.host, full, content, append)?.replace(/^.*: /, "");
      },
    };
    return runScriptText(host, text, stdin, sink);
  }

  private resolve(path: string): string {
    return resolvePath(this.login.cwd, path);
  }

  private builtinShell(): CdShell {
    return {
      flavor: "bash",
      name: "bash",
      interactive: true,
      line: 1,
      dirError: (path) => this.cluster.dirError(this.host, path),
    };
  }

  private dispatch(
    argv: string[],
    cmdEnv: Record<string, string>,
    stdin: string,
    write: OutputSink,
  ): CommandResult {
    const ok = (stdout = ""): CommandResult => ({ stdout, stderr: "", exitCode: 0 });
    const [cmd, ...args] = argv;
    switch (cmd) {
      case "sudo": {
        const r = sudoCommand(args, cmdEnv);
        if (!("argv" in r)) return r;
        return r.argv.length === 0 ? ok() : this.dispatch(r.argv, r.env, stdin, write);
      }
      case "kubectl":
      case "k":
        return this.kubectl(args, stdin, write, { ...this.env, ...cmdEnv });
      case "ssh":
        return this.ssh(args, stdin, write);
      case "exit":
      case "logout":
        if (this.logins.length > 1) {
          const from = this.logins.pop()!.host;
          return ok(`logout\nConnection to ${from} closed.\n`);
        }
        return ok();
      case "cd":
        return runCd(args, this.login, this.builtinShell());
      case "pwd":
        return runPwd(args, this.login, this.builtinShell());
      case "sleep":
        return this.sleep(args);
      case "clear":
        return ok("\x1b[H\x1b[2J\x1b[3J");
      case "help":
        return ok(HELP_TEXT);
      case "echo": {
        const n = args[0] === "-n";
        const text = (n ? args.slice(1) : args).join(" ");
        return ok(n ? text : `${text}\n`);
      }
      case "printf":
        return runPrintf(args, "bash");
      case "export":
        for (const a of args) {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(a);
          if (m) this.env[m[1]] = m[2];
        }
        return ok();
      case "diagram":
        if (this.cluster.diagram) return this.cluster.diagram(args);
        break;
    }
    // Nodes register the text tools with file access; a cluster without them still gets the filters.
    const tool = TEXT_TOOLS[cmd];
    if (tool && !this.cluster.nodeCommands().includes(cmd)) return tool(args, stdin);
    return this.cluster.runOnNode(this.host, argv, stdin, write, { ...this.env, ...cmdEnv }, this.login.cwd);
  }

  private kubectl(
    args: string[],
    stdin: string,
    write: OutputSink,
    env: Record<string, string>,
  ): CommandResult {
    const c = this.cluster;
    if (this.host !== c.controlPlane) {
      // Workers have no admin kubeconfig, so kubectl falls back to localhost:8080, as on a real kubeadm worker:
      // API discovery fails (client-go logs each attempt through klog), then kubectl gives up.
      const pid = c.takePid?.(this.host) ?? 1;
      const err =
        '"Unhandled Error" err="couldn\'t get current server API group list: Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused"';
      const line = `${klog(c.loop.now(), pid, "memcache.go:265", err, "E")}\n`;
      const msg =
        "The connection to the server localhost:8080 was refused - did you specify the right host or port?\n";
      return { stdout: "", stderr: line.repeat(5) + msg, exitCode: 1 };
    }
    return runKubectl(
      {
        api: c.api,
        kubelets: c.kubelets,
        stdin,
        readFile: (p) => c.readFile(this.host, isUrl(p) ? p : this.resolve(p)),
        writeFile: (p, content) =>
          c.writeFile(this.host, this.resolve(p), content, false)?.replace(/^.*: /, ""),
        env,
        write,
        waitUntil: (done, limitMs) => c.loop.advanceUntil(done, limitMs),
        random: this.kubectlRandomSource(),
        interactive: this.interactive,
        tty: this.tty || this.interactive,
        attach: (shell) => {
          this.attached = shell;
        },
      },
      args,
    );
  }

  // kubectl's own stream of the cluster's randomness (diff's temporary names), forked on first use.
  private kubectlRandomSource(): (() => number) | undefined {
    const root = this.cluster.random;
    if (!root) return undefined;
    return () => {
      this.kubectlRandom ??= root.fork("kubectl");
      return this.kubectlRandom.next();
    };
  }

  private ssh(args: string[], stdin: string, write: OutputSink): CommandResult {
    const target = args.find((a) => !a.startsWith("-"));
    if (!target) {
      const usage =
        "usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n           [-c cipher_spec] [-D [bind_address:]port] [-E log_file] [-e escape_char]\n           [-F configfile] [-I pkcs11] [-i identity_file] [-J destination]\n           [-L address] [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option]\n           [-p port] [-Q query_option] [-R address] [-S ctl_path] [-W host:port]\n           [-w local_tun[:remote_tun]] destination [command [argument ...]]\n";
      return { stdout: "", stderr: usage, exitCode: 255 };
    }
    const host = target.replace(/^.*@/, "");
    if (!this.cluster.nodeNames().includes(host)) {
      return {
        stdout: "",
        stderr: `ssh: Could not resolve hostname ${host}: Name or service not known\n`,
        exitCode: 255,
      };
    }
    const rest = args.slice(args.indexOf(target) + 1);
    this.logins.push(login(host));
    if (rest.length === 0) return { stdout: "", stderr: "", exitCode: 0 };
    // `ssh node cmd` runs cmd in a login of its own that ends with it.
    const depth = this.logins.length;
    try {
      return this.runText(rest.join(" "), stdin, write);
    } finally {
      // An `exit` in cmd has ended that login already.
      if (this.logins.length >= depth) this.logins.length = depth - 1;
    }
  }

  private sleep(args: string[]): CommandResult {
    if (args.length === 0)
      return {
        stdout: "",
        stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n",
        exitCode: 1,
      };
    let total = 0;
    for (const a of args) {
      const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(a);
      if (!m)
        return {
          stdout: "",
          stderr: `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`,
          exitCode: 1,
        };
      total += Number(m[1]) * { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as "" | "s"];
    }
    this.cluster.loop.advance(Math.min(total, MAX_SLEEP_S) * 1000);
    return { stdout: "", stderr: "", exitCode: 0 };
  }
}
