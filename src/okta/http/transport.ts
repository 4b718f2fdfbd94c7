// The HTTP exchange: one request to the org through axios, with the attempt's credentials, a timeout,
// a cap on the answer's size (after decompression, so a gzip bomb is cut off), and every failure
// turned into an OktaNetworkError. Axios errors never escape: their config carries the token.
import type { AxiosInstance } from 'axios';
import { isAxiosError, loadAxios } from './axiosLoader';
import type { PreparedRequest } from './apiRequest';
import { OktaNetworkError, type NetworkFailureKind, type RequestContext } from '../errors';
import { decodeResponse, type RawResponse } from './rawResponse';

export interface TransportOptions {
  /** The normalised org origin. */
  orgUrl: string;
  userAgent: string;
  timeoutMs: number;
  maxResponseBytes: number;
  redact: (text: string) => string;
}

export type ExchangeOutcome = ({ response: RawResponse } | { failure: OktaNetworkError }) & { durationMs: number };

export class HttpTransport {
  // Private (#) so the axios instance shows in neither inspection nor JSON.
  readonly #redact: (text: string) => string;
  #http?: Promise<AxiosInstance>;
  readonly #orgUrl: string;
  readonly #host: string;
  readonly #userAgent: string;
  readonly #timeoutMs: number;
  readonly #maxResponseBytes: number;

  constructor(options: TransportOptions) {
    this.#redact = options.redact;
    this.#host = new URL(options.orgUrl).host;
    this.#userAgent = options.userAgent;
    this.#timeoutMs = options.timeoutMs;
    this.#maxResponseBytes = options.maxResponseBytes;
    this.#orgUrl = options.orgUrl;
  }

  /** The axios instance, made on the first request. */
  private http(): Promise<AxiosInstance> {
    this.#http ??= loadAxios().then((axios) => axios.create({
      baseURL: this.#orgUrl,
      allowAbsoluteUrls: false, // a path can never send the token to another host
      maxRedirects: 0, // nor can a redirect
      proxy: false, // VS Code's own proxy support patches Node's http; axios' env proxy would bypass it
      responseType: 'text',
      transformResponse: [(data: unknown) => data], // parsed by decodeResponse, so garbled JSON is detected
      validateStatus: () => true,
      maxContentLength: this.#maxResponseBytes,
    }));
    return this.#http;
  }

  /**
   * Sends once; `attempt` holds this attempt's credentials and retry headers, and its body when it
   * is made per attempt. Never throws.
   */
  async exchange(request: PreparedRequest, attempt: { headers: Record<string, string>; body?: string }, signal?: AbortSignal): Promise<ExchangeOutcome> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': this.#userAgent,
      ...request.headers,
      ...attempt.headers,
    };
    // Okta's own examples send JSON on every POST, body or not (axios would say form-urlencoded);
    // the token request says form-urlencoded itself.
    if (!headers['Content-Type'] && (request.method === 'POST' || request.body !== undefined)) headers['Content-Type'] = 'application/json';
    const body = attempt.body ?? request.body;

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const started = performance.now();
    const durationMs = () => Math.round(performance.now() - started);
    try {
      if (signal?.aborted) throw new Error('aborted before sending');
      const http = await this.http();
      const res = await http.request<string>({
        method: request.method, url: request.target, headers, data: body, signal: controller.signal,
        responseType: request.binary ? 'arraybuffer' : 'text',
      });
      return { response: decodeResponse(res, this.#redact), durationMs: durationMs() };
    } catch (error) {
      const kind: NetworkFailureKind = signal?.aborted ? 'aborted' : timedOut ? 'timeout' : isTooLarge(error) ? 'invalid-response' : 'connection';
      return { failure: this.failure(kind, error, request, signal), durationMs: durationMs() };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private failure(kind: NetworkFailureKind, error: unknown, request: PreparedRequest, signal: AbortSignal | undefined): OktaNetworkError {
    const context: RequestContext = { method: request.method, path: request.shownPath };
    // Only a request that changes something leaves it in doubt (not a GET, nor a token request).
    const maybe = request.repeatable ? '' : ' The change may have been made anyway; refresh to check before retrying.';
    switch (kind) {
      case 'aborted':
        return new OktaNetworkError(kind, 'The request was cancelled.', context, signal?.reason === undefined ? undefined : { cause: signal.reason });
      case 'timeout':
        return new OktaNetworkError(kind, `Okta (${this.#host}) did not answer within ${Math.round(this.#timeoutMs / 100) / 10} s.${maybe}`, context);
      case 'invalid-response': {
        const unknown = request.repeatable ? '' : ' The change may have been made anyway; refresh to check.';
        return new OktaNetworkError(kind, `Okta's answer was larger than ${sizeText(this.#maxResponseBytes)}, so it was not read.${unknown}`,
          context, { cause: this.scrubbed(error) });
      }
      default:
        return new OktaNetworkError(kind, this.connectionMessage(error, maybe), context, { cause: this.scrubbed(error) });
    }
  }

  /** `maybe` is added only where the request may have reached Okta. */
  private connectionMessage(error: unknown, maybe: string): string {
    const host = this.#host;
    const code = isAxiosError(error) ? error.code : undefined;
    switch (code) {
      case 'ECONNREFUSED': return `Could not connect to ${host}: the connection was refused.`;
      case 'ENOTFOUND': case 'EAI_AGAIN': return `Could not find the host ${host}. Check the org URL and your network.`;
      case 'ECONNRESET': case 'EPIPE': case 'ERR_BAD_RESPONSE': case undefined:
        return `The connection to ${host} was dropped before Okta answered.${maybe}`;
      default:
        if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) return `The TLS certificate of ${host} could not be verified (${code}).`;
        return `Could not reach ${host} (${this.#redact(code)}).${maybe}`;
    }
  }

  /** The cause to keep: the failure's code and scrubbed message, without axios' config and request. */
  private scrubbed(error: unknown): Error {
    const message = error instanceof Error ? this.#redact(error.message) : 'unknown failure';
    const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
    return Object.assign(new Error(message), typeof code === 'string' ? { code: this.#redact(code) } : {});
  }
}

/** Axios' answer to a body over `maxContentLength` (it has no code of its own). */
function isTooLarge(error: unknown): boolean {
  return isAxiosError(error) && /maxContentLength size of \d+ exceeded/.test(error.message);
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
