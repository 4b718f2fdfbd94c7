// The org's Passkey (FIDO2 WebAuthn) method setting the simulator honours, named after Okta's
// `certBasedAttestationValidation` [SPEC AuthenticatorMethodWebAuthn]: when on, only attestations
// signed by a certificate pass; self-attested and `none` ones are refused. Off by default, as in Okta.
export interface WebAuthnSettings {
  certBasedAttestationValidation: boolean;
}

export const defaultWebAuthnSettings = (): WebAuthnSettings => ({ certBasedAttestationValidation: false });

export function configureWebAuthn(settings: WebAuthnSettings, changes: Record<string, unknown>): WebAuthnSettings {
  for (const [name, value] of Object.entries(changes)) {
    if (name !== 'certBasedAttestationValidation') throw new Error(`Unknown WebAuthn setting "${name}".`);
    if (typeof value !== 'boolean') throw new Error(`"${name}" must be true or false.`);
    settings[name] = value;
  }
  return { ...settings };
}
