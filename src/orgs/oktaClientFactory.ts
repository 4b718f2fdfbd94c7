// The registry's clients, built in the lazily loaded half of the extension: every client of one org
// work session (one org, one set of credentials) shares one OrgTraffic, so they share what they learn
// of the rate limit and one concurrency cap, while new credentials start fresh.
import { OktaClient } from '../okta/client';
import { OrgTraffic } from '../okta/http/orgTraffic';
import type { ClientFactory } from './connectionCheck';
import type { OrgWorkSession } from './orgWork';

const trafficOfWork = new WeakMap<OrgWorkSession, OrgTraffic>();

function trafficOf(work: OrgWorkSession): OrgTraffic {
  let traffic = trafficOfWork.get(work);
  if (!traffic) {
    traffic = new OrgTraffic();
    trafficOfWork.set(work, traffic);
  }
  return traffic;
}

/** A client without a work session (the token check before an org is stored) gets its own traffic state. */
export const createOktaClient: ClientFactory = ({ work, ...options }) =>
  new OktaClient({ ...options, ...(work ? { traffic: trafficOf(work) } : {}) });
