import assert from "node:assert/strict";
import { resolve } from "node:path";
import { describe, test } from "node:test";
import { publishedPackages, publishOrder } from "./workspace.mjs";

const pkg = (name, dependencies = {}, extra = {}) => ({
  name,
  dir: name,
  manifest: { name, dependencies, ...extra },
});
const names = (packages) => packages.map((p) => p.name);

describe("publishOrder", () => {
  test("dependencies come before their dependents, whatever the input order", () => {
    const packages = [
      pkg("conformance", { provider: "workspace:^", mock: "workspace:^", core: "workspace:^", openai: "^7" }),
      pkg("provider", { core: "workspace:^" }),
      pkg("mock", { core: "workspace:^" }),
      pkg("core"),
    ];
    assert.deepEqual(names(publishOrder(packages)), ["core", "mock", "provider", "conformance"]);
    assert.deepEqual(names(publishOrder([...packages].reverse())), [
      "core",
      "mock",
      "provider",
      "conformance",
    ]);
  });

  test("peer and optional dependencies count; dev dependencies do not", () => {
    const packages = [
      pkg("a", {}, { devDependencies: { b: "workspace:^" } }),
      pkg("b", {}, { peerDependencies: { c: "workspace:^" } }),
      pkg("c", {}, { optionalDependencies: { d: "workspace:^" } }),
      pkg("d"),
    ];
    assert.deepEqual(names(publishOrder(packages)), ["a", "d", "c", "b"]);
  });

  test("a cycle is an error that names it", () => {
    assert.throws(
      () => publishOrder([pkg("a", { b: "workspace:^" }), pkg("b", { a: "workspace:^" })]),
      /cycle: a -> b -> a/,
    );
  });
});

describe("publishedPackages", () => {
  test("this workspace publishes its five packages, each after what it depends on", () => {
    const root = resolve(import.meta.dirname, "../..");
    const found = publishedPackages(root);
    assert.deepEqual(names(found), [
      "@qwenkit/core",
      "@qwenkit/provider",
      "@qwenkit/ai-sdk",
      "@qwenkit/dashscope-mock",
      "@qwenkit/conformance",
    ]);
    assert.ok(found.every((p) => p.manifest.private !== true));
  });
});
