// `lastVerified`: real factor lists carry it after a successful verification (seen on an Identity
// Engine org); `lastUpdated` stays as it was. Set on every engine (harmless on Classic).
import type { SimContext } from '../context';
import { isoSeconds } from '../ids';
import type { SimFactor } from '../model';

export function markVerified(ctx: SimContext, factor: SimFactor): void {
  factor.lastVerified = isoSeconds(ctx.now());
}
