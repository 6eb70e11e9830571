import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseShell, parseShellFile, SHELL_DIALECTS } from "../../../src/languages/shell/index.js";
import type { ShellDialect } from "../../../src/languages/shell/index.js";
import { parse, wordsOf } from "./support.js";
import { propertyOptions } from "../../support/properties.js";

describe("hostile input", () => {
  it("refuses binary content (a NUL byte) with a clear error instead of parsing it", () => {
    const result = parseShellFile("#!/bin/sh\nnlserver\u0000\u00ff\u0001", "a.sh");
    expect(result).toEqual({
      ok: false,
      errors: [{ message: "Binary content (NUL byte at line 2, column 9): not parsed as shell text.", line: 2, column: 9 }],
    });
  });

  it("parses other control characters and replacement characters as text", () => {
    const { ast, problems } = parse("nlserver \u0001\u007f\ufffd x\n", "sh");
    expect(problems).toEqual([]);
    expect(wordsOf(ast)).toEqual([["nlserver", "\u0001\u007f\ufffd", "x"]]);
  });

  it("reports unterminated quotes, substitutions and here-documents, and keeps parsing", () => {
    const text = [
      'echo "open',
      "nlserver a",
      "x=$(date",
      "nlserver b",
      "cat <<EOF",
      "never closed",
      "",
    ].join("\n");
    const { ast, problems } = parse(text, "sh");
    expect(problems.map((p) => [p.message, p.loc.start.line, p.loc.start.column])).toEqual([
      ["Unterminated double-quoted string.", 1, 6],
      ['Unterminated "(" group.', 3, 3],
      ['Unterminated here-document: no line "EOF" closes it.', 5, 5],
    ]);
    expect(wordsOf(ast)).toEqual([["echo", "open"], ["nlserver", "a"], [], ["nlserver", "b"], ["cat"]]);
    expect(ast.commands[2]?.assignments[0]?.value?.value).toBe("$(date");
    expect(ast.commands[4]?.redirects[0]?.heredoc).toMatchObject({ terminated: false, body: "never closed\n" });
  });

  it("survives deep nesting without recursion", () => {
    const depth = 100_000;
    const text = `echo ${"$(".repeat(depth)}x${")".repeat(depth)} done\n`;
    const { ast, problems } = parseShell(text, "sh");
    expect(problems).toEqual([]);
    expect(ast.commands[0]?.words.map((w) => w.value.length)).toEqual([4, 2 * depth + depth + 1, 4]);
    const unbalanced = parseShell(`echo ${"$(".repeat(depth)}\nnlserver next\n`, "sh");
    expect(unbalanced.problems).toHaveLength(1);
    expect(unbalanced.ast.commands.map((c) => c.words[0]?.value)).toEqual(["echo", "nlserver"]);
  });

  it("parses a 20 MB script completely", () => {
    const block = [
      "# setup block",
      "export ACC_PASSWORD='s3 cret'",
      "nlserver config -instance:prod \\",
      '  -setimsjwtauth:Org/Client/Tech/Secret/LS0tLS1C "$(base64 -w0 key.pem)"',
      "cat <<EOF > logon.xml",
      "<urn:Logon/>",
      "EOF",
      "curl -H 'X-Security-Token: @abc' https://acc && echo ok || echo failed",
      "",
    ].join("\n");
    const copies = Math.ceil(20_000_000 / block.length);
    const text = block.repeat(copies);
    expect(text.length).toBeGreaterThanOrEqual(20_000_000);
    const { ast, problems } = parseShell(text, "sh");
    expect(problems).toEqual([]);
    // export, nlserver, cat, curl, echo ok, echo failed
    expect(ast.commands).toHaveLength(6 * copies);
    expect(ast.comments).toHaveLength(copies);
    const last = ast.commands[ast.commands.length - 1];
    expect(last?.loc.end.line).toBe(8 * copies);
    expect(ast.commands[1]?.words[3]?.value).toBe("-setimsjwtauth:Org/Client/Tech/Secret/LS0tLS1C");
  });

  it("parses a 20 MB word, a 20 MB unterminated quote and a 20 MB YAML file", () => {
    const word = "a".repeat(20_000_000);
    expect(parseShell(word, "sh").ast.commands[0]?.words[0]?.value.length).toBe(20_000_000);
    const open = parseShell(`echo "${word}`, "sh");
    expect(open.problems.map((p) => p.message)).toEqual(["Unterminated double-quoted string."]);
    expect(open.ast.commands[0]?.words[1]?.value.length).toBe(20_000_000);
    const job = "job:\n  script:\n    - nlserver config -setimsoauth:a/b/c/d\n  image: x\n";
    const yaml = job.repeat(Math.ceil(20_000_000 / job.length));
    expect(parseShell(yaml, "gitlab-ci").ast.commands).toHaveLength(Math.ceil(20_000_000 / job.length));
  });

  it("stays linear where a naive search would rescan the rest of the file on every line", () => {
    const lines = 200_000;
    const substitutions = parseShell("echo $(\n".repeat(lines), "sh");
    expect(substitutions.ast.commands).toHaveLength(lines);
    expect(substitutions.problems).toHaveLength(lines);
    const groups = parseShell("Write-Host (\n$x = ${env:A\n".repeat(lines / 2), "powershell");
    expect(groups.ast.commands).toHaveLength(lines);
    expect(parseShell("target: prerequisite\n".repeat(lines), "makefile").ast.commands).toEqual([]);
    expect(parseShell("A=${B\n".repeat(lines), "env").ast.commands).toHaveLength(lines);
    expect(parseShell('set "NAME\n'.repeat(lines), "batch").ast.commands).toHaveLength(lines);
    expect(parseShell("x[1 y\n".repeat(lines), "sh").ast.commands).toHaveLength(lines);
    // One map with a key repeated on every line: each key's sibling lookups (`shell:`, `scriptType:`)
    // must not search the whole map. The `yaml` package reads no script from unterminated quotes.
    expect(parseShell("run: 'a\n".repeat(lines), "yaml").ast.commands).toHaveLength(0);
    expect(parseShell("run: echo a\n".repeat(lines), "yaml").ast.commands).toHaveLength(lines);
    expect(parseShell("run: echo a\n".repeat(lines), "github-actions").ast.commands).toHaveLength(lines);
  });

  it("never throws and keeps every invariant on arbitrary text, in every dialect", () => {
    const unit = fc.constantFrom(
      ..."ab =:-/#@$%^&|;<>(){}[]'\"`\\!~*?+.,\t".split(""),
      "\n",
      "\r\n",
      "\r",
      "\uFEFF",
      "EOF",
      "<<",
      "run: ",
      "script:",
      "- ",
      "  ",
      "|",
      "RUN ",
      "ENV ",
      "set ",
      "REM ",
      "::",
      "export ",
      "$env:",
      "@\"",
      "\"@",
      "<#",
      "#>",
      "{%",
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), fc.constantFrom(...SHELL_DIALECTS), (text: string, dialect: ShellDialect) => {
        parse(text, dialect);
      }),
      propertyOptions(1500),
    );
  });
});
