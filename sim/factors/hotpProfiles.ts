// Custom TOTP factor profiles (`token:hotp`, provider CUSTOM): org configuration an admin sets up
// once, each with its own algorithm, digits, time step, drift window and secret encoding. Listed at
// GET /api/v1/org/factors/hotp/profiles in the model of Okta's Terraform provider.
import { oktaErrors } from '../errors';
import { json, type ApiRequest, type ApiResponse } from '../http';

export type HmacAlgorithm = 'HMacSHA1' | 'HMacSHA256' | 'HMacSHA512';
export type SecretEncoding = 'base32' | 'base64' | 'hexadecimal';

export interface HotpProfileSettings {
  timeBased: true;
  otpLength: 6 | 8 | 10;
  hmacAlgorithm: HmacAlgorithm;
  /** Seconds per step. */
  timeStep: number;
  /** Steps accepted before and after the current one. */
  acceptableAdjacentIntervals: number;
  encoding: SecretEncoding;
}

export interface HotpProfile {
  id: string;
  name: string;
  default: boolean;
  settings: HotpProfileSettings;
}

/**
 * The simulated org's profiles. The first keeps the id and vendor of Okta's enroll example, with
 * hexadecimal secrets like that example's; the second differs from authenticator-app defaults in
 * every setting, so a code computed as SHA-1 / 6 digits / 30 s (or as counter HOTP) visibly fails.
 */
export const HOTP_PROFILES: readonly HotpProfile[] = [
  {
    id: 'fpr20l2mDyaUGWGCa0g4',
    name: 'Entrust Datacard',
    default: true,
    settings: { timeBased: true, otpLength: 6, hmacAlgorithm: 'HMacSHA1', timeStep: 30, acceptableAdjacentIntervals: 1, encoding: 'hexadecimal' },
  },
  {
    id: 'fpr1nd8PQhGcQtSxB0g4',
    name: 'Hardware TOTP (SHA-512, 8 digits)',
    default: false,
    settings: { timeBased: true, otpLength: 8, hmacAlgorithm: 'HMacSHA512', timeStep: 60, acceptableAdjacentIntervals: 3, encoding: 'base32' },
  },
];

export function findHotpProfile(id: string): HotpProfile | undefined {
  return HOTP_PROFILES.find((p) => p.id === id);
}

export function requireHotpProfile(id: string): HotpProfile {
  const profile = findHotpProfile(id);
  if (!profile) throw oktaErrors.notFound(id, 'FactorProfile');
  return profile;
}

export function listHotpProfiles(): ApiResponse {
  return json(HOTP_PROFILES);
}

export function getHotpProfile(req: ApiRequest): ApiResponse {
  return json(requireHotpProfile(req.params.profileId));
}
