/**
 * Preloaded (`node --import`) into a measured Node process: at exit, writes the process's resource
 * usage (peak RSS, CPU time; worker threads included) to the file named by BENCH_RUSAGE_FILE.
 */
import { writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const target = process.env.BENCH_RUSAGE_FILE;
if (isMainThread && target !== undefined) {
  process.on("exit", () => {
    writeFileSync(target, JSON.stringify(process.resourceUsage()));
  });
}
