import { describe, expect, it } from "vitest";
import { shellWordSourceOffset, shellWordSourceRange } from "../../../src/languages/shell/index.js";
import type { ShellCommand, ShellDialect, ShellWord } from "../../../src/languages/shell/index.js";
import { assignmentsOf, parse, rangeOf, spanOf, wordsOf } from "./support.js";

const first = (commands: ShellCommand[]): ShellCommand => commands[0] as ShellCommand;
const word = (command: ShellCommand | undefined, index: number): ShellWord => command?.words[index] as ShellWord;

describe("POSIX shell: commands and words", () => {
  it("gives a command and its words exact ranges and 1-based locations", () => {
    const text = "nlserver config -instance:prod\n";
    const { ast, problems, counts } = parse(text, "sh");
    expect(problems).toEqual([]);
    expect(counts).toEqual({ ShellDocument: 1, ShellCommand: 1, ShellWord: 3 });
    expect(ast.type).toBe("ShellDocument");
    expect(ast.dialect).toBe("sh");
    expect(ast.range).toEqual([0, 31]);
    expect(ast.loc).toEqual({ start: { line: 1, column: 1 }, end: { line: 2, column: 1 } });
    const command = first(ast.commands);
    expect(command.range).toEqual([0, 30]);
    expect(command.loc).toEqual({ start: { line: 1, column: 1 }, end: { line: 1, column: 31 } });
    expect(command.construct).toBeNull();
    expect(command.terminator).toBeNull();
    expect(command.words.map((w) => [w.value, w.range])).toEqual([
      ["nlserver", [0, 8]],
      ["config", [9, 15]],
      ["-instance:prod", [16, 30]],
    ]);
    expect(word(command, 2)).toMatchObject({ raw: "-instance:prod", quoted: false, hasExpansion: false, segments: [{ valueStart: 0, valueEnd: 14, sourceStart: 16, sourceEnd: 30 }] });
  });

  it("splits commands at &&, ||, ;, |, & and newlines and records the terminator", () => {
    const { ast } = parse("a 1 && b || c; d | e & f\ng |& h ;; i\n", "sh");
    expect(wordsOf(ast)).toEqual([["a", "1"], ["b"], ["c"], ["d"], ["e"], ["f"], ["g"], ["h"], ["i"]]);
    expect(ast.commands.map((c) => c.terminator)).toEqual(["&&", "||", ";", "|", "&", null, "|&", ";;", null]);
  });

  it("does not make words of reserved words that open or close compound commands, nor of a pasted `$ ` prompt", () => {
    const text = "if nlserver a; then nlserver b; else c; fi\nwhile read l; do echo \"$l\"; done\n{ d; }\n! e\n$ nlserver f\ntime g\n";
    const { ast } = parse(text, "sh");
    expect(wordsOf(ast)).toEqual([["nlserver", "a"], ["nlserver", "b"], ["c"], ["read", "l"], ["echo", "$l"], ["d"], ["e"], ["nlserver", "f"], ["g"]]);
    // The command starts at its first word, not at the keyword.
    expect(ast.commands[1]?.range).toEqual(rangeOf(text, "nlserver b"));
    // Quoted, a reserved word is an ordinary word.
    expect(wordsOf(parse("'if' x\n", "sh").ast)).toEqual([["if", "x"]]);
  });

  it("treats `#` as a comment only at the start of a word", () => {
    const text = "# eslint-disable-next-line campaign-ims/x\nnlserver a#b # trailing\n#!not-a-shebang-here\n";
    const { ast } = parse(text, "sh");
    expect(wordsOf(ast)).toEqual([["nlserver", "a#b"]]);
    expect(ast.comments.map((c) => [c.marker, c.value, c.range])).toEqual([
      ["#", " eslint-disable-next-line campaign-ims/x", rangeOf(text, "# eslint-disable-next-line campaign-ims/x")],
      ["#", " trailing", rangeOf(text, "# trailing")],
      ["#", "!not-a-shebang-here", rangeOf(text, "#!not-a-shebang-here")],
    ]);
    expect(ast.comments[1]?.loc).toEqual({ start: { line: 2, column: 14 }, end: { line: 2, column: 24 } });
  });
});

