// A System Log event as the simulator writes it: the official `LogEvent` schema
// (openapi-system-log.yaml), with values where real events have them and the fields a loopback
// request cannot have (geography, IP reputation) left out or null where the schema allows null.
import type { LogUserAgent } from './userAgent';

export interface LogTargetJson {
  id: string;
  type: string;
  alternateId: string;
  displayName: string;
}

export interface LogEventJson {
  actor: { id: string; type: string; alternateId: string; displayName: string };
  client?: {
    userAgent: LogUserAgent;
    zone: string;
    device: string;
    id?: string;
    ipAddress: string;
  };
  authenticationContext: { authenticationStep: number; authenticationProvider?: 'FACTOR_PROVIDER' };
  displayMessage: string;
  eventType: string;
  outcome: { result: 'SUCCESS' | 'FAILURE'; reason?: string };
  published: string;
  securityContext: { asNumber: null; asOrg: null; isp: null; domain: null; isProxy: null };
  severity: 'INFO';
  debugContext: { debugData: Record<string, string> };
  legacyEventType?: string;
  transaction: { type: 'WEB'; id: string; detail: { requestApiTokenId?: string } };
  uuid: string;
  version: '0';
  request: { ipChain: { ip: string; version: 'V4' | 'V6' }[] };
  target: LogTargetJson[];
}
