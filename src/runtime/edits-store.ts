/** Keep the reader's cell edits in localStorage, falling back to memory when storage is full or blocked. */

const PREFIX = "kubenotes:";

/** Build the storage key of one cell's edit. */
export function editKey(note: string, cellId: string): string {
  return `${PREFIX}${note}:${cellId}`;
}

/** Store edits per note and cell; never throws, reports storage trouble once through onTrouble. */
export class EditsStore {
  private readonly memory = new Map<string, string>();
  private readonly note: string;
  private readonly onTrouble: (message: string) => void;
  private troubled = false;

  constructor(note: string, onTrouble: (message: string) => void) {
    this.note = note;
    this.onTrouble = onTrouble;
  }

  /** Return the saved edit of a cell, if any. */
  get(cellId: string): string | undefined {
    const key = editKey(this.note, cellId);
    if (this.memory.has(key)) return this.memory.get(key);
    try {
      return localStorage.getItem(key) ?? undefined;
    } catch (error) {
      this.trouble(error);
      return undefined;
    }
  }

  /** Save a cell's edit; kept in memory for this visit when storage refuses it. */
  set(cellId: string, source: string): void {
    const key = editKey(this.note, cellId);
    this.memory.set(key, source);
    try {
      localStorage.setItem(key, source);
      this.memory.delete(key);
    } catch (error) {
      this.trouble(error);
    }
  }

  /** Forget a cell's edit. */
  remove(cellId: string): void {
    const key = editKey(this.note, cellId);
    this.memory.delete(key);
    try {
      localStorage.removeItem(key);
    } catch (error) {
      this.trouble(error);
    }
  }

  private trouble(error: unknown): void {
    if (this.troubled) return;
    this.troubled = true;
    const name = error instanceof DOMException ? error.name : "Error";
    const why =
      name === "QuotaExceededError"
        ? "the browser's storage is full"
        : "the browser's storage is not available";
    this.onTrouble(`Your edits are kept for this visit only: ${why}.`);
  }
}
