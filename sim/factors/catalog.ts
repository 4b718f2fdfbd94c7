// GET …/factors/catalog and GET …/factors/questions.
import { factorsUrl, link, type SimContext } from '../context';
import { json, type ApiRequest, type ApiResponse } from '../http';
import { offeredKind } from './enrollmentPolicy';
import { FACTOR_KINDS } from './kinds';
import { SECURITY_QUESTIONS } from './questions';

/**
 * One entry per factor the org's enrollment policy offers (enrollmentPolicy.ts). `enrollment`/`status` are allowed by the
 * contract but shown by no example: the simulator sends OPTIONAL and NOT_SETUP (or the enrolled
 * factor's status).
 */
export function listCatalog(ctx: SimContext, req: ApiRequest): ApiResponse {
  const user = ctx.store.requireUser(req.params.userId);
  const enroll = link(factorsUrl(ctx, user.id), ['POST']);
  const phones: { id: string; profile: { phoneNumber: unknown }; status: string }[] = user.factors
    .filter((f) => f.factorType === 'sms' || f.factorType === 'call')
    .map((f) => ({ id: f.id, profile: { phoneNumber: f.profile.phoneNumber }, status: f.status }));
  if (user.recoveryPhone && !phones.some((p) => p.profile.phoneNumber === user.recoveryPhone)) {
    phones.push({ id: `rcp${user.id.slice(3)}`, profile: { phoneNumber: user.recoveryPhone }, status: 'ACTIVE' });
  }
  const entries = FACTOR_KINDS.filter((k) => offeredKind(ctx, k)).map((kind) => {
    const enrolled = user.factors.find((f) => f.factorType === kind.factorType && f.provider === kind.provider);
    const links = kind.factorType === 'question'
      ? { questions: link(`${factorsUrl(ctx, user.id)}/questions`, ['GET']), enroll }
      : { enroll };
    return {
      factorType: kind.factorType,
      provider: kind.provider,
      vendorName: kind.vendorName,
      enrollment: 'OPTIONAL',
      status: enrolled?.status ?? 'NOT_SETUP',
      ...(kind.factorType === 'sms' && phones.length > 0 ? { _embedded: { phones } } : {}),
      _links: links,
    };
  });
  return json(entries);
}

export function listQuestions(ctx: SimContext, req: ApiRequest): ApiResponse {
  ctx.store.requireUser(req.params.userId);
  return json(SECURITY_QUESTIONS);
}
