/**
 * The generator's only source of randomness: a seeded xoroshiro128+ (pure-rand), so a corpus is a
 * function of its size and seed alone, on every machine.
 */
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";

export class Random {
  private readonly generator: RandomGenerator;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed);
  }

  /** An integer in [from, to], both included. */
  int(from: number, to: number): number {
    return uniformInt(this.generator, from, to);
  }

  /** True with probability `probability` (resolution 1e-6). */
  chance(probability: number): boolean {
    return this.int(0, 999_999) < probability * 1_000_000;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[this.int(0, items.length - 1)]!;
  }

  /** One of `entries`' values, each with the probability of its weight over the total. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let ticket = this.int(0, Math.max(0, Math.round(total * 1000) - 1)) / 1000;
    for (const [value, weight] of entries) {
      if (ticket < weight) return value;
      ticket -= weight;
    }
    return entries.at(-1)![0];
  }

  /**
   * A size with a long tail, as file sizes in repositories have: log-uniform between `min` and
   * `max` (so a tenth of the range's ratio is as likely as any other tenth).
   */
  logUniform(min: number, max: number): number {
    const exponent = Math.log(min) + (this.int(0, 1_000_000) / 1_000_000) * (Math.log(max) - Math.log(min));
    return Math.round(Math.exp(exponent));
  }

  /** A Fisher–Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = this.int(0, index);
      [copy[index], copy[other]] = [copy[other]!, copy[index]!];
    }
    return copy;
  }

  /** Random bytes (for binary files). */
  bytes(length: number): Buffer {
    const buffer = Buffer.allocUnsafe(length);
    for (let offset = 0; offset < length; offset += 4) {
      const value = this.generator.next() >>> 0;
      buffer[offset] = value & 0xff;
      if (offset + 1 < length) buffer[offset + 1] = (value >>> 8) & 0xff;
      if (offset + 2 < length) buffer[offset + 2] = (value >>> 16) & 0xff;
      if (offset + 3 < length) buffer[offset + 3] = (value >>> 24) & 0xff;
    }
    return buffer;
  }
}
