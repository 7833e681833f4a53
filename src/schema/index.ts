export { SchemaRegistry } from "./registry.js";
export type { Direction } from "./violations.js";
export type { Violation, ViolationLocation } from "./violation.js";
export { REGEX_TIME_LIMIT_MS } from "./regex.js";
