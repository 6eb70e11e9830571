/** Sizes as people write them in flags and config files: `5MB`, `512KB`, `1.5MiB`, `2000000`. */

const SIZE = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?\s*$/i;

// KB/MB/GB and KiB/MiB/GiB both mean powers of 1024, like most CLIs that take file sizes.
const UNIT_BYTES: Readonly<Record<string, number>> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** Bytes for a size, or undefined when the text is not a size. */
export function parseByteSize(text: string | number): number | undefined {
  if (typeof text === "number") return Number.isInteger(text) && text > 0 ? text : undefined;
  const match = SIZE.exec(text);
  if (match === null) return undefined;
  const unit = (match[2] ?? "b").charAt(0).toLowerCase();
  const bytes = Math.floor(Number(match[1]) * (UNIT_BYTES[unit] ?? 1));
  return bytes > 0 ? bytes : undefined;
}

/** A byte count for humans: `5 MiB`, `812 KiB`, `93 B`. */
export function formatByteSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${round(bytes / 1024 ** 3)} GiB`;
  if (bytes >= 1024 ** 2) return `${round(bytes / 1024 ** 2)} MiB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} KiB`;
  return `${bytes} B`;
}

const round = (value: number): string => (Math.round(value * 10) / 10).toString();
