import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { contentProblems, manifestProblems } from "./tarball-rules.mjs";

const reader = (contents) => (path) => {
  if (!(path in contents)) throw new Error(`unexpected read of ${path}`);
  return contents[path];
};
const map = (fields) => JSON.stringify({ version: 3, mappings: "", names: [], ...fields });

describe("contentProblems", () => {
  test("a clean dist has no problems", () => {
    const contents = {
      "dist/index.js": "export const a = 1;\n",
      "dist/index.d.ts": "export declare const a = 1;\n",
    };
    assert.deepEqual(
      contentProblems(["package.json", "README.md", ...Object.keys(contents)], reader(contents)),
      [],
    );
  });

  [
    ["dist/errors.test.js", "a test file"],
    ["dist/cli.spec.d.ts", "a test file"],
    ["src/__fixtures__/stream.sse", "a test fixture"],
    ["dist/__tests__/x.js", "a test"],
    ["dist/test-utils/hosts.js", "a test helper"],
    [".vitest-report.json", "a test report"],
    ["tsconfig.build.tsbuildinfo", "a TypeScript build cache"],
  ].forEach(([path, what]) => {
    test(`rejects ${path} as ${what}`, () => {
      const contents = { [path]: "" };
      assert.deepEqual(contentProblems([path], reader(contents)), [`${path}: ${what} must not be published`]);
    });
  });

  test("a JavaScript file with a character outside ASCII is named with its line", () => {
    const contents = {
      "dist/chunk.js": "var a = 1;\n/** cut with `\u2026` */\nvar b = 2;\n",
      "dist/index.d.ts": "/** cut with `\u2026` */\nexport declare const b = 2;\n",
      "README.md": "\u2026",
    };
    assert.deepEqual(contentProblems(Object.keys(contents), reader(contents)), [
      "dist/chunk.js:2: U+2026 is not ASCII (write comments in ASCII; esbuild escapes strings)",
    ]);
  });

  test("a name that only looks like a test is allowed", () => {
    const contents = { "dist/contest.js": "", "dist/latest.d.ts": "", "dist/test-utilsx.js": "" };
    assert.deepEqual(contentProblems(Object.keys(contents), reader(contents)), []);
  });

  test("a map whose sources leave the package is rejected even with sourcesContent", () => {
    const contents = {
      "dist/index.js": "x\n//# sourceMappingURL=index.js.map\n",
      "dist/index.js.map": map({ sources: ["../../core/src/index.ts"], sourcesContent: ["x"] }),
    };
    assert.deepEqual(contentProblems(Object.keys(contents), reader(contents)), [
      'dist/index.js.map: source "../../core/src/index.ts" points outside the package',
    ]);
  });

  test("a map naming unshipped sources without their content is rejected", () => {
    const contents = { "dist/index.js.map": map({ sources: ["../src/index.ts"] }) };
    assert.deepEqual(contentProblems(Object.keys(contents), reader(contents)), [
      'dist/index.js.map: source "../src/index.ts" is not in the package and has no sourcesContent',
    ]);
  });

  test("a map with sourcesContent, or whose sources ship, is accepted", () => {
    const contents = {
      "dist/a.js.map": map({ sources: ["../src/a.ts"], sourcesContent: ["export {}"] }),
      "dist/b.js.map": map({ sources: ["b.ts"], sourceRoot: "../src/" }),
      "src/b.ts": "",
    };
    assert.deepEqual(contentProblems(Object.keys(contents), reader(contents)), []);
  });

  test("absolute paths and URLs in sources are outside the package", () => {
    const contents = {
      "dist/index.js.map": map({
        sources: ["/work/main/src/a.ts", "file:///work/b.ts"],
        sourcesContent: ["", ""],
      }),
    };
    assert.deepEqual(contentProblems(Object.keys(contents), reader(contents)), [
      'dist/index.js.map: source "/work/main/src/a.ts" points outside the package',
      'dist/index.js.map: source "file:///work/b.ts" points outside the package',
    ]);
  });

  test("an inline map is checked like a file", () => {
    const inline = Buffer.from(map({ sources: ["../../../secret/a.ts"], sourcesContent: ["x"] })).toString(
      "base64",
    );
    const contents = { "dist/index.js": `x\n//# sourceMappingURL=data:application/json;base64,${inline}\n` };
    assert.deepEqual(contentProblems(Object.keys(contents), reader(contents)), [
      'dist/index.js (inline map): source "../../../secret/a.ts" points outside the package',
    ]);
  });

  test("a sourceMappingURL naming a missing map or leaving the package is rejected", () => {
    const contents = {
      "dist/a.js": "//# sourceMappingURL=a.js.map\n",
      "dist/b.d.ts": "//# sourceMappingURL=../../src/b.d.ts.map\n",
    };
    assert.deepEqual(contentProblems(Object.keys(contents), reader(contents)), [
      'dist/a.js: sourceMappingURL "a.js.map" names a file the package does not contain',
      'dist/b.d.ts: sourceMappingURL "../../src/b.d.ts.map" points outside the package',
    ]);
  });

  test("a map that is not JSON is reported", () => {
    const contents = { "dist/a.js.map": "{" };
    const [problem] = contentProblems(Object.keys(contents), reader(contents));
    assert.match(problem, /^dist\/a\.js\.map: not a valid source map/);
  });
});

