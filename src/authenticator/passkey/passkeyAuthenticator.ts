// The built-in authenticator's software passkeys: one P-256 credential per WebAuthn factor enrolled
// through the extension, kept in the SecretStore. It registers the credential, signs Okta's verify
// challenges with it, and exports it for browser tests. The private key is read from the store per
// call, never kept in a field, logged or put in a message; only the two exports return it.
import type { WebAuthnActivation, WebAuthnChallenge } from '../../okta/models';
import type { SecretStore } from '../../orgs/secretStore';
import type { FactorRef } from '../factorSecrets';
import { StoredFactorSecrets } from '../storedFactorSecrets';
import { DevtoolsCredential, PlaywrightCredential, devtoolsCredentialOf, playwrightCredentialOf } from './credentialHandoff';
import { WebAuthnVerifyRequest, signPasskeyAssertion } from './passkeyAssertion';
import { PasskeyRecord, isPasskeyRecord } from './passkeyRecord';
import { PasskeyRegistrationOptions, WebAuthnActivateRequest, createPasskeyRegistration } from './passkeyRegistration';

/** Secret key kind: `okta.passkey/<orgId>/<userId>/<factorId>` holds a PasskeyRecord as JSON. */
export const PASSKEY_SECRET_KIND = 'okta.passkey';

export class PasskeyMissingError extends Error {
  override readonly name = 'PasskeyMissingError';
  constructor() {
    super('The built-in authenticator holds no passkey for this factor: it was not enrolled through this extension, or was forgotten.');
  }
}

/** onDidChange also fires after each assertion: the stored counter moved. */
export class PasskeyAuthenticator extends StoredFactorSecrets<PasskeyRecord> {
  /** Per factor, the last signing in flight: two assertions must not report the same counter. */
  private readonly signing = new Map<string, Promise<unknown>>();

  constructor(secrets: SecretStore) {
    super(secrets, PASSKEY_SECRET_KIND, isPasskeyRecord);
  }

  /**
   * Makes and keeps a credential for a just-enrolled factor (`_embedded.activation`) and returns the
   * body for `POST …/lifecycle/activate`. Kept before activation so a crash cannot lose an activated
   * key; call forget() when activation fails for good.
   */
  async createCredential(ref: FactorRef, activation: WebAuthnActivation, options: PasskeyRegistrationOptions): Promise<WebAuthnActivateRequest> {
    const { record, request } = createPasskeyRegistration(activation, options);
    await this.records.write(ref, record);
    return request;
  }

  /**
   * Signs the verify CHALLENGE answer's `_embedded.challenge` and returns the body of the second
   * verify. The raised counter is stored before the body is handed out.
   */
  signAssertion(ref: FactorRef, challenge: WebAuthnChallenge): Promise<WebAuthnVerifyRequest> {
    return this.oneAtATime(ref, async () => {
      const { record, request } = signPasskeyAssertion(await this.require(ref), challenge);
      await this.records.write(ref, record);
      return request;
    });
  }

  async has(ref: FactorRef): Promise<boolean> {
    return (await this.records.read(ref)) !== undefined;
  }

  /** For Playwright's `context.credentials.create(rpId, rest)`; contains the private key. */
  async playwrightCredential(ref: FactorRef): Promise<PlaywrightCredential> {
    return playwrightCredentialOf(await this.require(ref));
  }

  /** For CDP `WebAuthn.addCredential`'s `credential`; contains the private key. */
  async devtoolsCredential(ref: FactorRef, options: { resident?: boolean } = {}): Promise<DevtoolsCredential> {
    return devtoolsCredentialOf(await this.require(ref), options.resident);
  }

  /** Call when the factor is unenrolled or its activation failed for good. */
  async forget(ref: FactorRef): Promise<void> {
    await this.records.delete(ref);
  }

  protected missingSecretError(): Error {
    return new PasskeyMissingError();
  }

  private oneAtATime<T>(ref: FactorRef, work: () => Promise<T>): Promise<T> {
    const key = `${ref.orgId}/${ref.userId}/${ref.factorId}`;
    const result = (this.signing.get(key) ?? Promise.resolve()).then(work);
    const settled = result.catch(() => undefined);
    this.signing.set(key, settled);
    void settled.then(() => {
      if (this.signing.get(key) === settled) this.signing.delete(key);
    });
    return result;
  }
}
