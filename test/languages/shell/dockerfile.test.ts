import { describe, expect, it } from "vitest";
import { shellWordSourceRange } from "../../../src/languages/shell/index.js";
import type { ShellWord } from "../../../src/languages/shell/index.js";
import { assignmentsOf, parse, rangeOf, spanOf, wordsOf } from "./support.js";

describe("Dockerfile", () => {
  it("parses RUN's shell form: continuations, comment lines inside them, && splitting", () => {
    const text = [
      "FROM adobe/campaign:7.4.1",
      "RUN apt-get update \\",
      "    # install the key",
      "    && nlserver config -instance:prod \\",
      "       -setimsjwtauth:Org/Client/Tech/Secret/LS0tLS1C",
      "CMD nlserver web",
      "",
    ].join("\n");
    const { ast, problems } = parse(text, "dockerfile");
    expect(problems).toEqual([]);
    expect(wordsOf(ast)).toEqual([
      ["apt-get", "update"],
      ["nlserver", "config", "-instance:prod", "-setimsjwtauth:Org/Client/Tech/Secret/LS0tLS1C"],
      ["nlserver", "web"],
    ]);
    expect(ast.commands.map((c) => [c.construct, c.terminator])).toEqual([
      ["RUN", "&&"],
      ["RUN", null],
      ["CMD", null],
    ]);
    expect(ast.commands[0]).toMatchObject(spanOf(text, "apt-get update"));
    expect(ast.commands[1]?.loc).toEqual({ start: { line: 4, column: 8 }, end: { line: 5, column: 54 } });
    expect(ast.comments.map((c) => [c.value, c.loc.start])).toEqual([[" install the key", { line: 3, column: 5 }]]);
  });

  it("skips RUN flags and accepts blanks after the continuation backslash", () => {
    const text = "RUN --mount=type=secret,id=key --network=none \\  \n  nlserver config -setimsoauth:a/b/c/d\n";
    const { ast } = parse(text, "dockerfile");
    expect(wordsOf(ast)).toEqual([["nlserver", "config", "-setimsoauth:a/b/c/d"]]);
    expect(ast.commands[0]).toMatchObject(spanOf(text, "nlserver config -setimsoauth:a/b/c/d"));
  });

  it("reads the exec form as one command whose words are the JSON strings, escapes mapped", () => {
    const text = 'ENTRYPOINT ["nlserver", \\\n  "config", "-setimsjwtauth:Org\\u002FClient/T/S/K", "say \\"hi\\""]\n';
    const { ast } = parse(text, "dockerfile");
    expect(wordsOf(ast)).toEqual([["nlserver", "config", "-setimsjwtauth:Org/Client/T/S/K", 'say "hi"']]);
    const command = ast.commands[0];
    expect(command?.construct).toBe("ENTRYPOINT");
    const jwt = command?.words[2] as ShellWord;
    expect(jwt).toMatchObject({ quoted: true, ...spanOf(text, '"-setimsjwtauth:Org\\u002FClient/T/S/K"') });
    // The escaped slash is one value character mapped to its six source characters.
    const slash = jwt.value.indexOf("/");
    expect(shellWordSourceRange(jwt, slash, slash + 1)).toEqual(rangeOf(text, "\\u002F"));
    expect(shellWordSourceRange(jwt, 0, "-setimsjwtauth:".length)).toEqual(rangeOf(text, "-setimsjwtauth:"));
    expect(command?.range).toEqual([rangeOf(text, '"nlserver"')[0], rangeOf(text, '\\"hi\\""')[1]]);
  });

  it("falls back to the shell form when the brackets are not a JSON string array", () => {
    const { ast } = parse("RUN [ -f /x ] && nlserver start\n", "dockerfile");
    expect(wordsOf(ast)).toEqual([["[", "-f", "/x", "]"], ["nlserver", "start"]]);
  });

  it("reads ENV (both forms) and ARG as assignments", () => {
    const text = [
      'ENV ACC_USER=admin ACC_PASSWORD="p w" \\',
      "    ACC_URL=https://acc",
      "ENV ACC_SESSIONTOKEN admin/s3cret with spaces",
      "ARG IMS_CLIENT_SECRET",
      "ARG ACC_PWD=default",
      "env lower=case",
      "",
    ].join("\n");
    const { ast } = parse(text, "dockerfile");
    expect(assignmentsOf(ast)).toEqual([
      "dockerfile-env ACC_USER=admin",
      "dockerfile-env ACC_PASSWORD=p w",
      "dockerfile-env ACC_URL=https://acc",
      "dockerfile-env ACC_SESSIONTOKEN admin/s3cret with spaces",
      "dockerfile-arg IMS_CLIENT_SECRET=<null>",
      "dockerfile-arg ACC_PWD=default",
      "dockerfile-env lower=case",
    ]);
    expect(ast.commands.map((c) => [c.construct, c.words.length])).toEqual([
      ["ENV", 0],
      ["ENV", 0],
      ["ARG", 0],
      ["ARG", 0],
      ["ENV", 0],
    ]);
    const legacy = ast.commands[1]?.assignments[0];
    expect(legacy).toMatchObject({ name: "ACC_SESSIONTOKEN", operator: " ", nameRange: rangeOf(text, "ACC_SESSIONTOKEN") });
    expect(legacy?.value).toMatchObject(spanOf(text, "admin/s3cret with spaces"));
    const password = ast.commands[0]?.assignments[1];
    expect(password?.value).toMatchObject(spanOf(text, '"p w"'));
    expect(ast.commands[2]?.assignments[0]).toMatchObject({ name: "IMS_CLIENT_SECRET", value: null, ...spanOf(text, "IMS_CLIENT_SECRET") });
  });

  it("honours the `# escape=`` ` parser directive", () => {
    const text = "# escape=`\nFROM mcr.microsoft.com/windows\nRUN nlserver config `\n    -setimsoauth:a/b/c/d\n";
    const { ast } = parse(text, "dockerfile");
    expect(wordsOf(ast)).toEqual([["nlserver", "config", "-setimsoauth:a/b/c/d"]]);
    expect(ast.comments.map((c) => c.value)).toEqual([" escape=`"]);
  });

  it("parses a BuildKit `RUN <<EOF` script as commands, and keeps other here-documents as text", () => {
    const text = [
      "RUN <<EOF",
      "apt-get update",
      "nlserver config -setimsjwtauth:A/B/C/D/E",
      "EOF",
      "RUN cat <<XML > /tmp/logon.xml",
      "<urn:Logon/>",
      "XML",
      "RUN echo done",
      "",
    ].join("\n");
    const { ast, problems } = parse(text, "dockerfile");
    expect(problems).toEqual([]);
    expect(wordsOf(ast)).toEqual([["apt-get", "update"], ["nlserver", "config", "-setimsjwtauth:A/B/C/D/E"], ["cat"], ["echo", "done"]]);
    expect(ast.commands.map((c) => c.construct)).toEqual(["RUN", "RUN", "RUN", "RUN"]);
    expect(ast.commands[2]?.redirects[0]?.heredoc).toMatchObject({ delimiter: "XML", body: "<urn:Logon/>\n", terminated: true });
  });

  it("never reads a continued line of another instruction as an instruction, and ignores case", () => {
    const text = "LABEL a=b \\\n  RUN=nlserver\nrun nlserver start\n";
    const { ast } = parse(text, "dockerfile");
    expect(wordsOf(ast)).toEqual([["nlserver", "start"]]);
    expect(ast.commands[0]?.construct).toBe("RUN");
  });

  it("keeps exact positions with CRLF line ends", () => {
    const text = "FROM x\r\nRUN a \\\r\n  && nlserver config -setimsoauth:a/b/c/d\r\n";
    const { ast } = parse(text, "dockerfile");
    expect(wordsOf(ast)).toEqual([["a"], ["nlserver", "config", "-setimsoauth:a/b/c/d"]]);
    expect(ast.commands[1]?.loc).toEqual({ start: { line: 3, column: 6 }, end: { line: 3, column: 42 } });
  });
});
