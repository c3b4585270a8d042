/**
 * User-Agent fragments that identify a coding agent. With `codingPlanClientGate` on, a Coding Plan
 * host answers the 405 of docs/dashscope.md#errors to any request whose `User-Agent` contains none of them
 * (compared case-insensitively). The list names the agents the Coding Plan terms have in mind;
 * it is the mock's rule, not DashScope's (which is not published).
 */
export const CODING_AGENT_USER_AGENTS = [
  "claude-cli",
  "claude-code",
  "qwen-code",
  "openclaw",
  "cline",
  "roo-code",
  "kilo-code",
  "opencode",
  "codex",
  "cursor",
  "aider",
] as const;

/** Whether a `User-Agent` header names a coding agent. */
export function isCodingAgent(userAgent: string | null): boolean {
  const agent = userAgent?.toLowerCase() ?? "";
  return CODING_AGENT_USER_AGENTS.some((marker) => agent.includes(marker));
}