describe("POSIX shell: quoting and the value → source mapping", () => {
  it("removes quotes and escapes from the value and maps every value character back to the source", () => {
    const text = `echo 'single $x' "double $HOME \\"q\\"" mixed'a'"b"c \\$lit\n`;
    const { ast } = parse(text, "sh");
    const command = first(ast.commands);
    expect(command.words.map((w) => [w.value, w.raw, w.quoted, w.hasExpansion])).toEqual([
      ["echo", "echo", false, false],
      ["single $x", "'single $x'", true, false],
      ['double $HOME "q"', '"double $HOME \\"q\\""', true, true],
      ["mixedabc", `mixed'a'"b"c`, true, false],
      ["$lit", "\\$lit", false, false],
    ]);
    const double = word(command, 2);
    // `\"` maps as one unit: value `"` ↔ source `\"`.
    const quote = double.value.indexOf('"');
    expect(shellWordSourceRange(double, quote, quote + 1)).toEqual(rangeOf(text, '\\"'));
    // A slice of the value maps to exactly its source text, escapes included.
    const [start, end] = shellWordSourceRange(double, double.value.indexOf("$HOME"));
    expect(text.slice(start, end)).toBe('$HOME \\"q\\"');
    const mixed = word(command, 3);
    expect(mixed.segments).toEqual([
      { valueStart: 0, valueEnd: 5, sourceStart: rangeOf(text, "mixed")[0], sourceEnd: rangeOf(text, "mixed")[1] },
      { valueStart: 5, valueEnd: 6, sourceStart: rangeOf(text, "a'")[0], sourceEnd: rangeOf(text, "a'")[0] + 1 },
      { valueStart: 6, valueEnd: 7, sourceStart: rangeOf(text, 'b"')[0], sourceEnd: rangeOf(text, 'b"')[0] + 1 },
      { valueStart: 7, valueEnd: 8, sourceStart: rangeOf(text, 'c \\$')[0], sourceEnd: rangeOf(text, 'c \\$')[0] + 1 },
    ]);
    // Across quote boundaries the range covers the quotes in between, not those around.
    expect(text.slice(...shellWordSourceRange(mixed, 4, 7))).toBe(`d'a'"b`);
  });

  it("keeps $( … ), ${ … } and backticks verbatim inside their word, spaces and nested quotes included", () => {
    const text = 'nlserver config -setimsjwtauth::Org/Cl/Tech/Secret/$(base64 -w0 "/path/my key") x${A:-"b c"}y `cat k` "$(date "+%s")"\n';
    const { ast, problems } = parse(text, "sh");
    expect(problems).toEqual([]);
    expect(wordsOf(ast)).toEqual([
      ["nlserver", "config", '-setimsjwtauth::Org/Cl/Tech/Secret/$(base64 -w0 "/path/my key")', 'x${A:-"b c"}y', "`cat k`", '$(date "+%s")'],
    ]);
    expect(ast.commands[0]?.words.map((w) => w.hasExpansion)).toEqual([false, false, true, true, true, true]);
  });

  it("reads ANSI-C $'…' and locale $\"…\" strings", () => {
    const { ast } = parse("printf $'a\\'b\\\\c\\n' $\"d e\"\n", "sh");
    expect(wordsOf(ast)).toEqual([["printf", "a'b\\c\\n", "d e"]]);
  });

  it("gives an empty quoted word an empty value and maps it to the word's start", () => {
    const { ast } = parse('x "" y\n', "sh");
    const empty = word(first(ast.commands), 1);
    expect(empty).toMatchObject({ value: "", raw: '""', quoted: true, segments: [], range: [2, 4] });
    expect(shellWordSourceOffset(empty, 0)).toBe(2);
    expect(shellWordSourceRange(empty, 0, 0)).toEqual([2, 2]);
  });
});

describe("POSIX shell: continuations", () => {
  it("joins a word split by backslash-newline and maps the key across the line break", () => {
    const text = "nlserver config -instance:prod -setimsjwtauth:Org/Client/Tech/Secret/LS0tLS1C\\\nRUdJTiBQUklWQVRF next\n";
    const { ast } = parse(text, "sh");
    const jwt = word(first(ast.commands), 3);
    expect(jwt.value).toBe("-setimsjwtauth:Org/Client/Tech/Secret/LS0tLS1CRUdJTiBQUklWQVRF");
    expect(jwt.raw).toBe("-setimsjwtauth:Org/Client/Tech/Secret/LS0tLS1C\\\nRUdJTiBQUklWQVRF");
    expect(jwt.loc).toEqual({ start: { line: 1, column: 32 }, end: { line: 2, column: 17 } });
    const key = jwt.value.indexOf("LS0t");
    const keyRange = shellWordSourceRange(jwt, key);
    expect(keyRange).toEqual([rangeOf(text, "LS0t")[0], rangeOf(text, "BQUklWQVRF")[1]]);
    expect(text.slice(...keyRange)).toBe("LS0tLS1C\\\nRUdJTiBQUklWQVRF");
    expect(shellWordSourceOffset(jwt, jwt.value.indexOf("RUdJ"))).toBe(rangeOf(text, "RUdJ")[0]);
    expect(wordsOf(ast)[0]?.at(-1)).toBe("next");
  });

  it("continues a command over lines, keeping each word's own line and column", () => {
    const text = "nlserver config \\\n    -instance:prod \\\n    -setimsoauth:a/b/c/d\necho next\n";
    const { ast } = parse(text, "sh");
    expect(wordsOf(ast)).toEqual([["nlserver", "config", "-instance:prod", "-setimsoauth:a/b/c/d"], ["echo", "next"]]);
    const command = first(ast.commands);
    expect(command.loc).toEqual({ start: { line: 1, column: 1 }, end: { line: 3, column: 25 } });
    expect(word(command, 2)).toMatchObject(spanOf(text, "-instance:prod"));
    expect(word(command, 3)).toMatchObject(spanOf(text, "-setimsoauth:a/b/c/d"));
  });

  it("removes backslash-newline inside double quotes but keeps a newline inside single quotes", () => {
    const { ast } = parse("echo \"a\\\nb\" 'c\\\nd'\n", "sh");
    expect(wordsOf(ast)).toEqual([["echo", "ab", "c\\\nd"]]);
  });
});

