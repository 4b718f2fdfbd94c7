// Deterministic rules for tokens whose real checking needs a vendor server (documented in README):
// RSA SecurID / Symantec VIP accept any 6-10 digit code except all zeros; YubiKey OTPs are 44
// modhex characters whose first 12 (the public id) identify the key, each OTP accepted once.

export function isAcceptedTokenPasscode(passCode: string): boolean {
  return /^\d{6,10}$/.test(passCode) && !/^0+$/.test(passCode);
}

/** YubiKey's keyboard-safe hex alphabet. */
export const MODHEX = 'cbdefghijklnrtuv';

export function isYubikeyOtp(otp: string): boolean {
  return otp.length === 44 && [...otp].every((c) => MODHEX.includes(c));
}

export const yubikeyPublicId = (otp: string): string => otp.slice(0, 12);

/** A 12-digit serial derived from the public id, shown as the factor's credentialId. */
export function yubikeySerial(publicId: string): string {
  const hex = [...publicId].map((c) => MODHEX.indexOf(c).toString(16)).join('');
  return (BigInt(`0x${hex}`) % 10n ** 12n).toString().padStart(12, '0');
}

/** A fresh OTP for a key: its public id plus 32 modhex characters derived from a counter. */
export function yubikeyOtp(publicId: string, counter: number): string {
  let tail = '';
  let n = counter * 2654435761 + 97;
  for (let i = 0; i < 32; i++) {
    tail += MODHEX[n % 16];
    n = Math.floor(n / 16) + (i + 1) * 7919;
  }
  return publicId + tail;
}
