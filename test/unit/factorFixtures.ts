// Factors as Okta lists them, shared by the unit tests of names and capabilities.
import type { UserFactor } from '../../src/okta/models';
import { aFactor } from '../support/builders';

export const sms = {
  id: 'sms1', factorType: 'sms', provider: 'OKTA', status: 'PENDING_ACTIVATION',
  profile: { phoneNumber: '+1-555-415-1337' },
  _links: { self: { href: 'x', hints: { allow: ['GET'] } }, resend: [{ name: 'sms', href: 'y' }] },
} as UserFactor;
export const question = {
  id: 'q1', factorType: 'question', provider: 'OKTA', status: 'ACTIVE',
  profile: { question: 'favorite_art_piece', questionText: 'What is your favorite piece of art?' },
} as UserFactor;
export const googleTotp = { id: 't1', factorType: 'token:software:totp', provider: 'GOOGLE', status: 'PENDING_ACTIVATION', profile: { credentialId: 'alice@example.com' } } as UserFactor;
export const push: UserFactor = aFactor('push', { id: 'p1', status: 'PENDING_ACTIVATION' });
export const rsa: UserFactor = aFactor('token', { id: 'r1' });
export const activeSms = { ...sms, status: 'ACTIVE', _links: { self: { href: 'x', hints: { allow: ['GET', 'DELETE'] } } } } as UserFactor;
