// The slice of the simulator (sim/index.ts, bundled to dist/sim.js) the demo org uses. src/ must not
// import sim/, so the module is loaded at run time and described here by the fields we touch.
import * as path from 'node:path';
import type { EventEmitter } from 'node:events';

export interface SimulatedMessage {
  channel: 'sms' | 'call' | 'email';
  to: string;
  code: string;
  userId: string;
  factorId: string;
  purpose?: string;
}

export interface SimulatedPushChallenge {
  kind: 'verify' | 'activation';
  userId: string;
  factorId: string;
  transactionId?: string;
  correctAnswer?: number;
}

export interface RunningSimulator {
  url: string;
  token: string;
  /** 'outbox' (SimulatedMessage) and 'push' (SimulatedPushChallenge). */
  events: EventEmitter;
  control: {
    approvePush(userId: string, factorId: string, transactionId?: string): unknown;
    denyPush(userId: string, factorId: string, transactionId?: string): unknown;
  };
  close(): Promise<void>;
}

interface SimulatorModule {
  startSimulator: (options: { port?: number; token?: string; seed?: string }) => Promise<RunningSimulator>;
}

/** Loads dist/sim.js only when the demo org is used, so activation stays light. */
export function loadSimulatorModule(extensionPath: string): SimulatorModule {
  // A bundle found by path at run time, loaded synchronously: import() would be asynchronous and an
  // import declaration would be bundled (or resolved at load time), so require() is the right call.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(extensionPath, 'dist', 'sim.js')) as SimulatorModule;
}
