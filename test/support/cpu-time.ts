/**
 * The CPU time a synchronous piece of work takes, for tests that check work stays linear (a
 * quadratic algorithm would blow far past the bound). CPU time of this process (user + system,
 * `process.cpuUsage`), not wall-clock time: a machine busy with other processes makes the work
 * wait longer, not cost more, so the bound holds under any load.
 */
export function cpuTime<T>(work: () => T): { result: T; cpuMs: number } {
  const started = process.cpuUsage();
  const result = work();
  const { user, system } = process.cpuUsage(started);
  return { result, cpuMs: (user + system) / 1000 };
}

/**
 * The CPU time of asynchronous work that runs in this thread (an in-process scan with
 * concurrency 1). The process's whole CPU time is counted, so nothing else should run meanwhile.
 */
export async function cpuTimeAsync<T>(work: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const started = process.cpuUsage();
  const result = await work();
  const { user, system } = process.cpuUsage(started);
  return { result, cpuMs: (user + system) / 1000 };
}
