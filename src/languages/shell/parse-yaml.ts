/**
 * CI YAML (GitHub Actions, GitLab CI): only the shell inside the values of a few keys is parsed
 * (`run` in GitHub Actions; `script`, `before_script`, `after_script` in GitLab CI; all four in
 * other YAML). Everything else is skipped without a YAML library, line by line:
 *
 * - block scalars `|` / `>` (with chomping and indentation indicators): the content lines, their
 *   indentation hidden from the shell (a here-document's closing line may be indented); in `>`
 *   blocks a line break between two equally indented lines is a space, as YAML folds it;
 * - plain and quoted scalars on the key's line (continuing onto more-indented lines, folded);
 * - block sequences (`- item`) of any of those, at the key's indentation or deeper.
 *
 * Full-line `#` comments anywhere are comments (so `# eslint-disable-next-line` works above a
 * `run:` key); comments inside a script are shell comments.
 */
import { PosixScanner, type ShellOutput } from "./posix-scanner.js";
import { indexOfWithin, isBlank, type LineIndex } from "./text-index.js";

export const GITHUB_ACTIONS_KEYS: ReadonlySet<string> = new Set(["run"]);
export const GITLAB_CI_KEYS: ReadonlySet<string> = new Set(["script", "before_script", "after_script"]);
export const CI_YAML_KEYS: ReadonlySet<string> = new Set(["run", "script", "before_script", "after_script"]);

const CH_SPACE = 32;
const CH_HASH = 35;

