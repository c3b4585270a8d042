import type { HostContext } from "../context.js";
import type { Feature } from "../runner.js";
import { abortFeature } from "./abort.js";
import { chatFeature } from "./chat.js";
import { endpointFeature } from "./endpoint.js";
import { invalidKeyFeature } from "./invalid-key.js";
import { keyCheckFeature } from "./key-check.js";
import { modelsFeature } from "./models.js";
import { planModelFeature } from "./plan-model.js";
import { reasoningFeature } from "./reasoning.js";
import { streamUsageFeature } from "./stream-usage.js";
import { toolCallFeature } from "./tool-call.js";
import { workspaceKeyFeature } from "./workspace-key.js";

/** The columns of the matrix, in the order they run. */
export const FEATURES: readonly Feature<HostContext>[] = [
  endpointFeature,
  keyCheckFeature,
  chatFeature,
  streamUsageFeature,
  reasoningFeature,
  toolCallFeature,
  planModelFeature,
  modelsFeature,
  invalidKeyFeature,
  workspaceKeyFeature,
  abortFeature,
];