const goodManifest = {
  name: "@qwenkit/example",
  version: "1.2.3",
  license: "MIT",
  repository: { type: "git", url: "git+https://example.invalid/qwenkit.git", directory: "packages/example" },
  engines: { node: ">=22.12.0" },
  sideEffects: false,
  files: ["dist"],
  exports: {
    ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
    "./package.json": "./package.json",
  },
  bin: { example: "./dist/cli.js" },
  dependencies: { "@qwenkit/core": "^1.2.3" },
};
const goodFiles = {
  "package.json": "{}",
  "README.md": "# example",
  "dist/index.js": "",
  "dist/index.d.ts": "",
  "dist/cli.js": "#!/usr/bin/env node\nmain();\n",
};
const problemsOf = (manifest, contents = goodFiles) =>
  manifestProblems(manifest, Object.keys(contents), reader(contents));

describe("manifestProblems", () => {
  test("a complete manifest has no problems", () => {
    assert.deepEqual(problemsOf(goodManifest), []);
  });

  [
    ["license", "package.json has no license"],
    ["repository", "package.json has no repository url"],
    ["engines", "package.json has no engines.node"],
    ["sideEffects", "package.json does not declare sideEffects"],
    ["files", "package.json has no files list"],
    ["exports", 'package.json has no exports["."]'],
  ].forEach(([field, problem]) => {
    test(`a manifest without ${field} is reported`, () => {
      const { [field]: _dropped, ...manifest } = goodManifest;
      assert.ok(problemsOf(manifest).includes(problem), problemsOf(manifest).join("\n"));
    });
  });

  test("exports without types are reported", () => {
    const manifest = { ...goodManifest, exports: { ".": { default: "./dist/index.js" } } };
    assert.deepEqual(problemsOf(manifest), ['exports["."] has no "types" condition']);
  });

  test("nested conditions with types are accepted", () => {
    const exports = { ".": { import: { types: "./dist/index.d.ts", default: "./dist/index.js" } } };
    assert.deepEqual(problemsOf({ ...goodManifest, exports }), []);
  });

  test("entry points the tarball lacks are reported", () => {
    const { "dist/index.d.ts": _types, "dist/cli.js": _cli, ...contents } = goodFiles;
    assert.deepEqual(problemsOf(goodManifest, contents), [
      "exports names ./dist/index.d.ts, which the package does not contain",
      "bin example names ./dist/cli.js, which the package does not contain",
    ]);
  });

  test("a bin without a Node shebang is reported", () => {
    assert.deepEqual(problemsOf(goodManifest, { ...goodFiles, "dist/cli.js": 'console.log("todo");\n' }), [
      'bin example (./dist/cli.js) does not start with "#!/usr/bin/env node"',
    ]);
  });

  test("a missing README is reported", () => {
    const { "README.md": _readme, ...contents } = goodFiles;
    assert.deepEqual(problemsOf(goodManifest, contents), ["the package has no README.md at its root"]);
  });

  test("workspace and local ranges are reported; registry ranges are not", () => {
    const manifest = {
      ...goodManifest,
      dependencies: { "@qwenkit/core": "workspace:^", openai: "^7.0.0" },
      peerDependencies: { msw: "link:../msw" },
      optionalDependencies: { x: "file:../x" },
    };
    assert.deepEqual(problemsOf(manifest), [
      'dependencies.@qwenkit/core is "workspace:^", which no registry can resolve',
      'peerDependencies.msw is "link:../msw", which no registry can resolve',
      'optionalDependencies.x is "file:../x", which no registry can resolve',
    ]);
  });
});
