// Runs inside the scratch consumer project: imports every published package the way an ESM app
// does, from the project's own node_modules, and drives the mock through the provider once.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const expected = JSON.parse(readFileSync(new URL("./expected-exports.json", import.meta.url), "utf8"));
const installed = new URL("./node_modules/", import.meta.url).href;

const modules = {};
for (const [name, names] of Object.entries(expected)) {
  const resolved = import.meta.resolve(name);
  assert.ok(
    resolved.startsWith(installed),
    `${name} resolved to ${resolved}, outside this project's node_modules`,
  );
  const module = await import(name);
  const keys = Object.keys(module);
  assert.ok(keys.length > 0, `${name} exports nothing`);
  const missing = names.filter((key) => !keys.includes(key));
  assert.deepEqual(missing, [], `${name} lacks exports ${missing.join(", ")}`);
  modules[name] = module;
  console.log(`import ${name}: ${keys.length} exports from ${resolved.slice(installed.length)}`);
}

const core = modules["@qwenkit/core"];
assert.equal(core.normalizeProviderId(" DashScope "), "qwen");
assert.equal(core.parseModelRef("modelstudio/qwen3.5-plus").ref, "qwen/qwen3.5-plus");
// The entries share one build: an error from a building block is the root's QwenConfigError.
assert.throws(
  () => modules["@qwenkit/core/advanced"].resolveAuthChoice("no-such-choice"),
  (error) => error instanceof core.QwenConfigError && error.kind === "unknown-auth-choice",
);

const { startDashscopeMockServer } = modules["@qwenkit/dashscope-mock"];
const { createQwenProvider } = modules["@qwenkit/provider"];
const { createQwen } = modules["@qwenkit/ai-sdk"];
const server = await startDashscopeMockServer({ port: 0 });
try {
  const provider = createQwenProvider({
    apiKey: "sk-release0verify0not0a0real0key",
    baseUrl: server.baseUrlFor("dashscope-intl.aliyuncs.com"),
    shapeRequests: "always",
  });
  const result = await provider.chat({ messages: [{ role: "user", content: "Say hello." }] });
  assert.ok(result.text.length > 0, "the provider got an empty reply from the mock");
  assert.equal(result.finishReason, "stop");
  console.log(`provider -> mock: ${JSON.stringify(result.text.slice(0, 60))} (${result.finishReason})`);

  // The AI SDK provider through the user's own `ai` (a peer dependency npm installed beside it).
  const { streamText } = await import("ai");
  const qwen = createQwen({
    apiKey: "sk-release0verify0not0a0real0key",
    baseUrl: server.baseUrlFor("dashscope-intl.aliyuncs.com"),
    env: {},
  });
  const streamed = streamText({ model: qwen("qwen3-coder-plus"), prompt: "Say hello.", maxRetries: 0 });
  const [text, usage] = await Promise.all([streamed.text, streamed.usage]);
  assert.ok(text.length > 0, "@qwenkit/ai-sdk got an empty stream from the mock");
  assert.ok(usage.outputTokens > 0, "@qwenkit/ai-sdk's stream carried no usage");
  console.log(
    `ai streamText -> @qwenkit/ai-sdk -> mock: ${JSON.stringify(text.slice(0, 60))} (${usage.outputTokens} output tokens)`,
  );
} finally {
  await server.close();
}
