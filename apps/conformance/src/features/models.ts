import { toQwenApiError } from "@qwenkit/provider";
import { check, type HostContext } from "../context.js";
import type { Feature } from "../runner.js";
import { rejection } from "./shared.js";

/** `GET /models` lists models on Standard hosts and answers 404 on Coding Plan hosts. */
export const modelsFeature: Feature<HostContext> = {
  id: "models",
  title: "/models: Standard lists, Coding Plan 404",
  async run(ctx, signal) {
    const provider = ctx.provider();
    check(
      ctx.resolveNative().capabilities.modelsEndpoint === (ctx.host.plan === "standard"),
      "capabilities.modelsEndpoint disagrees with the plan",
    );
    if (ctx.host.plan === "standard") {
      const ids: string[] = [];
      for await (const model of provider.client.models.list({ signal })) ids.push(model.id);
      check(ids.length > 0, "empty model list");
      return `${ids.length} models`;
    }
    const error = toQwenApiError(await rejection(provider.client.models.list({ signal }), "a 404"));
    check(error.status === 404, `status ${error.status} (${error.kind})`);
    return "404 as expected";
  },
};
