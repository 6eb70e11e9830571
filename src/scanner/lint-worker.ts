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
}

let engine: { key: string; ready: Promise<LintEngine> } | undefined;
let clock: PhaseClock | undefined;

export default async function lintInWorker(task: LintTask): Promise<FileResult> {
  const loadStart = performance.now();
  if (engine?.key !== task.settingsKey) engine = { key: task.settingsKey, ready: LintEngine.create(task.settings) };
  const ready = await engine.ready;
  if (task.timing !== true) return ready.lintFile(task.path, task.text);
  clock ??= new PhaseClock();
  // Waiting for the engine is loading it (the first task of the worker, or new settings).
  clock.span("load", loadStart, performance.now());
  ready.clock = clock;
  const result = ready.lintFile(task.path, task.text);
  // Let the GC entries of this lint arrive before reading the clock.
  await new Promise((resolve) => setImmediate(resolve));
  return { ...result, timing: { thread: threadId, times: clock.read() } };
}
