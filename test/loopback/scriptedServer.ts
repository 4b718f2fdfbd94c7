// A small loopback HTTP server for hostile-server tests: answers each request with the next handler
// of a script (or a fallback), and records what arrived. `useScriptedServer` is the usual way in:
// one server per test file.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { after, before, beforeEach } from 'node:test';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: SeenRequest, res: ServerResponse) => void;

export interface ScriptedServer {
  readonly origin: string;
  seen: SeenRequest[];
  /** Handlers used in order, one per request; `fallback` answers when the script is empty. */
  script: Handler[];
  fallback: Handler;
  close(): Promise<void>;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const emptyObject: Handler = (_r, res) => json(res, 200, {});

/** A scripted server, not yet listening: `origin` is known once `listen` has resolved. */
function scriptedServer(fallback: Handler): { handle: ScriptedServer; listen(): Promise<void> } {
  const state = { seen: [] as SeenRequest[], script: [] as Handler[], fallback, origin: '' };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      state.seen.push(entry);
      (state.script.shift() ?? state.fallback)(entry, res);
    });
  });
  const handle: ScriptedServer = {
    get origin() {
      assert.ok(state.origin, 'the scripted server is not listening yet');
      return state.origin;
    },
    get seen() { return state.seen; },
    set seen(value) { state.seen = value; },
    get script() { return state.script; },
    set script(value) { state.script = value; },
    get fallback() { return state.fallback; },
    set fallback(value) { state.fallback = value; },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const listen = async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  };
  return { handle, listen };
}

export async function startScriptedServer(fallback: Handler = emptyObject): Promise<ScriptedServer> {
  const server = scriptedServer(fallback);
  await server.listen();
  return server.handle;
}

export interface FileScriptedServer extends ScriptedServer {
  /**
   * Resolves once the server listens. A file's own `before` that needs `origin` awaits it: Node 20
   * starts top-level `before` hooks without waiting for the ones registered earlier.
   */
  ready(): Promise<void>;
}

/**
 * One scripted server for the tests of a file (call it at the top level): listening before them,
 * closed after them, and with no script and nothing seen at the start of each, so no test sees
 * another's requests. `fallback` stays as a test sets it.
 */
export function useScriptedServer(fallback: Handler = emptyObject): FileScriptedServer {
  const server = scriptedServer(fallback);
  const { handle } = server;
  let listening: Promise<void> | undefined;
  const ready = () => (listening ??= server.listen());
  before(ready);
  after(() => handle.close());
  beforeEach(() => {
    handle.seen = [];
    handle.script = [];
  });
  return Object.assign(handle, { ready });
}
