import { TOOL_CALL_ID_PREFIX } from "@qwenkit/core/wire";

/** A 128-bit digest as four unsigned 32-bit words. */
export type Digest = readonly [number, number, number, number];

/**
 * A fast, non-cryptographic 128-bit string hash (cyrb128). Pure JavaScript so the handlers also run
 * where `node:crypto` does not (msw in a browser); only determinism matters here, not secrecy.
 */
export function digest(text: string): Digest {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const hex8 = (word: number): string => word.toString(16).padStart(8, "0");

/** The digest as 32 lower-case hex digits. */
export function digestHex(value: Digest): string {
  return value.map(hex8).join("");
}

/**
 * A UUID in DashScope's style: its request ids carry version nibble `9` and an RFC 4122 variant
 * (`7999b4d7-b7a3-9ba9-8a05-107864424463`), so the mock's do too.
 */
export function dashscopeUuid(value: Digest): string {
  const h = digestHex(value);
  const variant = ((Number.parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-9${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A tool-call id like DashScope's: `call_` and 22 hex digits. */
export function toolCallId(value: Digest): string {
  return `${TOOL_CALL_ID_PREFIX}${digestHex(value).slice(0, 22)}`;
}

/** A deterministic 32-bit value for position `index` of a sequence seeded by `seed`. */
export function mix(seed: number, index: number): number {
  let x = Math.imul(seed ^ Math.imul(index + 1, 0x9e3779b1), 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
