// The code each runtime loads, bundled with esbuild from the packages' built dist, as a user's
// bundler would see them. The worker and page bundles hold every dependency and are built for a
// platform without Node's built-ins, so a `node:` import anywhere in them fails the build.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

/** One bundle: where it starts, where it goes, and for which platform. */
interface BundleSpec {
  readonly entry: string;
  readonly outfile: string;
  readonly platform: "neutral" | "browser";
  /** Extra export conditions, as the runtime's own tooling (wrangler for workerd) sets them. */
  readonly conditions?: readonly string[];
  /** Leave packages out, for the runtime to load from node_modules as published. */
  readonly externalPackages?: boolean;
}

export type BundleId = "cli" | "in-process-mock" | "worker" | "page";

export const BUNDLES: Readonly<Record<BundleId, BundleSpec>> = {
  cli: { entry: "src/entries/cli.ts", outfile: "dist/cli.js", platform: "neutral", externalPackages: true },
  "in-process-mock": {
    entry: "src/entries/in-process-mock.ts",
    outfile: "dist/in-process-mock.js",
    platform: "neutral",
    externalPackages: true,
  },
  worker: {
    entry: "src/entries/worker.ts",
    outfile: "dist/worker.js",
    platform: "neutral",
    conditions: ["workerd", "worker"],
  },
  page: { entry: "src/entries/page.ts", outfile: "dist/page.js", platform: "browser" },
};

/** The app's folder (apps/smoke): the runtimes run from here, so node_modules resolves. */
export const APP_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The absolute path of a bundle. */
export const bundlePath = (id: BundleId): string => join(APP_ROOT, BUNDLES[id].outfile);

/** Builds every bundle into dist/ (from the packages' dist: build them first); per bundle, why it failed. */
export async function buildBundles(): Promise<Record<BundleId, string | undefined>> {
  const ids = Object.keys(BUNDLES) as BundleId[];
  const results = await Promise.allSettled(ids.map((id) => buildBundle(BUNDLES[id])));
  return Object.fromEntries(
    ids.map((id, i) => {
      const result = results[i];
      return [id, result?.status === "rejected" ? String((result.reason as Error).message) : undefined];
    }),
  ) as Record<BundleId, string | undefined>;
}

function buildBundle(spec: BundleSpec) {
  return esbuild.build({
    absWorkingDir: APP_ROOT,
    entryPoints: [spec.entry],
    outfile: spec.outfile,
    bundle: true,
    format: "esm",
    target: "es2022",
    platform: spec.platform,
    // Neutral has no main fields of its own; a package without `exports` still resolves.
    mainFields: ["module", "main"],
    conditions: [...(spec.conditions ?? [])],
    ...(spec.externalPackages === true ? { packages: "external" as const } : {}),
    logLevel: "silent",
  });
}
