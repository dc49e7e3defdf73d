/** Pick xterm.js colours that follow Starlight's light or dark theme. */
import type { ITheme, Terminal } from "@xterm/xterm";

const DARK: ITheme = {
  background: "#17181c",
  foreground: "#e8e8ea",
  cursor: "#e8e8ea",
  selectionBackground: "#3d4660",
  red: "#ff8f87",
  green: "#7ee2a8",
  yellow: "#f5d77a",
  blue: "#8cb8ff",
  cyan: "#7fdbe6",
  brightBlack: "#a0a3ab",
};

const LIGHT: ITheme = {
  background: "#f6f7f9",
  foreground: "#1b1d22",
  cursor: "#1b1d22",
  selectionBackground: "#c8d6f5",
  red: "#b3261e",
  green: "#146c3a",
  yellow: "#7a5a00",
  blue: "#1d4fb8",
  cyan: "#0b6575",
  brightBlack: "#4f535c",
};

/** Return the palette for the page's current theme. */
export function currentTheme(): ITheme {
  return document.documentElement.dataset.theme === "light" ? LIGHT : DARK;
}

const terminals = new Set<Terminal>();
let observer: MutationObserver | undefined;

/** Keep a terminal's colours in step with the page theme. */
export function followTheme(terminal: Terminal): void {
  terminals.add(terminal);
  observer ??= new MutationObserver(() => {
    const theme = currentTheme();
    for (const t of terminals) t.options.theme = theme;
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
}
