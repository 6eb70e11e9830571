/**
 * The robustness watchdog (support/watchdog.ts) charges a case its worker thread's CPU time, not
 * the wall-clock time it waited for a busy machine: a case that computes past its CPU budget is
 * stopped with a CaseTimeout, a case that only waits is not, and the wall-clock limit still stops
 * one that waits too long. After a stop, the next case runs in the replacement worker.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Watchdog } from "./support/watchdog.js";

let watchdog: Watchdog;
beforeAll(async () => {
  watchdog = await Watchdog.start();
}, 120_000);
afterAll(async () => watchdog?.close());

describe("the robustness watchdog", { timeout: 300_000 }, () => {
  it("reads the worker thread's CPU time on Linux", () => {
    expect(watchdog.measuresCpuTime).toBe(process.platform === "linux");
  });

  it.runIf(process.platform === "linux")("stops a case that computes past its CPU budget, then runs the next one", async () => {
    const stopped = await watchdog.spend("busy", 5_000, { cpuMs: 300 }).then(
      () => "answered",
      (error: Error) => `${error.name}: ${error.message}`,
    );
    expect(stopped).toBe("CaseTimeout: no answer within 300 ms of CPU time (a hang, or time that grows too fast with the input)");
    const next = await watchdog.spend("busy", 100, { cpuMs: 5_000 });
    expect(next.cpuMs).toBeGreaterThanOrEqual(100);
  });

  it.runIf(process.platform === "linux")("does not charge a case the time it waits", async () => {
    expect(await watchdog.spend("idle", 1_500, { cpuMs: 300 })).toEqual({ cpuMs: null });
  });

  it("stops a case that waits past the wall-clock limit", async () => {
    const stopped = await watchdog.spend("idle", 60_000, { wallMs: 500 }).then(
      () => "answered",
      (error: Error) => `${error.name}: ${error.message}`,
    );
    expect(stopped).toBe("CaseTimeout: no answer within 500 ms of wall-clock time (a hang, or time that grows too fast with the input)");
  });
});
