/**
 * The order test files start in. Vitest starts the longest files first when it knows their
 * durations from a previous run (its cache in node_modules/.vite/vitest); on a fresh clone it
 * knows none and starts the largest files first, so the robustness suites (small files that spawn
 * scans, kill runs and lint thousands of generated cases: minutes each) would start last and run
 * alone at the end. Without durations, they and the hostile-input files start first.
 */
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const LONG_POLES = [/^test\/robustness\//u, /\/hostile\.test\.ts$/u];

export class LongPolesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const path = (file: TestSpecification): string => relative(this.ctx.config.root, file.moduleId).split("\\").join("/");
    const known = (file: TestSpecification): boolean => this.ctx.cache.getFileTestResults(`${file.project.name}:${path(file)}`) !== undefined;
    if (sorted.every(known)) return sorted;
    const isLongPole = (file: TestSpecification): boolean => LONG_POLES.some((pattern) => pattern.test(path(file)));
    return [...sorted.filter(isLongPole), ...sorted.filter((file) => !isLongPole(file))];
  }
}
