// `npm run sim -- --port 0 --token t --seed demo --engine identity`: runs the simulator until interrupted.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseEngine } from './engine';
import { startSimulator } from './index';
import type { ServiceAppSpec } from './oauth/serviceApps';
import type { SeedName } from './seeds';

const HELP = `Usage: npm run sim -- [--port 0] [--token demo-api-token] [--access-token T]... [--seed demo|empty|scale:N]
  [--engine identity|classic]
  [--users-per-minute 600] [--user-by-id-per-minute 2000] [--user-me-per-minute 600] [--verify-per-minute 600]
  [--logs-per-minute 120] [--api-per-minute 600] [--token-per-minute 600] [--window-seconds 60]
  [--push-timeout 300] [--service-app '{"clientId":…,"jwks":{"keys":[…]},"scopes":[…],"requireDpop":true}' | @app.json]...`;

/** A --service-app value: the app as JSON, or @path of a JSON file holding it. */
function serviceAppSpec(raw: string): ServiceAppSpec {
  const text = raw.startsWith('@') ? readFileSync(raw.slice(1), 'utf8') : raw;
  try {
    return JSON.parse(text) as ServiceAppSpec;
  } catch {
    throw new Error(`--service-app must be JSON or @file holding JSON: ${raw.startsWith('@') ? raw : 'not JSON'}.`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      token: { type: 'string' },
      'access-token': { type: 'string', multiple: true },
      seed: { type: 'string' },
      engine: { type: 'string' },
      'users-per-minute': { type: 'string' },
      'user-by-id-per-minute': { type: 'string' },
      'user-me-per-minute': { type: 'string' },
      'verify-per-minute': { type: 'string' },
      'logs-per-minute': { type: 'string' },
      'api-per-minute': { type: 'string' },
      'token-per-minute': { type: 'string' },
      'window-seconds': { type: 'string' },
      'push-timeout': { type: 'string' },
      'service-app': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const int = (name: string, raw: string | undefined): number | undefined => {
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer.`);
    return value;
  };
  const sim = await startSimulator({
    port: int('port', values.port),
    token: values.token,
    accessTokens: values['access-token'],
    serviceApps: values['service-app']?.map(serviceAppSpec),
    seed: values.seed as SeedName | undefined,
    engine: parseEngine(values.engine),
    pushTimeoutSeconds: int('push-timeout', values['push-timeout']),
    rateLimits: Object.fromEntries(
      Object.entries({
        usersPerMinute: int('users-per-minute', values['users-per-minute']),
        userByIdPerMinute: int('user-by-id-per-minute', values['user-by-id-per-minute']),
        userMePerMinute: int('user-me-per-minute', values['user-me-per-minute']),
        verifyPerMinute: int('verify-per-minute', values['verify-per-minute']),
        logsPerMinute: int('logs-per-minute', values['logs-per-minute']),
        apiPerMinute: int('api-per-minute', values['api-per-minute']),
        tokenPerMinute: int('token-per-minute', values['token-per-minute']),
        windowSeconds: int('window-seconds', values['window-seconds']),
      }).filter(([, v]) => v !== undefined),
    ),
  });
  console.log(`Okta simulator listening on ${sim.url}`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
