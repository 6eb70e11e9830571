import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatByteSize, parseByteSize } from "../../src/scanner/byte-size.js";
import { decodeText, readAndPrefilter, readCandidate } from "../../src/scanner/read-file.js";

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "campaign-ims-read-"));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const file = (name: string, content: string | Buffer): string => {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
};

describe("readCandidate", () => {
  it("reads UTF-8 text and counts its bytes", () => {
    expect(readCandidate(file("a.ts", "const é = 1;\n"), 1024)).toEqual({ ok: true, text: "const é = 1;\n", bytes: 14 });
  });

  it("skips a file over the limit without reading it, and says by how much", () => {
    expect(readCandidate(file("big.ts", "x".repeat(3000)), 2048)).toEqual({
      ok: false,
      reason: "too-large",
      detail: "2.9 KiB, over the 2 KiB limit (--max-file-size)",
    });
    expect(readCandidate(file("exact.ts", "x".repeat(2048)), 2048).ok).toBe(true);
  });

  it("treats a NUL byte in the first 8000 bytes as binary, as git does", () => {
    expect(readCandidate(file("blob.js", Buffer.from([0x61, 0x00, 0x62])), 1024)).toEqual({
      ok: false,
      reason: "binary",
      detail: "NUL byte in the first 8000 bytes",
    });
    const lateNul = Buffer.concat([Buffer.from("a".repeat(8000)), Buffer.from([0])]);
    expect(readCandidate(file("late.js", lateNul), 100_000).ok).toBe(true);
  });

  it("decodes UTF-16 files with a byte order mark instead of calling them binary", () => {
    const text = "<sessiontoken>x</sessiontoken>";
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]))).toBe(`\uFEFF${text}`);
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]))).toBe(`\uFEFF${text}`);
  });

  it("reports a file that cannot be opened as unreadable, with the error code", () => {
    expect(readCandidate(join(directory, "vanished.ts"), 1024)).toEqual({ ok: false, reason: "unreadable", detail: "ENOENT" });
    mkdirSync(join(directory, "dir.ts"));
    expect(readCandidate(join(directory, "dir.ts"), 1024)).toEqual({ ok: false, reason: "not-a-regular-file", detail: "not a regular file" });
  });
});

describe("byte sizes", () => {
  it("parses sizes in bytes and powers of 1024", () => {
    expect(["1", "512B", "512KB", "1.5MB", "5MiB", " 2 gb ", 4096].map(parseByteSize)).toEqual([1, 512, 524288, 1572864, 5242880, 2147483648, 4096]);
    expect(["", "5 TB", "-1", "0", "MB", 1.5, 0].map(parseByteSize)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it("formats sizes for people", () => {
    expect([93, 2048, 5 * 1024 * 1024, 3 * 1024 ** 3 + 1].map(formatByteSize)).toEqual(["93 B", "2 KiB", "5 MiB", "3 GiB"]);
  });
});

describe("readAndPrefilter", () => {
  it("decodes only a file whose bytes contain a keyword, and counts the bytes of every file read", () => {
    expect(readAndPrefilter(file("hit.ts", "// é\nsdk.LOGON();\n"), 1024)).toEqual({ ok: true, text: "// é\nsdk.LOGON();\n", bytes: 19 });
    expect(readAndPrefilter(file("miss.ts", "const é = 1;\n"), 1024)).toEqual({ ok: true, text: undefined, bytes: 14 });
  });

  it("searches UTF-16 files after decoding them, and skips binaries and oversized files as readCandidate does", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("ACC_USER=op\n", "utf16le")]);
    expect(readAndPrefilter(file("u16.properties", utf16), 1024)).toEqual({ ok: true, text: "\ufeffACC_USER=op\n", bytes: utf16.length });
    expect(readAndPrefilter(file("u16-miss.properties", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a=b\n", "utf16le")])), 1024)).toMatchObject({ ok: true, text: undefined });
    expect(readAndPrefilter(file("nul.js", Buffer.from([0x61, 0x00, 0x6c, 0x6f, 0x67, 0x6f, 0x6e])), 1024)).toEqual(readCandidate(join(directory, "nul.js"), 1024));
    expect(readAndPrefilter(file("big2.ts", "logon".repeat(1000)), 2048)).toEqual(readCandidate(join(directory, "big2.ts"), 2048));
    expect(readAndPrefilter(join(directory, "missing.ts"), 1024)).toEqual({ ok: false, reason: "unreadable", detail: "ENOENT" });
  });

  it("reuses its buffer without mixing files: a short file after a long one reads only its own bytes", () => {
    readAndPrefilter(file("long.ts", `${"x".repeat(100_000)}logon`), 1024 * 1024);
    expect(readAndPrefilter(file("short.ts", "logon"), 1024 * 1024)).toEqual({ ok: true, text: "logon", bytes: 5 });
    expect(readAndPrefilter(file("short-miss.ts", "xx"), 1024 * 1024)).toEqual({ ok: true, text: undefined, bytes: 2 });
  });
});
