import path from "node:path";
import { MockpactError } from "../errors.js";
import { bundleExternalRefs } from "./bundle.js";
import { isObject, joinPointer, resolveLocal, unescapeToken } from "./pointer.js";
import { readDocument } from "./read.js";
import { scanRefs } from "./walk.js";

/** One message an AsyncAPI document describes: its name, the channels it travels on, where its payload schema is. */
export interface AsyncMessage {
  /** The components key, else the channel's message key (3.0), else `name` or `messageId`. */
  name: string;
  /** Channel names and addresses it is sent on. */
  channels: string[];
  /** JSON pointer (`#/components/schemas/OrderCreated`) of the payload schema in `document`; undefined when the message declares none. */
  payload?: string;
  contentType?: string;
}

export interface AsyncApiDocument {
  file: string;
  /** `2.6.0`, `3.0.0`. */
  version: string;
  /** External refs bundled: every `$ref` left is a pointer into this document. */
  document: Record<string, unknown>;
  messages: AsyncMessage[];
}

/**
 * Loads an AsyncAPI 2.x or 3.0 document for the messages of message pacts: read with the contract
 * reader, external `$ref`s bundled under the same policy as contracts, messages gathered from the
 * channels and components. Only what checking a message needs is read: payload schemas by channel
 * and message name (no bindings, servers or operations' semantics).
 */
export async function loadAsyncApi(
  file: string,
  options: { refRoot?: string; allowRemoteRefs?: boolean } = {},
): Promise<AsyncApiDocument> {
  const absolute = path.resolve(file);
  let doc = (await readDocument(absolute)) as Record<string, unknown>;
  const version = isObject(doc) && typeof doc.asyncapi === "string" ? doc.asyncapi : "";
  if (!/^[23]\./.test(version))
    throw notAsyncApi(
      absolute,
      version ? `asyncapi version ${version} is not supported (2.x and 3.0 are)` : "it has no `asyncapi` field",
    );
  if (
    scanRefs(doc, { stripRefSiblings: false, rewrite: false, readXNullable: false, jsonSchema2020: false }).externalRefs
      .length > 0
  ) {
    doc = await bundleExternalRefs(absolute, doc, {
      refRoot: options.refRoot ?? path.dirname(absolute),
      allowRemoteRefs: options.allowRemoteRefs ?? false,
    });
  }
  const found = new Map<string, AsyncMessage>();
  const add = (name: string, value: unknown, pointer: string, channel?: string) => {
    const located = resolveLocal(doc, value, pointer);
    if (!located || !isObject(located.value)) return;
    const at = located.pointer;
    const key = at.startsWith("#/components/messages/")
      ? unescapeToken(at.slice("#/components/messages/".length))
      : name;
    const message = found.get(at) ?? { name: key, channels: [], ...payloadOf(doc, located.value, at) };
    if (channel && !message.channels.includes(channel)) message.channels.push(channel);
    found.set(at, message);
  };
  if (version.startsWith("2.")) readV2Channels(doc, add);
  else readV3Channels(doc, add);
  const components = isObject(doc.components) && isObject(doc.components.messages) ? doc.components.messages : {};
  for (const [name, value] of Object.entries(components)) add(name, value, joinPointer("#/components/messages", name));
  return { file: absolute, version, document: doc, messages: [...found.values()] };
}

type AddMessage = (name: string, value: unknown, pointer: string, channel?: string) => void;

/** 2.x: `channels.<address>.publish|subscribe.message`, a message or `{ oneOf: [...] }`. */
function readV2Channels(doc: Record<string, unknown>, add: AddMessage): void {
  for (const [address, channel] of Object.entries(isObject(doc.channels) ? doc.channels : {})) {
    if (!isObject(channel)) continue;
    for (const verb of ["publish", "subscribe"]) {
      const operation = channel[verb];
      if (!isObject(operation) || operation.message === undefined) continue;
      const base = joinPointer("#/channels", address, verb, "message");
      const message = operation.message;
      const list =
        isObject(message) && Array.isArray(message.oneOf)
          ? message.oneOf.map((m, i) => [m, joinPointer(base, "oneOf", i)] as const)
          : [[message, base] as const];
      for (const [value, pointer] of list) add(nameOf(value) ?? address, value, pointer, address);
    }
  }
}

/** 3.0: `channels.<id>.messages.<key>`; the channel is known by its id and by its `address`. */
function readV3Channels(doc: Record<string, unknown>, add: AddMessage): void {
  for (const [id, channel] of Object.entries(isObject(doc.channels) ? doc.channels : {})) {
    const located = resolveLocal(doc, channel, joinPointer("#/channels", id));
    if (!located || !isObject(located.value) || !isObject(located.value.messages)) continue;
    const address = typeof located.value.address === "string" ? located.value.address : undefined;
    for (const [key, message] of Object.entries(located.value.messages)) {
      const pointer = joinPointer(located.pointer, "messages", key);
      add(key, message, pointer, id);
      if (address) add(key, message, pointer, address);
    }
  }
}

/** The payload schema: the message's `payload`, or the `schema` of a multi-format payload (3.0). */
function payloadOf(
  doc: Record<string, unknown>,
  message: Record<string, unknown>,
  pointer: string,
): Pick<AsyncMessage, "payload" | "contentType"> {
  const contentType =
    typeof message.contentType === "string"
      ? message.contentType
      : typeof doc.defaultContentType === "string"
        ? doc.defaultContentType
        : undefined;
  if (message.payload === undefined) return contentType ? { contentType } : {};
  const payload = resolveLocal(doc, message.payload, joinPointer(pointer, "payload"));
  const multiFormat =
    payload &&
    isObject(payload.value) &&
    payload.value.schemaFormat !== undefined &&
    payload.value.schema !== undefined;
  const at = payload?.pointer ?? joinPointer(pointer, "payload");
  return { payload: multiFormat ? joinPointer(at, "schema") : at, ...(contentType ? { contentType } : {}) };
}

function nameOf(message: unknown): string | undefined {
  if (!isObject(message)) return undefined;
  return typeof message.name === "string"
    ? message.name
    : typeof message.messageId === "string"
      ? message.messageId
      : undefined;
}

function notAsyncApi(file: string, why: string): MockpactError {
  return new MockpactError("CONTRACT_INVALID", `Failed to load the AsyncAPI document: ${why}`, {
    hint: "Give an AsyncAPI 2.x or 3.0 document (YAML or JSON) with --asyncapi.",
    place: { file, pointer: "#" },
  });
}
