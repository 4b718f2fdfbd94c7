// Phone numbers as a real org reads them for sms/call enrollment. Okta's own SDK tests enroll
// "162 840 01133" followed by U+202C (a copy from a web page carries such invisible marks) and the
// org accepts it, so invisible format characters (Unicode category Cf) and the usual separators
// (spaces, dashes, dots, parentheses) do not count; what is left must be an optional "+" and 7-15
// digits (E.164 allows at most 15).

const FORMAT_CHARACTERS = /\p{Cf}/gu;
const SEPARATORS = /[\s\p{Pd}.()]/gu;
const DIGITS = /^\+?[0-9]{7,15}$/;

/** The number without separators: "+1 (555) 415-1337" and "+1.555.415.1337" are one phone. */
export const phoneKey = (phoneNumber: string): string => phoneNumber.replace(FORMAT_CHARACTERS, '').replace(SEPARATORS, '');

/** The number as stored and shown (invisible characters removed, separators kept), or undefined when invalid. */
export function acceptedPhoneNumber(raw: string): string | undefined {
  const visible = raw.replace(FORMAT_CHARACTERS, '').trim();
  return DIGITS.test(phoneKey(visible)) ? visible : undefined;
}
