import assert from "node:assert/strict";
import { test } from "node:test";
import { lockfileProblems } from "./provenance.mjs";

const registry = "http://127.0.0.1:4873/";

test("packages resolved from the local registry, and bundled ones, pass", () => {
  const lock = {
    packages: {
      "": { name: "consumer" },
      "node_modules/@qwenkit/core": { resolved: `${registry}@qwenkit/core/-/core-0.1.0.tgz` },
      "node_modules/openai": { resolved: `${registry}openai/-/openai-7.57.0.tgz` },
      "node_modules/npm/node_modules/abbrev": { inBundle: true },
    },
  };
  assert.deepEqual(lockfileProblems(lock, registry), []);
});

test("links, other registries and missing sources are reported", () => {
  const lock = {
    packages: {
      "": {},
      "node_modules/@qwenkit/core": { link: true, resolved: "../../work/main/packages/core" },
      "node_modules/openai": { resolved: "https://registry.example.invalid/openai/-/openai-7.57.0.tgz" },
      "node_modules/msw": {},
    },
  };
  assert.deepEqual(lockfileProblems(lock, registry), [
    "node_modules/@qwenkit/core is a link to ../../work/main/packages/core, not a package from the registry",
    `node_modules/openai came from https://registry.example.invalid/openai/-/openai-7.57.0.tgz, not from ${registry}`,
    `node_modules/msw came from an unknown source, not from ${registry}`,
  ]);
});

test("a registry on another port of the same host does not count as the local registry", () => {
  const lock = { packages: { "node_modules/a": { resolved: "http://127.0.0.1:48730/a/-/a-1.0.0.tgz" } } };
  assert.equal(lockfileProblems(lock, registry).length, 1);
});

test("an empty lockfile is a problem: nothing was proven", () => {
  assert.deepEqual(lockfileProblems({ packages: { "": {} } }, registry), [
    "the lockfile lists no installed packages",
  ]);
});