describe("POSIX shell: CRLF and BOM", () => {
  it("counts CRLF as one line break: positions, continuations and values", () => {
    const text = "export ACC_USER=admin\r\nnlserver config \\\r\n  -setimsjwtauth:A/B/C/D/\\\r\nE\r\n# c\r\n";
    const { ast } = parse(text, "sh");
    expect(assignmentsOf(ast)).toEqual(["export ACC_USER=admin"]);
    expect(wordsOf(ast)).toEqual([["export"], ["nlserver", "config", "-setimsjwtauth:A/B/C/D/E"]]);
    const jwt = word(ast.commands[1], 2);
    expect(jwt.loc).toEqual({ start: { line: 3, column: 3 }, end: { line: 4, column: 2 } });
    expect(jwt.raw).toBe("-setimsjwtauth:A/B/C/D/\\\r\nE");
    expect(ast.comments[0]).toMatchObject({ value: " c", loc: { start: { line: 5, column: 1 }, end: { line: 5, column: 4 } } });
    expect(ast.loc.end).toEqual({ line: 6, column: 1 });
  });

  it("treats a lone CR as a line break too", () => {
    const { ast } = parse("a\rb\r", "sh");
    expect(wordsOf(ast)).toEqual([["a"], ["b"]]);
    expect(ast.commands[1]?.loc).toEqual({ start: { line: 2, column: 1 }, end: { line: 2, column: 2 } });
  });

  it("skips a BOM at offset 0 when called directly: offsets and columns still count it", () => {
    const text = "\uFEFFnlserver x\n";
    const { ast } = parse(text, "sh");
    expect(ast.commands[0]?.range).toEqual([1, 11]);
    expect(ast.commands[0]?.loc).toEqual({ start: { line: 1, column: 2 }, end: { line: 1, column: 12 } });
    expect(wordsOf(ast)).toEqual([["nlserver", "x"]]);
    expect(ast.range).toEqual([0, 12]);
  });
});

describe("POSIX shell: assignments", () => {
  it("recognises prefix, bare, export-like and env assignments; the value is a word of its own", () => {
    const text = [
      'ACC_PASSWORD="s3 cret" nlserver x',
      "ACC_URL=https://acc/nl",
      'export ACC_USER=admin ACC_PWD="p w" PATH',
      "declare -x TOKEN=abc",
      "env A=1 -u B cmd C=2",
      "arr=(a b) n+=1 m[2]=z",
      "",
    ].join("\n");
    const { ast } = parse(text, "sh");
    expect(assignmentsOf(ast)).toEqual([
      "shell ACC_PASSWORD=s3 cret",
      "shell ACC_URL=https://acc/nl",
      "export ACC_USER=admin",
      "export ACC_PWD=p w",
      "export TOKEN=abc",
      "export A=1",
      "shell arr=(a b)",
      "shell n+=1",
      "shell m=z",
    ]);
    expect(wordsOf(ast)).toEqual([["nlserver", "x"], [], ["export", "PATH"], ["declare", "-x"], ["env", "-u", "B", "cmd", "C=2"], []]);
    const password = ast.commands[0]?.assignments[0];
    expect(password).toMatchObject({
      type: "ShellAssignment",
      name: "ACC_PASSWORD",
      nameRange: rangeOf(text, "ACC_PASSWORD"),
      operator: "=",
      ...spanOf(text, 'ACC_PASSWORD="s3 cret"'),
    });
    expect(password?.value).toMatchObject({ raw: '"s3 cret"', value: "s3 cret", quoted: true, ...spanOf(text, '"s3 cret"') });
    expect(shellWordSourceRange(password?.value as ShellWord, 0)).toEqual(rangeOf(text, "s3 cret"));
  });

  it("gives `NAME=` a null value", () => {
    const { ast } = parse("EMPTY= cmd\n", "sh");
    expect(ast.commands[0]?.assignments[0]).toMatchObject({ name: "EMPTY", value: null, range: [0, 6] });
  });
});

