import { isHighSurrogate } from "@qwenkit/core/internal";

/** The UTF-8 byte length of a string, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (isHighSurrogate(code) && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes per token of the mock's estimate (about right for English text). */
export const BYTES_PER_TOKEN = 4;

/** The estimated tokens of a text: its UTF-8 bytes divided by four, rounded up. */
export function textTokens(text: string): number {
  return Math.ceil(utf8Length(text) / BYTES_PER_TOKEN);
}

/**
 * The mock's deterministic prompt-token count: the tokens of `JSON.stringify(messages)` plus,
 * when present, the tokens of `JSON.stringify(tools)`.
 */
export function promptTokens(messages: unknown, tools: unknown): number {
  const messageTokens = textTokens(JSON.stringify(messages) ?? "");
  return tools === undefined ? messageTokens : messageTokens + textTokens(JSON.stringify(tools) ?? "");
}
