import { isObject } from "./pointer.js";

type Doc = Record<string, unknown>;

/**
 * The converted collection's loose ends, tied: a body's schema is the JSON type of its example (the
 * converter writes `type: object` beside an array example, and puts request examples inside the
 * schema); a parameter's example is of its schema's type ("10" for an integer becomes 10); Postman's
 * `noauth` is no security at all. In place; returns the document.
 */
export function typedFromExamples(doc: Doc): Doc {
  const schemes =
    isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  const none = Object.keys(schemes).filter((name) => isObject(schemes[name]) && schemes[name].scheme === "noauth");
  for (const name of none) delete schemes[name];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const item of Object.values(paths).filter(isObject)) {
    for (const operation of Object.values(item).filter(isObject)) {
      if (Array.isArray(operation.security))
        operation.security = operation.security.filter(
          (r) => !isObject(r) || !Object.keys(r).some((n) => none.includes(n)),
        );
      if (Array.isArray(operation.parameters)) operation.parameters.filter(isObject).forEach(typeParameterExample);
      if (isObject(operation.requestBody)) typeContent(operation.requestBody.content);
      for (const response of Object.values(isObject(operation.responses) ? operation.responses : {}).filter(isObject))
        typeContent(response.content);
    }
  }
  return doc;
}

function typeContent(content: unknown): void {
  if (!isObject(content)) return;
  for (const media of Object.values(content).filter(isObject)) {
    const schema = isObject(media.schema) ? media.schema : undefined;
    if (schema && "example" in schema && !("example" in media)) {
      media.example = schema.example;
      delete schema.example;
    }
    const example = "example" in media ? media.example : firstNamedExample(media.examples);
    if (example !== undefined && schema && !isObject(schema.properties)) media.schema = { type: jsonType(example) };
  }
}

function firstNamedExample(examples: unknown): unknown {
  if (!isObject(examples)) return undefined;
  const first = Object.values(examples).find(isObject);
  return first?.value;
}

function typeParameterExample(parameter: Doc): void {
  const schema = isObject(parameter.schema) ? parameter.schema : undefined;
  if (!schema || typeof parameter.example !== "string") return;
  if (
    (schema.type === "integer" || schema.type === "number") &&
    parameter.example.trim() !== "" &&
    !Number.isNaN(Number(parameter.example))
  )
    parameter.example = Number(parameter.example);
  else if (schema.type === "boolean" && /^(true|false)$/.test(parameter.example))
    parameter.example = parameter.example === "true";
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value === "number" ? (Number.isInteger(value) ? "number" : "number") : typeof value;
}
