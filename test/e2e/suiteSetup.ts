// The set-up the e2e suites against the simulator share: one seeded simulator and one code-server +
// Chromium harness per test file, the org reset before each test, and the workbenches closed after
// each (with screenshots when the test failed).
import { after, afterEach, before, beforeEach } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../sim';
import { E2EHarness, failedTestName } from './harness';
import { resetOrg } from './simApi';

export interface SimulatorSuite {
  readonly sim: RunningSimulator;
  readonly harness: E2EHarness;
}

/** Registers the hooks; the returned object's fields are set once `before` has run. */
export function useSimulatorSuite(options: { token?: string } = {}): SimulatorSuite {
  const suite = {} as { sim: RunningSimulator; harness: E2EHarness };
  before(async () => {
    suite.sim = await startSimulator({ port: 0, seed: 'demo', ...options });
    suite.harness = await E2EHarness.start();
  });
  beforeEach(async () => { await resetOrg(suite.sim); });
  afterEach(async (t) => { await suite.harness.closeWorkbenches(failedTestName(t)); });
  after(async () => {
    await suite.harness?.close();
    await suite.sim?.close();
  });
  return suite;
}
