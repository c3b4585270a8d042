/** Whether a UTF-16 code unit is the first half of a surrogate pair: text cut after it splits a character. */
export const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
