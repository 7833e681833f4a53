import type { ShellBlock } from "./blocks.js";

/** A line that starts a server for the next commands: it ends in ` &`, maybe followed by a comment. */
const BACKGROUND = /[^&]\s&\s*(#.*)?$/;

/**
 * Listening sockets are counted in /proc/net: the documents' servers run in a network namespace of
 * their own, so a new listener is the server the line started, whatever its port. The wait is bounded.
 */
const PRELUDE = `exec 2>&1
listeners() { cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk '$4 == "0A"' | wc -l; }
wait_listening() {
  for _ in $(seq 600); do
    [ "$(listeners)" -gt "$1" ] && return 0
    kill -0 "$2" 2>/dev/null || { echo "the server this line starts exited before it listened"; return 1; }
    sleep 0.1
  done
  echo "the server this line starts did not listen within 60 s"; return 1
}
ip link set lo up 2>/dev/null || true
`;

/**
 * One bash script that runs a document's blocks in order (a server one block starts serves the next
 * ones), each under `set -e` in a subshell, and names the first block that fails by file and line.
 */
export function scriptOf(blocks: ShellBlock[]): string {
  return PRELUDE + blocks.map(blockScript).join("\n") + "\necho '::done'\n";
}

export const BLOCK_MARK = "::block ";
export const FAILED_MARK = "::failed ";

function blockScript(block: ShellBlock): string {
  const place = `${block.file}:${block.line}`;
  const lines = commandsOf(block.text).flatMap((command) =>
    BACKGROUND.test(command) ? ["__before=$(listeners)", command, 'wait_listening "$__before" "$!"'] : [command],
  );
  return [
    `echo '${BLOCK_MARK}${place}'`,
    "(",
    "set -e",
    ...lines,
    ")",
    `__status=$?; if [ $__status -ne 0 ]; then echo "${FAILED_MARK}${place} exit $__status"; exit 1; fi`,
  ].join("\n");
}

/** Lines joined where a trailing backslash continues them, so a wait never lands inside a command. */
function commandsOf(text: string): string[] {
  const commands: string[] = [];
  let current: string[] = [];
  for (const line of text.split("\n")) {
    current.push(line);
    if (line.endsWith("\\")) continue;
    commands.push(current.join("\n"));
    current = [];
  }
  if (current.length > 0) commands.push(current.join("\n"));
  return commands;
}
