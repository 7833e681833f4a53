// What bench/compare-builds.mjs and bench/compare-startups.mjs share: two roots to compare, the contract
// and path to ask, request headers, the port a server announces, and the CPU time of a server from /proc.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

/** The command line of `script`: two roots, the shared options and the script's own; exits 2 with the usage otherwise. */
export function compareArguments(script, options) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      contract: { type: "string", default: "contracts/shop.yaml" },
      path: { type: "string", default: "/products/p-100" },
      rounds: { type: "string", default: "10" },
      header: { type: "string", multiple: true, default: [] },
      ...options,
    },
  });
  if (positionals.length !== 2) {
    console.error(`usage: node bench/${script} <root A> <root B> [options]: see the file's head`);
    process.exit(2);
  }
  const headers = Object.fromEntries(
    values.header.map((line) => [line.slice(0, line.indexOf(":")).trim(), line.slice(line.indexOf(":") + 1).trim()]),
  );
  return { values, roots: positionals, headers };
}

/**
 * The port a mockpact started with `--port 0` says it listens on (stdout: "listening on http://host:port").
 * Port 0 because a port chosen beforehand could be taken meanwhile: a loaded machine hands out ephemeral
 * ports from the same range, and mockpact would exit instead of answering.
 */
export function announcedPort(child, root, boundMs) {
  return new Promise((done, fail) => {
    let seen = "";
    const settle = (outcome) => {
      clearTimeout(bound);
      outcome();
    };
    const bound = setTimeout(() => fail(new Error(`${root}: no listening line within ${boundMs} ms`)), boundMs);
    child.once("exit", (code) => settle(() => fail(new Error(`${root}: mockpact exited (${code}) before listening`))));
    child.stdout.on("data", (chunk) => {
      seen = (seen + chunk).replace(/\x1b\[[0-9;]*m/g, "");
      const port = /listening on https?:\/\/[\d.]+:(\d+)/.exec(seen)?.[1];
      if (port) settle(() => done(Number(port)));
    });
  });
}

/** CPU time (user + system) of a process in ms, from /proc (Linux only). */
export function cpuMillis(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export const median = (list) => [...list].sort((x, y) => x - y)[list.length >> 1];
