// Validates YAML or JSON files against a JSON Schema with Ajv (an independent JSON Schema
// validator): dacu's input schema, or the schema of one of its JSON outputs.
// usage: node schema_check.mjs SCHEMA.json [--expect-invalid] FILE.yaml|FILE.json...
// Exit 0 when every file is valid (or, with --expect-invalid, every file is rejected); 1 otherwise.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { parse } from "yaml";

const args = process.argv.slice(2);
const schemaPath = args.shift();
const expectInvalid = args[0] === "--expect-invalid";
if (expectInvalid) args.shift();
if (!schemaPath || args.length === 0) {
  console.error("usage: node schema_check.mjs SCHEMA.json [--expect-invalid] FILE.yaml...");
  process.exit(2);
}
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
let failed = 0;
for (const file of args) {
  const text = readFileSync(file, "utf8");
  const data = file.endsWith(".json") ? JSON.parse(text) : parse(text);
  const ok = validate(data);
  if (ok && expectInvalid) {
    console.error(`${file}: accepted, but the schema should reject it`);
    failed++;
  } else if (!ok && !expectInvalid) {
    console.error(`${file}: rejected by the schema:`);
    for (const e of validate.errors) console.error(`  ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
    failed++;
  } else {
    const note = ok ? "valid" : `rejected: ${validate.errors.map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`).filter((m) => m.includes("additionalProperty")).join("; ")}`;
    console.log(`${file}: ${note}`);
  }
}
process.exit(failed ? 1 : 0);
