import { MockControlError } from "../control-error.js";
import { parseJsonRules } from "../faults/rules.js";
import type { DashscopeMockHandler } from "../mock-handler.js";
import { RequestBodyTooLargeError } from "../request-body.js";

/** The path of the standalone server's fault control, on its own origin (no host prefix). */
export const FAULT_CONTROL_PATH = "/__mock/faults";

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

function invalid(error: MockControlError | SyntaxError | RequestBodyTooLargeError): Response {
  return json(error instanceof RequestBodyTooLargeError ? 413 : 400, {
    error: {
      message: error.message,
      type: "invalid_request_error",
      param: FAULT_CONTROL_PATH,
      code: error instanceof RequestBodyTooLargeError ? "mock_request_too_large" : "mock_invalid_fault_rules",
    },
  });
}

/**
 * Answers the fault control at run time:
 * - `GET /__mock/faults`: `200 {"rules":[…]}`, every rule with its uses (`faultRules()`);
 * - `POST /__mock/faults` with a JSON array of rules (`{fault, times?, match?: {host?, path?, model?}}`):
 *   installs them before the earlier ones, `201` with the list;
 * - `DELETE /__mock/faults`: drops the installed rules and restarts every use count, `204`.
 */
export async function controlFaults(
  method: string,
  readBody: () => Promise<string>,
  mock: DashscopeMockHandler,
): Promise<Response> {
  switch (method) {
    case "GET":
      return json(200, { rules: mock.faultRules() });
    case "POST": {
      try {
        const rules = parseJsonRules(JSON.parse(await readBody()), `POST ${FAULT_CONTROL_PATH}`);
        mock.useFaults(...rules);
      } catch (error) {
        if (
          error instanceof MockControlError ||
          error instanceof SyntaxError ||
          error instanceof RequestBodyTooLargeError
        ) {
          return invalid(error);
        }
        throw error;
      }
      return json(201, { rules: mock.faultRules() });
    }
    case "DELETE":
      mock.clearFaults();
      return new Response(null, { status: 204 });
    default:
      return json(
        405,
        {
          error: {
            message: `${method} is not allowed on ${FAULT_CONTROL_PATH}`,
            type: "invalid_request_error",
            param: null,
            code: "mock_method_not_allowed",
          },
        },
        { allow: "GET, POST, DELETE" },
      );
  }
}
