/**
 * fast-check arbitraries for the robustness properties: random texts built from a language's
 * vocabulary, and byte-level mutations of the fixtures (insertions, deletions, duplications,
 * truncations, bit flips), each printed as plain data when a property fails so the failing
 * input can be rebuilt from the report.
 */
import fc from "fast-check";
import { FIXTURE_FILES, PATHS_BY_GROUP, tokensFor, type LanguageGroup } from "./corpus.js";

/** A text of tokens of the group's vocabulary mixed with arbitrary characters (lone surrogates included). */
export function textFor(group: LanguageGroup, maxTokens = 120): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...tokensFor(group)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) },
  );
  return fc.array(piece, { maxLength: maxTokens }).map((pieces) => pieces.join(""));
}

/** A path of the group, so every dialect of the group gets every text. */
export const pathIn = (group: LanguageGroup): fc.Arbitrary<string> => fc.constantFrom(...PATHS_BY_GROUP[group]);

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