describe("POSIX shell: redirections and here-documents", () => {
  it("keeps redirections out of the words", () => {
    const text = "curl -d @body.xml https://acc/nl/jsp/soaprouter.jsp 2>&1 >>log <in &>all >&2 <(x)\n";
    const { ast } = parse(text, "sh");
    const command = first(ast.commands);
    expect(command.words.map((w) => w.value)).toEqual(["curl", "-d", "@body.xml", "https://acc/nl/jsp/soaprouter.jsp", "<(x)"]);
    expect(command.redirects.map((r) => [r.operator, r.target?.value ?? null])).toEqual([
      ["2>&", "1"],
      [">>", "log"],
      ["<", "in"],
      ["&>", "all"],
      [">&", "2"],
    ]);
    expect(command.redirects[1]).toMatchObject(spanOf(text, ">>log"));
  });

  it("reads a here-document body as text; the command's range covers it", () => {
    const text = "cat <<EOF > envelope.xml; echo same-line\n<urn:sessiontoken>___abc</urn:sessiontoken>\n$NOT_A_COMMAND\nEOF\necho after\n";
    const { ast, problems } = parse(text, "sh");
    expect(problems).toEqual([]);
    expect(wordsOf(ast)).toEqual([["cat"], ["echo", "same-line"], ["echo", "after"]]);
    const cat = first(ast.commands);
    const heredoc = cat.redirects[0]?.heredoc;
    expect(heredoc).toMatchObject({
      type: "ShellHeredoc",
      delimiter: "EOF",
      quoted: false,
      stripTabs: false,
      terminated: true,
      body: "<urn:sessiontoken>___abc</urn:sessiontoken>\n$NOT_A_COMMAND\n",
      bodyRange: [rangeOf(text, "<urn:")[0], rangeOf(text, "EOF\necho after")[0]],
      range: [rangeOf(text, "<urn:")[0], rangeOf(text, "EOF\necho after")[1] - "\necho after".length],
    });
    expect(cat.redirects[0]?.range).toEqual([4, rangeOf(text, "EOF\necho")[0] + 3]);
    expect(cat.range).toEqual([0, rangeOf(text, "EOF\necho")[0] + 3]);
    expect(cat.loc.end).toEqual({ line: 4, column: 4 });
  });

  it("handles <<- (tabs stripped before the delimiter), quoted delimiters and two here-documents on one line", () => {
    const text = "a <<-'END' <<\"TWO\"\n\tbody one\n\tEND\nbody two\nTWO\nb\n";
    const { ast, problems } = parse(text, "sh");
    expect(problems).toEqual([]);
    const redirects = ast.commands[0]?.redirects ?? [];
    expect(redirects.map((r) => [r.operator, r.heredoc?.delimiter, r.heredoc?.quoted, r.heredoc?.stripTabs, r.heredoc?.body])).toEqual([
      ["<<-", "END", true, true, "\tbody one\n"],
      ["<<", "TWO", true, false, "body two\n"],
    ]);
    expect(wordsOf(ast)).toEqual([["a"], ["b"]]);
  });

  // No body line before the end of the file: an empty, unterminated body where the file ends, after
  // the line break if there is one (a lone CR counts); the range never ends before it starts.
  it.each<[string, ShellDialect, string, [number, number], [number, number], { line: number; column: number }]>([
    ["sh, end of file", "sh", "cat <<EOF", [4, 9], [9, 9], { line: 1, column: 10 }],
    ["sh, lone CR", "sh", "cat <<EOF\r", [4, 10], [10, 10], { line: 2, column: 1 }],
    ["sh, CRLF", "sh", "cat <<EOF\r\n", [4, 11], [11, 11], { line: 2, column: 1 }],
    ["Dockerfile RUN, lone CR", "dockerfile", "RUN cat <<EOF\r", [8, 14], [14, 14], { line: 2, column: 1 }],
  ])("an unterminated here-document with no body line: %s", (_name, dialect, text, redirectRange, bodyRange, at) => {
    const { ast, problems } = parse(text, dialect);
    const redirect = ast.commands[0]?.redirects[0];
    expect(redirect?.range).toEqual(redirectRange);
    expect(redirect?.heredoc).toMatchObject({ body: "", bodyRange, range: bodyRange, loc: { start: at, end: at }, terminated: false });
    expect(problems.map((problem) => problem.message)).toEqual(['Unterminated here-document: no line "EOF" closes it.']);
  });
});
