/**
 * Worker-thread entry for the lint pool: one `LintEngine` per worker, built on the first task
 * (and rebuilt only if a task brings other settings).
 */
import type { FileResult } from "./file-findings.js";
import { LintEngine } from "./lint-engine.js";
import type { LintSettings } from "./scan-settings.js";

export interface LintTask {
  /** Identifies `settings`, so the engine is not rebuilt for every task. */
  settingsKey: string;
  settings: LintSettings;
  path: string;
  text: string;
}

let engine: { key: string; ready: Promise<LintEngine> } | undefined;

export default async function lintInWorker(task: LintTask): Promise<FileResult> {
  if (engine?.key !== task.settingsKey) engine = { key: task.settingsKey, ready: LintEngine.create(task.settings) };
  return (await engine.ready).lintFile(task.path, task.text);
}
