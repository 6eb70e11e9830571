/**
 * Worker-thread entry for the lint pool: one `LintEngine` per worker, built on the first task
 * (and rebuilt only if a task brings other settings).
 */
import { threadId } from "node:worker_threads";
import type { FileResult } from "./file-findings.js";
import { LintEngine } from "./lint-engine.js";
import type { LintSettings } from "./scan-settings.js";
import { PhaseClock } from "./timing.js";

export interface LintTask {
  /** Identifies `settings`, so the engine is not rebuilt for every task. */
  settingsKey: string;
  settings: LintSettings;
  path: string;
  text: string;
  /** `--timing`: the result carries this worker's phase times so far. */
  timing?: boolean;
  /**
   * Warm-up, sent to each worker when the pool starts (while the walk runs): build the engine and
   * parse an empty module (which loads TypeScript); no result.
   */
  warm?: boolean;
}

/** Parsing this loads TypeScript and compiles the parser's first paths; it holds no keyword. */
const WARM_UP_FILE = { path: "__campaign-ims-warm-up__.ts", text: "export const ready: boolean = true;\n" };

let engine: { key: string; ready: Promise<LintEngine> } | undefined;
let clock: PhaseClock | undefined;

/** A warm-up's answer: nothing, or with `--timing` the worker's phase times (its load). */
export type WarmUpResult = Pick<FileResult, "timing"> | null;

export default async function lintInWorker(task: LintTask): Promise<FileResult | WarmUpResult> {
  const loadStart = performance.now();
  if (engine?.key !== task.settingsKey) engine = { key: task.settingsKey, ready: LintEngine.create(task.settings) };
  const ready = await engine.ready;
  if (task.warm === true) ready.lintFile(WARM_UP_FILE.path, WARM_UP_FILE.text);
  if (task.timing !== true) return task.warm === true ? null : ready.lintFile(task.path, task.text);
  clock ??= new PhaseClock();
  // Waiting for the engine is loading it (the first task of the worker, or new settings), and so is the warm-up.
  clock.span("load", loadStart, performance.now());
  if (task.warm === true) return { timing: { thread: threadId, times: clock.read() } };
  ready.clock = clock;
  const result = ready.lintFile(task.path, task.text);
  // Let the GC entries of this lint arrive before reading the clock.
  await new Promise((resolve) => setImmediate(resolve));
  return { ...result, timing: { thread: threadId, times: clock.read() } };
}
