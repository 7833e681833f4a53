import { MOCK_FLAGS } from "../mock/flags.js";
import type { MockOptions } from "../mock/options.js";
import type { MockServer } from "../mock/server.js";
import { dim } from "./print.js";

/** The start-up lines beyond the routes: which mocks files, which stateful resources, where the admin API is. */
export function describeExtras(server: MockServer, options: MockOptions): string {
  const { overrides, resources } = server.mock.sources;
  let text = "";
  if (overrides.all.length > 0)
    text += `${dim("mocks")}     ${overrides.all.length} override(s) from ${overrides.files.join(", ")}\n`;
  if (options.stateful) {
    const paths = resources.resources.map((r) => `${r.contract.id} ${r.collectionPath}`);
    text += `${dim("stateful")}  ${paths.length} resource(s)${paths.length > 0 ? `: ${paths.join(", ")}` : ""}\n`;
  }
  if (options.admin !== false)
    text += `${dim("admin")}     ${server.url}${options.adminPrefix ?? MOCK_FLAGS.adminPrefix.default}/requests\n`;
  if (options.admin !== false)
    text += `${dim("console")}   ${server.url}${options.adminPrefix ?? MOCK_FLAGS.adminPrefix.default}/\n`;
  return text === "" ? "" : `${text}\n`;
}
