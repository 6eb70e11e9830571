/**
 * Timing one command as a user would run it: a child process, wall time from spawn to exit, and
 * its peak RSS and CPU time (for Node commands from a preloaded probe, for others from
 * /usr/bin/time when installed).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface Measurement {
  wallMs: number;
  /** User + system CPU time, when known. */
  cpuMs: number | undefined;
  peakRssBytes: number | undefined;
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface MeasureOptions {
  cwd: string;
  /** Exit codes that mean the command did its job (a linter exits 1 on findings). */
  okExitCodes: readonly number[];
}

const PROBE = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), "rusage-probe.js")).href;
const GNU_TIME = "/usr/bin/time";

export const gnuTimeInstalled = (): boolean => existsSync(GNU_TIME);

/** Runs `command args`, waits for it, and measures it; a failing exit code is an error. */
export async function measure(command: string, args: readonly string[], options: MeasureOptions): Promise<Measurement> {
  const scratch = mkdtempSync(join(tmpdir(), "campaign-ims-measure-"));
  const usageFile = join(scratch, "usage");
  const isNode = command === process.execPath;
  let argv: string[];
  let executable: string;
  if (isNode) {
    executable = command;
    argv = ["--import", PROBE, ...args];
  } else if (gnuTimeInstalled()) {
    executable = GNU_TIME;
    argv = ["-f", "%M %U %S", "-o", usageFile, command, ...args];
  } else {
    executable = command;
    argv = [...args];
  }
  try {
    const started = performance.now();
    const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolvePromise, reject) => {
      const child = spawn(executable, argv, { cwd: options.cwd, env: { ...process.env, BENCH_RUSAGE_FILE: usageFile }, stdio: ["ignore", "pipe", "pipe"] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
      child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
      child.on("error", reject);
      child.on("close", (code, signal) =>
        resolvePromise({ exitCode: code ?? (signal === null ? 0 : 128), stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }),
      );
    });
    const wallMs = performance.now() - started;
    if (!options.okExitCodes.includes(exitCode)) {
      throw new Error(`${command} ${args.join(" ")} exited with ${exitCode}:\n${stderr.slice(0, 2000)}`);
    }
    let cpuMs: number | undefined;
    let peakRssBytes: number | undefined;
    if (existsSync(usageFile)) {
      const text = readFileSync(usageFile, "utf8");
      if (isNode) {
        const usage = JSON.parse(text) as NodeJS.ResourceUsage;
        cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
        peakRssBytes = usage.maxRSS * 1024;
      } else {
        // GNU time's last line: "%M %U %S" (KiB, seconds, seconds).
        const [rss, user, system] = text.trim().split("\n").at(-1)!.split(" ").map(Number);
        cpuMs = ((user ?? 0) + (system ?? 0)) * 1000;
        peakRssBytes = (rss ?? 0) * 1024;
      }
    }
    return { wallMs, cpuMs, peakRssBytes, exitCode, stdout, stderr };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export const medianOf = (values: ReadonlyArray<number | undefined>): number | undefined => {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length === 0 ? undefined : median(known);
};
