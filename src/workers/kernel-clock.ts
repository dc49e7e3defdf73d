/// <reference lib="webworker" />
/** Mark when the kernel's module code starts to evaluate, for npm run bench:site. */

// kernel.ts imports this module first, so the mark falls after the worker fetched and compiled
// its code and before any sandbox module ran: it splits loading from module evaluation.
performance.mark("kn:kernel-evaluate");
