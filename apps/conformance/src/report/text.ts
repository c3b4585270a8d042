// ANSI escape sequences: CSI (ESC [ or the C1 byte 0x9b, parameters, one final byte), OSC
// (ESC ], up to BEL or ESC \), and the two-byte ESC sequences.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape codes is the point.
const CSI = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape codes is the point.
const OSC = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape codes is the point.
const ESC = /\u001b[@-Z\\-_]/g;
// Every other C0 and C1 control but tab and line feed; carriage return would overwrite a line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Not characters at all in XML 1.0: unpaired surrogates and the two non-characters.
const NOT_XML = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

/**
 * A cell's detail made safe to print or embed: ANSI colour and cursor codes (which servers and
 * SDK errors may carry) and other control characters removed, as well as code units XML cannot
 * hold. Tab and line feed stay.
 */
export function plainText(text: string): string {
  return text.replace(CSI, "").replace(OSC, "").replace(ESC, "").replace(CONTROL, "").replace(NOT_XML, "");
}
