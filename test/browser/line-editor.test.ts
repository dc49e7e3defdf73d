import { describe, expect, it } from "vitest";
import { LineEditor, redrawLine } from "../../src/runtime/line-editor.ts";
import { completionText } from "../../src/runtime/page-terminal.ts";

function typed(...keys: string[]): LineEditor {
  const editor = new LineEditor();
  for (const key of keys) editor.handle(key);
  return editor;
}

describe("page terminal line editing", () => {
  it("inserts at the cursor after moving left", () => {
    expect(typed("kubectl get pds", "\x1b[D", "\x1b[D", "o").buffer).toBe("kubectl get pods");
  });

  it("kills to the start with Ctrl+U and to the end with Ctrl+K", () => {
    expect(typed("abc def", "\x1b[D", "\x1b[D", "\x1b[D", "\x15").buffer).toBe("def");
    expect(typed("abc def", "\x01", "\x1b[C", "\x0b").buffer).toBe("a");
  });

  it("recalls submitted lines with Up and returns to the draft with Down", () => {
    const editor = typed("kubectl get nodes", "\r", "draft", "\x1b[A");
    expect(editor.buffer).toBe("kubectl get nodes");
    editor.handle("\x1b[B");
    expect(editor.buffer).toBe("draft");
  });

  it("redraws the prompt and puts the cursor back where it was", () => {
    expect(redrawLine("$ ", typed("ab", "\x1b[D"))).toBe("\r\x1b[K$ ab\x1b[1D");
  });

  it("completes the last word from the shell's candidates", () => {
    expect(completionText("kubectl get nod", ["nodes"])).toBe("es ");
    expect(completionText("kubectl get no", ["no", "nodes"])).toBe("");
  });
});
