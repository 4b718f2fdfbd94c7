// A factor as Okta returns it: public fields, status-dependent `_links` and, while an enrollment is
// pending, the `_embedded.activation` object (TOTP secret, push QR/send links, FIDO challenges).
import { factorUrl, factorsUrl, link, userUrl, type HalLink, type SimContext } from '../context';
import { isoSeconds } from '../ids';
import type { SimFactor, SimUser } from '../model';

const GET = ['GET'];
const POST = ['POST'];
const GET_DELETE = ['GET', 'DELETE'];

export function factorJson(ctx: SimContext, user: SimUser, factor: SimFactor): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: factor.id,
    factorType: factor.factorType,
    provider: factor.provider,
    vendorName: factor.vendorName,
    status: factor.status,
  };
  if (factor.created) out.created = factor.created;
  if (factor.lastVerified) out.lastVerified = factor.lastVerified;
  if (factor.lastUpdated) out.lastUpdated = factor.lastUpdated;
  if (factor.factorProfileId) out.factorProfileId = factor.factorProfileId;
  if (Object.keys(factor.profile).length > 0) out.profile = factor.profile;
  out._links = factorLinks(ctx, user, factor);
  const activation = factor.status === 'PENDING_ACTIVATION' ? activationObject(ctx, user, factor) : undefined;
  if (activation) out._embedded = { activation };
  return out;
}

function factorLinks(ctx: SimContext, user: SimUser, factor: SimFactor): Record<string, HalLink | HalLink[]> {
  const self = factorUrl(ctx, user.id, factor.id);
  const userLink = link(userUrl(ctx, user.id), GET);
  if (factor.status === 'ACTIVE') {
    if (factor.factorType === 'question') {
      return { questions: link(`${factorsUrl(ctx, user.id)}/questions`, GET), self: link(self, GET_DELETE), user: userLink };
    }
    if (factor.factorType === 'signed_nonce') return { self: link(self, GET_DELETE), user: userLink };
    return { verify: link(`${self}/verify`, POST), self: link(self, GET_DELETE), user: userLink };
  }
  switch (factor.factorType) {
    case 'sms':
    case 'call':
    case 'email':
      return {
        resend: [link(`${self}/resend`, POST, { name: factor.factorType })],
        activate: link(`${self}/lifecycle/activate`, POST),
        self: link(self, GET),
        user: userLink,
      };
    case 'push':
      return { poll: link(`${self}/lifecycle/activate/poll`, POST), self: link(self, GET), user: userLink };
    default:
      return { activate: link(`${self}/lifecycle/activate`, POST), self: link(self, GET), user: userLink };
  }
}

function qrLink(ctx: SimContext, user: SimUser, factor: SimFactor): HalLink {
  return link(`${factorUrl(ctx, user.id, factor.id)}/qr/${factor.secrets.qrToken}`, undefined, { type: 'image/png' });
}

/** The links a waiting push activation carries: QR code and "send activation link" by email/sms. */
export function pushActivationLinks(ctx: SimContext, user: SimUser, factor: SimFactor): Record<string, unknown> {
  const self = factorUrl(ctx, user.id, factor.id);
  return {
    send: [
      link(`${self}/lifecycle/activate/email`, POST, { name: 'email' }),
      link(`${self}/lifecycle/activate/sms`, POST, { name: 'sms' }),
    ],
    qrcode: qrLink(ctx, user, factor),
  };
}

function activationObject(ctx: SimContext, user: SimUser, factor: SimFactor): Record<string, unknown> | undefined {
  const { totp } = factor.secrets;
  if (factor.factorType === 'token:software:totp' && totp) {
    return {
      timeStep: totp.timeStep,
      sharedSecret: totp.sharedSecret,
      encoding: 'base32',
      keyLength: totp.digits,
      _links: { qrcode: qrLink(ctx, user, factor) },
    };
  }
  if (factor.factorType === 'push' && factor.pushActivation) {
    return {
      expiresAt: isoSeconds(factor.pushActivation.expiresAtMs),
      factorResult: factor.pushActivation.state,
      _links: pushActivationLinks(ctx, user, factor),
    };
  }
  if (factor.factorType === 'u2f') {
    return { version: 'U2F_V2', nonce: factor.webChallenge, timeoutSeconds: 20 };
  }
  if (factor.factorType === 'webauthn') {
    return {
      attestation: 'direct',
      authenticatorSelection: { userVerification: 'preferred', requireResidentKey: false },
      challenge: factor.webChallenge,
      excludeCredentials: user.factors
        .filter((f) => f.factorType === 'webauthn' && f.status === 'ACTIVE')
        .map((f) => ({ type: 'public-key', id: f.profile.credentialId })),
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      rp: { name: 'Okta Simulator' },
      user: {
        displayName: [user.profile.firstName, user.profile.lastName].filter(Boolean).join(' '),
        name: user.profile.login,
        id: user.id,
      },
    };
  }
  return undefined;
}
