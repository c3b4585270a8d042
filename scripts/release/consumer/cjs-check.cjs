// Runs inside the scratch consumer project: require()s every published package the way a CommonJS
// app does. The packages are ESM-only; Node >= 22.12 loads them through require(esm), and the
// result must be the same module namespace that import() gives.
const assert = require("node:assert/strict");
const { join } = require("node:path");
const expected = require("./expected-exports.json");

const installed = join(__dirname, "node_modules");

async function main() {
  for (const [name, names] of Object.entries(expected)) {
    const resolved = require.resolve(name);
    assert.ok(
      resolved.startsWith(installed),
      `${name} resolved to ${resolved}, outside this project's node_modules`,
    );
    const required = require(name);
    const imported = await import(name);
    const keys = Object.keys(required).sort();
    assert.ok(keys.length > 0, `require("${name}") returned nothing`);
    assert.deepEqual(keys, Object.keys(imported).sort(), `require("${name}") and import("${name}") differ`);
    for (const key of names)
      assert.equal(required[key], imported[key], `${name}.${key} differs between require and import`);
    console.log(`require ${name}: ${keys.length} exports`);
  }
  const { normalizeProviderId } = require("@qwenkit/core");
  assert.equal(normalizeProviderId("qwencloud"), "qwen");
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
