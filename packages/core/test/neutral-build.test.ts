// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the config read in the sandbox holds a ${VAR} reference.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

// These tests check the built package, as users get it: run `pnpm --filter @qwenkit/core build`
// first (turbo's test task does).
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const KEY = "sk-5ecret0neutral0build0abcdef0a1b2";

/** The part of esbuild's API used here (its types are not a dependency of this package). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{
    readonly outputFiles: readonly { readonly text: string }[];
    readonly metafile: { readonly inputs: Readonly<Record<string, unknown>> };
  }>;
}
/** esbuild, as the workspace has it through tsup. */
const esbuild: Esbuild = createRequire(createRequire(join(root, "package.json")).resolve("tsup"))("esbuild");

function built(file: string): string {
  const path = join(dist, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run pnpm --filter @qwenkit/core build first`);
  return path;
}

// Static and dynamic imports, re-exports and require() of a specifier.
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;

/** Every module a built file loads, following relative imports through chunks, with their specifiers. */
function moduleGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const pending = [entry];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (graph.has(path)) continue;
    const specifiers = [...readFileSync(path, "utf8").matchAll(SPECIFIERS)].map((match) => match[1] ?? "");
    graph.set(path, specifiers);
    for (const specifier of specifiers) {
      if (specifier.startsWith(".")) pending.push(resolve(dirname(path), specifier));
    }
  }
  return graph;
}

describe("the neutral build (the default export condition)", () => {
  it.each(["index.js", "advanced.js", "internal.js", "wire/index.js"])(
    "dist/%s and every chunk it imports load no node: module or package",
    (file) => {
      const graph = moduleGraph(built(file));
      const external = [...graph.values()].flat().filter((specifier) => !specifier.startsWith("."));
      expect(external).toEqual([]);
    },
  );

  it("is what the package's default condition names, and the node condition names the Node build", () => {
    expect(manifest.exports["."]).toEqual({
      types: "./dist/index.d.ts",
      node: "./dist/node.js",
      default: "./dist/index.js",
    });
    // The Node build imports no builtin either: it fetches them when it first reads a file.
    const graph = moduleGraph(built("node.js"));
    expect([...graph.values()].flat().filter((specifier) => !specifier.startsWith("."))).toEqual([]);
    const fetched = [...graph.keys()]
      .flatMap((path) => [...readFileSync(path, "utf8").matchAll(/getBuiltinModule\("(node:\w+)"\)/g)])
      .map((match) => match[1]);
    expect([...new Set(fetched)].sort()).toEqual(["node:fs", "node:os", "node:util"]);
  });

  it.each([
    ["neutral", "index.js"],
    ["browser", "index.js"],
    ["node", "node.js"],
  ] as const)("esbuild --platform=%s bundles @qwenkit/core from %s", async (platform, file) => {
    const result = await esbuild.build({
      stdin: { contents: 'export * from "@qwenkit/core";', resolveDir: root, loader: "js" },
      bundle: true,
      write: false,
      format: "esm",
      platform,
      metafile: true,
      logLevel: "silent",
    });
    expect(Object.keys(result.metafile.inputs)).toContain(`dist/${file}`);
  });

  it("runs where there is no process and no Node builtin: resolves, masks the key, refuses env files clearly", async () => {
    const bundle = await esbuild.build({
      entryPoints: [built("index.js")],
      bundle: true,
      write: false,
      format: "iife",
      globalName: "qwenkit",
      platform: "neutral",
      logLevel: "silent",
    });
    // What a browser page or an edge worker has: web APIs, no process, no require.
    const sandbox: Record<string, unknown> = { URL, TextDecoder, TextEncoder };
    runInNewContext(bundle.outputFiles[0]?.text ?? "", sandbox, { timeout: 5000 });
    const core = sandbox.qwenkit as typeof import("../src/index.js");
    expect(runInNewContext("typeof process", sandbox)).toBe("undefined");

    const resolved = core.resolveQwenConfig({
      config: { env: { vars: { MY_KEY: KEY } }, models: { providers: { qwen: { apiKey: "${MY_KEY}" } } } },
    });
    expect(resolved.endpoint.baseUrl).toBe("https://dashscope-intl.aliyuncs.com/compatible-mode/v1");
    expect(resolved.apiKey.reveal()).toBe(KEY);
    // util.inspect finds the masking hook by Symbol.for, across realms, without node:util in the bundle.
    expect(inspect(resolved.apiKey)).toBe("ApiKey(sk-…a1b2)");
    expect(inspect(resolved)).not.toContain(KEY);
    expect(JSON.stringify(resolved)).not.toContain(KEY);

    let error: unknown;
    try {
      core.resolveQwenConfig({ env: {}, envFiles: ["/etc/qwen.env"] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      name: "QwenConfigError",
      kind: "invalid-option",
      message: expect.stringContaining("this build of @qwenkit/core has no file system"),
    });
  });

  it("the Node build reads env files", async () => {
    const node = (await import(built("node.js"))) as typeof import("../src/index.js");
    const envFile = join(mkdtempSync(join(tmpdir(), "qwenkit-node-build-")), "daemon.env");
    writeFileSync(envFile, `\uFEFFQWEN_API_KEY=${KEY}\r`);
    try {
      expect(node.resolveQwenConfig({ env: {}, envFiles: [envFile] }).keySource).toEqual({
        kind: "env-file",
        variable: "QWEN_API_KEY",
        path: envFile,
      });
    } finally {
      rmSync(dirname(envFile), { recursive: true, force: true });
    }
  });
});
