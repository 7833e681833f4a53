/**
 * Hostile contracts, written to a temporary folder by the tests: each is small on disk and aims at
 * one way a loader or a mock can be made to hang, explode or read what it must not.
 */

const HEAD = (title: string) => `openapi: 3.0.3\ninfo: { title: ${title}, version: "1" }\n`;

/** One GET answering 200 with `schema` (YAML flow text) as its JSON body. */
const getWith = (path: string, schema: string) => `paths:
  ${path}:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: ${schema}
`;

/**
 * "Billion laughs": nine aliases of nine aliases, nine levels deep: 9^9 (387 million) values. Written
 * in block style, or as a flow mapping whose anchors follow the colon with no space (`"k":&a [...]`).
 */
export function aliasBomb(style: "block" | "flow-no-space" = "block"): string {
  const levels = "abcdefghi".split("");
  const members = levels.map((name, i) => {
    const item = i === 0 ? '"lol"' : `*${levels[i - 1]}`;
    return [`x-${name}`, `&${name} [${Array.from({ length: 9 }, () => item).join(style === "block" ? ", " : ",")}]`];
  });
  const body =
    style === "block"
      ? members.map(([k, v]) => `${k}: ${v}`).join("\n")
      : `x-bomb: {${members.map(([k, v]) => `"${k}":${v}`).join(",")}}`;
  return `${HEAD("Billion laughs")}${body}\n${getWith("/lol", "{ type: array }")}`;
}

/** An alias inside the node it names: a cycle that no JSON document can hold. */
export const ALIAS_CYCLE = `${HEAD("Alias cycle")}x-loop: &loop { again: *loop }\n${getWith("/loop", "{ type: object }")}`;

/** $refs that only point at each other: no schema at the end of the chain. */
export const REF_CYCLE = `${HEAD("Ref cycle")}${getWith("/loop", '{ $ref: "#/components/schemas/A" }')}components:
  schemas:
    A: { $ref: "#/components/schemas/B" }
    B: { $ref: "#/components/schemas/C" }
    C: { $ref: "#/components/schemas/A" }
`;

export const refTo = (target: string) => `${HEAD("Outside ref")}${getWith("/out", `{ $ref: "${target}" }`)}`;

/** Every value of a Node needs another Node: no finite value exists. */
export const REQUIRED_RECURSION = `${HEAD("Required recursion")}${getWith("/node", '{ $ref: "#/components/schemas/Node" }')}components:
  schemas:
    Node:
      type: object
      required: [child, children]
      properties:
        child: { $ref: "#/components/schemas/Node" }
        children: { type: array, minItems: 2, items: { $ref: "#/components/schemas/Node" } }
`;

/** Patterns that backtrack exponentially in a backtracking engine, in every place a pattern is checked. */
export const CATASTROPHIC_PATTERNS = `${HEAD("Catastrophic patterns")}paths:
  /redos:
    post:
      parameters:
        - { name: q, in: query, schema: { type: string, pattern: "^(a+)+$" } }
        - { name: X-Word, in: header, schema: { type: string, pattern: "^(a|a)*$" } }
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { w: { type: string, pattern: "^(\\\\w+\\\\s?)*$" } } }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { type: object, required: [w], properties: { w: { type: string, pattern: "^(a+)+b$" } } }
`;

/** Lengths and counts near 10^9: a naive faker allocates gigabytes, a naive check loops. */
export const HUGE_BOUNDS = `${HEAD("Huge bounds")}paths:
  /huge:
    post:
      parameters:
        - { name: q, in: query, schema: { type: string, minLength: 999999999 } }
      requestBody:
        content:
          application/json:
            schema: { type: array, minItems: 999999999, maxItems: 1000000000 }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [text, list]
                properties:
                  text: { type: string, minLength: 999999999 }
                  list: { type: array, minItems: 999999999, items: { type: string } }
  /huge-optional:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [ok]
                properties:
                  ok: { type: boolean }
                  text: { type: string, minLength: 999999999, maxLength: 1000000000 }
                  exact: { type: string, pattern: "^a{999999999}$" }
`;

/** A lookaround RE2 cannot run, on every item of a body array and of a query array: each hostile value could take seconds. */
export const LOOKAROUND_ARRAYS = `${HEAD("Lookaround arrays")}paths:
  /words:
    post:
      parameters:
        - { name: w, in: query, explode: true, schema: { type: array, items: { type: string, pattern: "^(?=(a+)+$)a*$" } } }
      requestBody:
        content:
          application/json:
            schema: { type: array, items: { type: string, pattern: "^(?=(a+)+$)a*$" } }
      responses:
        "204": { description: ok }
`;

/** A value that makes `(a+)+$` inside a lookahead backtrack for minutes in V8. */
export const LOOKAROUND_HOSTILE_VALUE = `${"a".repeat(32)}!`;

/**
 * `$ref` fan-out: each level holds `width` properties that all point at the next level, `levels`
 * deep: width^levels values from a contract of a few kilobytes. With `required: false` the
 * properties are optional, and a fake with required properties only is small.
 */
export function fanOut(levels: number, width: number, options: { required: boolean } = { required: true }): string {
  const names = Array.from({ length: width }, (_, i) => `p${i}`);
  const level = (i: number) =>
    i === levels - 1
      ? `    L${i}: { type: string, minLength: 3, maxLength: 8 }\n`
      : `    L${i}:\n      type: object\n      required: [${options.required ? names.join(", ") : "id"}]\n      properties:\n        id: { type: integer }\n${names.map((n) => `        ${n}: { $ref: "#/components/schemas/L${i + 1}" }\n`).join("")}`;
  return `${HEAD("Fan-out")}${getWith("/fan", '{ $ref: "#/components/schemas/L0" }')}components:\n  schemas:\n${Array.from({ length: levels }, (_, i) => level(i)).join("")}`;
}
