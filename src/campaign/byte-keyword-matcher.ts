/**
 * Multi-keyword search over raw bytes, ASCII case-insensitive: an Aho–Corasick automaton compiled
 * to a dense DFA (one table lookup per byte), so the scanner's prefilter reads a file's bytes once
 * and decodes only the files that contain a keyword. The npm Aho–Corasick packages match JS
 * strings (the text would have to be decoded first, which is most of the cost saved here).
 *
 * On UTF-8 this is exactly `/kw1|kw2|…/i` on the decoded text for ASCII keywords: an ASCII byte
 * always decodes to itself (never inside a multi-byte or replaced sequence), and a non-ASCII
 * character never case-folds to an ASCII one in a non-Unicode JS regular expression.
 */

const ALPHABET = 256;

const foldAscii = (byte: number): number => (byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte);

export class ByteKeywordMatcher {
  /** next state = transitions[state * 256 + byte]. */
  private readonly transitions: Uint16Array | Uint32Array;
  /** accepting[state] = 1 when some keyword ends at this state (directly or through a suffix). */
  private readonly accepting: Uint8Array;

  constructor(keywords: readonly string[]) {
    if (keywords.length === 0) throw new Error("ByteKeywordMatcher needs at least one keyword");
    // The trie, on lower-cased bytes.
    const children: Array<Map<number, number>> = [new Map()];
    const terminal: boolean[] = [false];
    for (const keyword of keywords) {
      if (keyword.length === 0 || !/^[\x20-\x7e]+$/.test(keyword)) throw new Error(`keywords must be printable ASCII: ${JSON.stringify(keyword)}`);
      let state = 0;
      for (const byte of Buffer.from(keyword.toLowerCase(), "latin1")) {
        let next = children[state]!.get(byte);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          terminal.push(false);
          children[state]!.set(byte, next);
        }
        state = next;
      }
      terminal[state] = true;
    }
    const states = children.length;
    const transitions = states <= 0xffff ? new Uint16Array(states * ALPHABET) : new Uint32Array(states * ALPHABET);
    const accepting = new Uint8Array(states);
    const failure = new Int32Array(states);
    // Breadth-first: each state's row is its failure state's row, overridden by its own children.
    const queue: number[] = [0];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      accepting[state] = terminal[state] || accepting[failure[state]!] === 1 ? 1 : 0;
      const row = state * ALPHABET;
      if (state !== 0) transitions.copyWithin(row, failure[state]! * ALPHABET, failure[state]! * ALPHABET + ALPHABET);
      for (const [byte, child] of children[state]!) {
        failure[child] = state === 0 ? 0 : transitions[failure[state]! * ALPHABET + byte]!;
        transitions[row + byte] = child;
        queue.push(child);
      }
      // Upper-case letters go where their lower-case forms go.
      for (let upper = 0x41; upper <= 0x5a; upper++) transitions[row + upper] = transitions[row + foldAscii(upper)]!;
    }
    this.transitions = transitions;
    this.accepting = accepting;
  }

  /** Whether `bytes` contains one of the keywords (ignoring ASCII case). */
  test(bytes: Uint8Array): boolean {
    const { transitions, accepting } = this;
    let state = 0;
    for (let index = 0; index < bytes.length; index++) {
      state = transitions[(state << 8) | bytes[index]!]!;
      if (accepting[state] === 1) return true;
    }
    return false;
  }
}
