// What the Factor Matrix suites give the panel: the factor workflows on the simulator org's clients,
// its users, and a store of saved matrices in a fresh temporary folder of the suite's own.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vscode = require('vscode');
import { ChangeFeed } from '../../src/changes/changeFeed';
import type { FactorService } from '../../src/factors/factorService';
import { MatrixCacheStore } from '../../src/panels/matrix/matrixCacheStore';
import type { MatrixPanelServices } from '../../src/panels/shared/panelServices';
import { UserDirectory } from '../../src/users/userDirectory';
import { EXTENSION_ID } from '../support/extensionId';
import { factorWorkflows } from '../support/factorWorkflows';
import type { SimulatorOrg } from './simulatorOrg';

export interface MatrixSuiteServices {
  services: MatrixPanelServices & { factors: FactorService };
  matrixCaches: MatrixCacheStore;
  /** Lines the store logged (a failed read or write). */
  cacheLog: string[];
}

export function matrixServices({ registry, log, totp }: SimulatorOrg): MatrixSuiteServices {
  const clientFor = (id: string) => registry.clientFor(id);
  const { factors, pushes, passkeys } = factorWorkflows(clientFor, { totp, issuer: 'Simulator', log: (line) => log.appendLine(line) });
  const cacheLog: string[] = [];
  const matrixCaches = new MatrixCacheStore(mkdtempSync(join(tmpdir(), 'matrix-cache-')), (line) => cacheLog.push(line));
  return {
    services: {
      context: { extensionUri: vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri },
      registry, factors, pushes, passkeys, authenticator: totp, log, users: new UserDirectory(clientFor), config: { showDeprovisioned: () => false },
      matrixCaches, feed: new ChangeFeed({ clientFor }),
    },
    matrixCaches,
    cacheLog,
  };
}
