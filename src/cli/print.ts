import { onParentGone } from "./parent-gone.js";
import { formatPlace, isMockpactError } from "../errors.js";
import { printable } from "../redact.js";
import type { MockEvent } from "../mock/options.js";
import type { TlsMaterial } from "../server/tls.js";

/** Colours only when stdout is a terminal (and NO_COLOR is unset), so logs and CI output stay plain. */
const useColour = process.stdout.isTTY === true && !process.env.NO_COLOR;
const paint = (code: number) => (text: string) => (useColour ? `\u001b[${code}m${text}\u001b[0m` : text);
export const red = paint(31);
export const yellow = paint(33);
export const green = paint(32);
export const dim = paint(2);
export const bold = paint(1);

export function printError(error: unknown): void {
  process.stderr.write(errorText(error));
}

function errorText(error: unknown): string {
  if (isMockpactError(error))
    return `${red("error")} ${printable(`${error.code} ${formatPlace(error.place)}${error.message}`, { lines: true })}\n  ${dim(printable(`hint: ${error.hint}`, { lines: true }))}\n`;
  return `${red("error")} ${printable((error as Error)?.message ?? String(error), { lines: true })}\n`;
}

export function printWarning(message: string, place: { file?: string; pointer?: string } = {}): void {
  process.stderr.write(`${yellow("warning")} ${printable(`${formatPlace(place)}${message}`, { lines: true })}\n`);
}

/** A plain aligned table: columns padded to their widest cell. */
export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  "))
    .join("\n");
}

/** Resolves on the first SIGINT or SIGTERM (or when npm, which launched it, is gone): the long-running commands then close cleanly. */
export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stopWatching = onParentGone(() => stop());
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      stopWatching();
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/** What a running mock or proxy reports: load warnings, reloads and failed reloads. */
export function printMockEvent(event: MockEvent): void {
  if (event.type === "warning") printWarning(event.message, event);
  else if (event.type === "reload") process.stdout.write(`${green("reloaded")} ${printable(event.file)}\n`);
  else {
    // One write: a reader of the stream sees the failure and its reason together.
    process.stderr.write(
      `reload of ${printable(event.file)} failed; the last good version keeps serving\n${errorText(event.error)}`,
    );
  }
}

/** The line before "listening" of an HTTPS server: where its certificate came from and what to compare it with. */
export function tlsLine(tls: TlsMaterial | undefined): string {
  if (!tls) return "";
  const what = tls.selfSigned
    ? "self-signed certificate made at start (localhost, 127.0.0.1, ::1)"
    : "certificate from --cert";
  return `${bold("https")} ${what}, SHA-256 fingerprint ${tls.fingerprint}\n`;
}
