import type { FlagTable } from "../options/flag-spec.js";

export type LogLevel = "silent" | "info" | "debug";
export type LogFormat = "text" | "json";
export const LOG_LEVELS: LogLevel[] = ["silent", "info", "debug"];
export const LOG_FORMATS: LogFormat[] = ["text", "json"];

/** How `mockpact mock` and `mockpact proxy` log each request on stdout: the terminal's business, not the library's. */
export interface RequestLogOptions {
  logLevel?: LogLevel;
  logFormat?: LogFormat;
}

export const REQUEST_LOG_FLAGS = {
  logLevel: {
    flag: "--log-level <level>",
    type: "string",
    default: "info",
    choices: LOG_LEVELS,
    description: "one line per request (info), with its headers, redacted (debug), or none (silent)",
  },
  logFormat: {
    flag: "--log-format <format>",
    type: "string",
    default: "text",
    choices: LOG_FORMATS,
    description: "text for people, json for machines (one object per line)",
  },
} satisfies FlagTable<RequestLogOptions>;

/** The command's options without the log's: what the library is handed. */
export function withoutLogOptions<O extends RequestLogOptions>(options: O): Omit<O, keyof RequestLogOptions> {
  const { logLevel: _level, logFormat: _format, ...rest } = options;
  return rest;
}
