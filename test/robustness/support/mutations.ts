/**
 * fast-check arbitraries of mutated fixtures: byte-level insertions, deletions, duplications,
 * truncations and bit flips, printed as plain data when a property fails, so the failing input
 * can be rebuilt from the report (`bytesOf`).
 */
import fc from "fast-check";
import { FIXTURE_FILES, tokensFor, type LanguageGroup } from "./corpus.js";
import { pathIn } from "./texts.js";

export type Mutation =
  | { op: "insert"; at: number; bytes: number[] }
  | { op: "delete"; at: number; length: number }
  | { op: "duplicate"; at: number; length: number; times: number }
  | { op: "truncate"; at: number }
  | { op: "flip"; at: number; mask: number };

const position = fc.nat({ max: 1 << 20 });

function mutation(group: LanguageGroup): fc.Arbitrary<Mutation> {
  const inserted = fc.oneof(
    fc.constantFrom(...tokensFor(group)).map((token) => [...Buffer.from(token, "utf8")]),
    fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }),
  );
  return fc.oneof(
    fc.record({ op: fc.constant("insert" as const), at: position, bytes: inserted }),
    fc.record({ op: fc.constant("delete" as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ op: fc.constant("duplicate" as const), at: position, length: fc.integer({ min: 1, max: 256 }), times: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ op: fc.constant("truncate" as const), at: position }),
    fc.record({ op: fc.constant("flip" as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }),
  );
}

/** Apply mutations in order; positions wrap around the current length. */
export function mutate(bytes: Buffer, mutations: readonly Mutation[]): Buffer {
  let current = bytes;
  for (const change of mutations) {
    const at = change.at % (current.length + 1);
    switch (change.op) {
      case "insert":
        current = Buffer.concat([current.subarray(0, at), Buffer.from(change.bytes), current.subarray(at)]);
        break;
      case "delete":
        current = Buffer.concat([current.subarray(0, at), current.subarray(at + change.length)]);
        break;
      case "duplicate": {
        const slice = current.subarray(at, at + change.length);
        current = Buffer.concat([current.subarray(0, at), ...Array<Buffer>(change.times + 1).fill(slice), current.subarray(at + slice.length)]);
        break;
      }
      case "truncate":
        current = current.subarray(0, at);
        break;
      case "flip":
        if (at < current.length) {
          current = Buffer.from(current);
          current[at]! ^= change.mask;
        }
        break;
    }
  }
  return current;
}

export interface MutatedFixture {
  /** Relative to fixtures/. */
  fixture: string;
  /** The path it is linted or scanned under: a path of its language, so every dialect gets every fixture. */
  path: string;
  mutations: Mutation[];
}

/** A fixture of the group (any fixture when omitted), mutated and placed under a path of its language. */
export function mutatedFixture(group?: LanguageGroup): fc.Arbitrary<MutatedFixture> {
  const files = FIXTURE_FILES.filter((file) => group === undefined || file.group === group);
  return fc.constantFrom(...files).chain((file) =>
    fc.record({
      fixture: fc.constant(file.path),
      path: pathIn(file.group),
      mutations: fc.array(mutation(file.group), { minLength: 1, maxLength: 6 }),
    }),
  );
}

/** The bytes of a mutated fixture. */
export function bytesOf(mutated: MutatedFixture): Buffer {
  const file = FIXTURE_FILES.find((candidate) => candidate.path === mutated.fixture);
  if (file === undefined) throw new Error(`no fixture ${mutated.fixture}`);
  return mutate(file.bytes, mutated.mutations);
}
