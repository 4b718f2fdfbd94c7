// Public entry of the Okta org simulator (also bundled to dist/sim.js for the demo org).
export { startSimulator, DEFAULT_TOKEN, type RunningSimulator, type SimulatorOptions } from './simulator';
export type { OrgEngine } from './engine';
export type { ConnectionTimeouts } from './connectionTimeouts';
export type { SimControl, OutboxFilter } from './control/api';
export type { FaultSpec, Fault, FaultKind } from './faults';
export type { OutboxMessage, PushChallenge } from './model';
export type { RateLimitSettings } from './rateLimits';
export type { LogSettings } from './logs/systemLog';
export type { SeedName } from './seeds';
export { SEED_ANSWER } from './seeds/seedFactors';
export { DEMO_ADMIN_LOGIN } from './seeds/demo';
export { DEMO_SERVICE_APP_CLIENT_ID } from './oauth/demoApp';
export type { ServiceAppSpec, ServiceAppView } from './oauth/serviceApps';
