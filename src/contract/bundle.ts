import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import $RefParser, { type FileInfo } from "@apidevtools/json-schema-ref-parser";
import { MockpactError } from "../errors.js";
import { parseDocumentText } from "./read.js";

export interface RefPolicy {
  /** Folder that file `$ref`s may read from (default: the contract's own folder). */
  refRoot: string;
  allowRemoteRefs: boolean;
}

/**
 * Inlines external `$ref`s (other files, and URLs when allowed) into one document whose refs are all
 * internal, with @apidevtools/json-schema-ref-parser. Our own resolvers enforce the policy: a file
 * outside `refRoot` and any URL (unless allowed) fail with the file and the ref that asked for it.
 */
export async function bundleExternalRefs(
  file: string,
  doc: Record<string, unknown>,
  policy: RefPolicy,
): Promise<Record<string, unknown>> {
  let refused: MockpactError | undefined;
  const refuse = (error: MockpactError): never => {
    refused ??= error;
    throw error;
  };
  // Once per bundle, not once per file read: a contract split over thousands of files reads them all.
  const root = realOrSelf(policy.refRoot);
  try {
    return (await ($RefParser.bundle as (...args: unknown[]) => Promise<unknown>)(file, doc, {
      resolve: {
        file: { order: 1, canRead: isFileUrl, read: (info: FileInfo) => readInsideRoot(info, file, root, refuse) },
        http: policy.allowRemoteRefs
          ? {}
          : { order: 2, canRead: /^https?:/i, read: (info: FileInfo) => refuse(remoteRefused(info.url, file)) },
      },
      parse: {
        yaml: {
          order: 1,
          canParse: /\.(ya?ml|json)$/i,
          parse: (info: FileInfo) => parseDocumentText(String(info.data), info.url),
        },
      },
    } as never)) as Record<string, unknown>;
  } catch (cause) {
    if (refused) throw refused;
    if (cause instanceof MockpactError) throw cause;
    throw refNotFound(file, cause);
  }
}

function isFileUrl(info: FileInfo): boolean {
  return !/^[a-z][a-z0-9+.-]+:/i.test(info.url) || /^file:/i.test(info.url);
}

/** Reads a file a `$ref` names, when its real path (symlinks followed) lies inside `root` (a real path itself). */
async function readInsideRoot(
  info: FileInfo,
  contract: string,
  root: string,
  refuse: (e: MockpactError) => never,
): Promise<Buffer> {
  const target = info.url.startsWith("file:") ? fileURLToPath(info.url) : decodeURIComponent(info.url);
  const real = realOrSelf(target);
  if (real !== root && !real.startsWith(root + path.sep)) {
    refuse(
      new MockpactError(
        "REF_OUTSIDE_ROOT",
        `Failed to resolve a $ref: ${target} is outside the contract's root folder ${root}`,
        {
          hint: "Move the referenced file under the contract's folder, or widen the root with --ref-root <dir>.",
          place: { file: contract },
        },
      ),
    );
  }
  const { readFile } = await import("node:fs/promises");
  try {
    return await readFile(real);
  } catch (cause) {
    return refuse(
      new MockpactError(
        "REF_NOT_FOUND",
        `Failed to resolve a $ref: ${target} cannot be read (${(cause as NodeJS.ErrnoException).code ?? "error"})`,
        {
          hint: "Check the relative path of the $ref: it is resolved from the file that contains it.",
          place: { file: contract },
          cause,
        },
      ),
    );
  }
}

function realOrSelf(p: string): string {
  try {
    // The system's realpath: one call, where the JavaScript one looks at each folder of the path in turn.
    return realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

function remoteRefused(url: string, contract: string): MockpactError {
  return new MockpactError("REF_REMOTE", `Failed to resolve a $ref: ${url} is remote and remote refs are off`, {
    hint: "Download the document next to the contract, or pass --allow-remote-refs to fetch it.",
    place: { file: contract },
  });
}

function refNotFound(file: string, cause: unknown): MockpactError {
  const message = (cause as Error).message ?? String(cause);
  return new MockpactError("REF_NOT_FOUND", `Failed to resolve a $ref: ${message}`, {
    hint: "Check that every $ref names an existing file and JSON pointer.",
    place: { file },
    cause,
  });
}
