import { ENDPOINT_FAMILIES } from "@qwenkit/core/advanced";
import { toQwenApiError } from "@qwenkit/provider/advanced";
import { check, type HostContext } from "../context.js";
import type { Feature } from "../runner.js";
import { rejection } from "./shared.js";

/** `GET /models` lists models where the family has it (Pay-as-you-go hosts) and answers 404 elsewhere. */
export const modelsFeature: Feature<HostContext> = {
  id: "models",
  title: "/models: listed where the family has it, else 404",
  async run(ctx, signal) {
    const provider = ctx.provider();
    const listed = ENDPOINT_FAMILIES[ctx.host.endpoint.family].modelsEndpoint;
    check(
      ctx.resolveNative().capabilities.modelsEndpoint === listed,
      "capabilities.modelsEndpoint disagrees with the family",
    );
    if (listed) {
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