export function parseCiYaml(text: string, lines: LineIndex, out: ShellOutput, textStart: number, keys: ReadonlySet<string>): void {
  const scanner = new PosixScanner(text, lines, out);
  const firstLine = lines.lineIndexOf(textStart);
  const startOf = (line: number): number => (line === firstLine ? textStart : lines.lineStart(line));

  const indentOf = (line: number): { indent: number; first: number; end: number } => {
    const start = startOf(line);
    const end = lines.lineContentEnd(line);
    let first = start;
    while (first < end && text.charCodeAt(first) === CH_SPACE) first++;
    let content = first;
    while (content < end && isBlank(text.charCodeAt(content))) content++;
    return { indent: first - start, first: content, end };
  };

  const pushComment = (start: number, end: number): void => {
    out.comments.push({ type: "ShellComment", marker: "#", value: text.slice(start + 1, end), ...lines.span(start, end) });
  };

  /** After a value on the key's line: a trailing `# comment`, if any. */
  const trailingComment = (from: number, end: number): void => {
    let at = from;
    while (at < end && isBlank(text.charCodeAt(at))) at++;
    if (at < end && text.charCodeAt(at) === CH_HASH) pushComment(at, end);
  };

  const isDash = (at: number, end: number): boolean =>
    text.charCodeAt(at) === 45 && (at + 1 >= end || isBlank(text.charCodeAt(at + 1)));

  /** `key:` at `at` → the key name and the offset after the colon. */
  const readKey = (at: number, end: number): { name: string; after: number } | null => {
    const quote = text.charCodeAt(at);
    if (quote === 34 || quote === 39) {
      const close = indexOfWithin(text, quote === 34 ? '"' : "'", at + 1, end);
      if (close === -1) return null;
      let colon = close + 1;
      while (colon < end && isBlank(text.charCodeAt(colon))) colon++;
      if (text.charCodeAt(colon) !== 58 || (colon + 1 < end && !isBlank(text.charCodeAt(colon + 1)))) return null;
      return { name: text.slice(at + 1, close), after: colon + 1 };
    }
    if (quote === 123 || quote === 91 || quote === 63 || quote === CH_HASH) return null;
    for (let i = at; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === 58 && (i + 1 >= end || isBlank(text.charCodeAt(i + 1)))) {
        let nameEnd = i;
        while (nameEnd > at && isBlank(text.charCodeAt(nameEnd - 1))) nameEnd--;
        return { name: text.slice(at, nameEnd), after: i + 1 };
      }
      if (code === CH_HASH && i > at && isBlank(text.charCodeAt(i - 1))) return null;
    }
    return null;
  };

  /** A block scalar whose indicator is at `at`; returns the next line to look at. */
  const blockScalar = (line: number, at: number, end: number, parentIndent: number, construct: string): number => {
    const folded = text.charCodeAt(at) === 62;
    let pos = at + 1;
    let explicit = 0;
    while (pos < end && !isBlank(text.charCodeAt(pos)) && text.charCodeAt(pos) !== CH_HASH) {
      const code = text.charCodeAt(pos);
      if (code >= 49 && code <= 57) explicit = code - 48;
      pos++;
    }
    trailingComment(pos, end);
    let contentIndent = explicit > 0 ? parentIndent + explicit : -1;
    let first = -1;
    let last = -1;
    let current = line + 1;
    for (; current < lines.lineCount; current++) {
      const { indent, first: content, end: lineEnd } = indentOf(current);
      if (content >= lineEnd) continue; // blank lines belong to the block
      if (contentIndent === -1) {
        if (indent <= parentIndent) break;
        contentIndent = indent;
      }
      if (indent < contentIndent) break;
      if (first === -1) first = current;
      last = current;
    }
    if (first === -1) return current;
    const indentation = contentIndent;
    const linePrefix = (lineStart: number): number => {
      let skip = lineStart;
      while (skip < lineStart + indentation && text.charCodeAt(skip) === CH_SPACE) skip++;
      return skip;
    };
    const newlineTerminates = folded
      ? (nextLineStart: number): boolean => {
          let skip = nextLineStart;
          while (text.charCodeAt(skip) === CH_SPACE) skip++;
          const code = text.charCodeAt(skip);
          return skip >= text.length || code === 10 || code === 13 || skip - nextLineStart > indentation || isBlank(code);
        }
      : true;
    scanner.scan({
      start: lines.lineStart(first) + indentation,
      end: lines.lineContentEnd(last),
      construct,
      linePrefix,
      newlineTerminates,
    });
    return last + 1;
  };

  /** A flow scalar (plain or quoted) starting at `at`; returns the next line to look at. */
  const flowScalar = (line: number, at: number, end: number, parentIndent: number, construct: string): number => {
    const quote = text.charCodeAt(at);
    const skipBlanks = (lineStart: number): number => {
      let skip = lineStart;
      while (isBlank(text.charCodeAt(skip))) skip++;
      return skip;
    };
    if (quote === 39 || quote === 34) {
      let close = -1;
      for (let i = at + 1; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (quote === 34 && code === 92) {
          i++;
          continue;
        }
        if (code === quote) {
          if (quote === 39 && text.charCodeAt(i + 1) === 39) {
            i++;
            continue;
          }
          close = i;
          break;
        }
      }
      if (close !== -1) {
        scanner.scan({ start: at + 1, end: close, construct, newlineTerminates: false, linePrefix: skipBlanks });
        const closeLine = lines.lineIndexOf(close);
        trailingComment(close + 1, lines.lineContentEnd(closeLine));
        return closeLine + 1;
      }
    }
    if (quote === 91 || quote === 123) return line + 1; // flow collections: not modelled
    let last = line;
    let current = line + 1;
    for (; current < lines.lineCount; current++) {
      const { indent, first, end: lineEnd } = indentOf(current);
      if (first >= lineEnd) continue;
      if (indent <= parentIndent || text.charCodeAt(first) === CH_HASH) break;
      last = current;
    }
    const stop = last === line ? end : lines.lineContentEnd(last);
    scanner.scan({
      start: at,
      end: stop,
      construct,
      linePrefix: skipBlanks,
      newlineTerminates: (nextLineStart: number): boolean => {
        const skip = skipBlanks(nextLineStart);
        const code = text.charCodeAt(skip);
        return code === 10 || code === 13;
      },
    });
    return last + 1;
  };

  const scalar = (line: number, at: number, end: number, parentIndent: number, construct: string): number => {
    let pos = at;
    // Tags and anchors before the value.
    while (pos < end && (text.charCodeAt(pos) === 33 || text.charCodeAt(pos) === 38)) {
      while (pos < end && !isBlank(text.charCodeAt(pos))) pos++;
      while (pos < end && isBlank(text.charCodeAt(pos))) pos++;
    }
    if (pos >= end) return -1;
    const code = text.charCodeAt(pos);
    if (code === CH_HASH) {
      pushComment(pos, end);
      return -1;
    }
    if (code === 124 || code === 62) return blockScalar(line, pos, end, parentIndent, construct);
    return flowScalar(line, pos, end, parentIndent, construct);
  };

  /** The value of a shell key: a scalar on its line, or a block sequence below it. */
  const keyValue = (line: number, at: number, end: number, keyIndent: number, construct: string): number => {
    const next = scalar(line, at, end, keyIndent, construct);
    if (next !== -1) return next;
    // A block sequence: `- item` lines at the key's indentation or deeper.
    let current = line + 1;
    let itemIndent = -1;
    for (; current < lines.lineCount; current++) {
      const { indent, first, end: lineEnd } = indentOf(current);
      if (first >= lineEnd) continue;
      if (text.charCodeAt(first) === CH_HASH) {
        pushComment(first, lineEnd);
        continue;
      }
      if (itemIndent === -1) {
        if (indent < keyIndent || !isDash(first, lineEnd)) return current;
        itemIndent = indent;
      }
      if (indent !== itemIndent || !isDash(first, lineEnd)) {
        if (indent > itemIndent) continue;
        return current;
      }
      let item = first;
      while (item < lineEnd && isDash(item, lineEnd)) {
        item++;
        while (item < lineEnd && isBlank(text.charCodeAt(item))) item++;
      }
      const after = scalar(current, item, lineEnd, itemIndent, construct);
      if (after !== -1) current = after - 1;
    }
    return current;
  };

  let line = firstLine;
  while (line < lines.lineCount) {
    const { first, end } = indentOf(line);
    if (first >= end) {
      line++;
      continue;
    }
    if (text.charCodeAt(first) === CH_HASH) {
      pushComment(first, end);
      line++;
      continue;
    }
    let at = first;
    while (at < end && isDash(at, end)) {
      at++;
      while (at < end && isBlank(text.charCodeAt(at))) at++;
    }
    const key = at < end ? readKey(at, end) : null;
    if (key === null || !keys.has(key.name)) {
      line++;
      continue;
    }
    let valueStart = key.after;
    while (valueStart < end && isBlank(text.charCodeAt(valueStart))) valueStart++;
    line = Math.max(line + 1, keyValue(line, valueStart, end, at - startOf(line), key.name));
  }
}
