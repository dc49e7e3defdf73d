/** Open a terminal panel on the page that types commands into the same kernel the cells use. */

import { OutputTerminal } from "./cell-terminal.ts";
import type { KernelClient } from "./kernel-client.ts";
import { commonPrefix, LineEditor, redrawLine } from "./line-editor.ts";

/** Insert what completing `line` with `items` adds at the cursor. */
export function completionText(line: string, items: string[]): string {
  if (items.length === 0) return "";
  const whole = items.every((item) => item.startsWith(line));
  const word = /\S*$/.exec(line)![0];
  const prefix = commonPrefix(items);
  const added = whole ? prefix.slice(line.length) : prefix.startsWith(word) ? prefix.slice(word.length) : "";
  return items.length === 1 && !added.endsWith("/") ? `${added} ` : added;
}

/** Build the panel under `host` and wire it to the kernel; returns the terminal for focusing. */
export function openPageTerminal(host: HTMLElement, kernel: KernelClient): OutputTerminal {
  const terminal = new OutputTerminal(host, "Page terminal", { rows: 16, input: true });
  const term = terminal.term;
  const editor = new LineEditor();
  let busy = false;
  const promptNow = () => term.write(redrawLine(kernel.prompt, editor));

  term.writeln("Type commands against this page's cluster; `help` lists them.");
  void kernel.whenReady().then(promptNow, () => term.writeln("The cluster failed to start."));

  term.onData(async (data) => {
    if (busy) {
      if (data === "\x03") kernel.stop("you pressed Ctrl+C");
      return;
    }
    const action = editor.handle(data);
    switch (action.kind) {
      case "redraw":
        promptNow();
        return;
      case "interrupt":
        term.write("^C\r\n");
        promptNow();
        return;
      case "clear-screen":
        term.clear();
        promptNow();
        return;
      case "complete": {
        const items = await kernel.complete(action.line);
        const added = completionText(action.line, items);
        if (added) editor.insert(added);
        else if (items.length > 1) term.write(`\r\n${items.join("  ")}\r\n`);
        promptNow();
        return;
      }
      case "submit": {
        term.write("\r\n");
        terminal.mirror(`${kernel.prompt}${action.line}\n`);
        if (action.line.trim() === "clear") {
          term.clear();
          promptNow();
          return;
        }
        busy = true;
        const result = await kernel.runLine(action.line, (stream, text) => terminal.write(stream, text));
        if (result.stopped) terminal.notice(`Stopped: ${result.stopped}.`);
        busy = false;
        promptNow();
        return;
      }
      case "none":
        return;
    }
  });
  return terminal;
}
