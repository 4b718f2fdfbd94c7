// What the factor and user APIs share: paths built only from checked ids and from links on this
// org's API, requests sent through the request policy, and answers accepted only in the shape
// Okta documents (JSON of the expected shape; 204 No Content for a DELETE).
import type { ApiRequest } from '../http/apiRequest';
import { OktaInputError, OktaNetworkError, type RequestContext } from '../errors';
import { pathSegment } from './pathIds';
import { describeBody, requestIdOf, type RawResponse } from '../http/rawResponse';
import type { RequestPolicy } from '../http/requestPolicy';

export type JsonShape = 'array' | 'object';

export class ApiCalls {
  readonly orgUrl: string;
  readonly #policy: RequestPolicy;
  readonly #redact: (text: string) => string;

  constructor(orgUrl: string, policy: RequestPolicy, redact: (text: string) => string) {
    this.orgUrl = orgUrl;
    this.#policy = policy;
    this.#redact = redact;
  }

  /** One path segment from an id (refused when it could change the path). */
  segment(value: string, what: string): string {
    return pathSegment(value, what, this.#redact);
  }

  userPath(userId: string): string {
    return `/api/v1/users/${this.segment(userId, 'user id')}`;
  }

  factorPath(userId: string, factorId: string): string {
    return `${this.userPath(userId)}/factors/${this.segment(factorId, 'factor id')}`;
  }

  /** Refuses links to another origin or outside the API before any request (token safety). */
  sameOriginPath(href: string): { path: string; query: Record<string, string> } {
    let url: URL;
    try {
      url = new URL(href, this.orgUrl);
    } catch (error) {
      throw new OktaInputError('Okta returned a link that is not a valid URL; it was not followed.', {}, { cause: error });
    }
    if (url.origin !== this.orgUrl || !url.pathname.startsWith('/api/v1/') || url.pathname.includes('/../')) {
      throw new OktaInputError(`Okta returned a link outside ${this.orgUrl}/api/v1/ (${this.#redact(url.origin + url.pathname)}); it was not followed.`);
    }
    return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
  }

  send(request: ApiRequest): Promise<RawResponse> {
    return this.#policy.send(request);
  }

  /** Sends and returns the answer's JSON, which must have `shape`. */
  async json<T>(request: ApiRequest, shape: JsonShape): Promise<T> {
    return this.read<T>(await this.send(request), shape, request);
  }

  /** A success body as JSON of `shape`; on GET a garbled body was already retried by the policy. */
  read<T>(response: RawResponse, shape: JsonShape, request: ApiRequest): T {
    if (response.json.ok && hasShape(response.json.value, shape)) return response.json.value as T;
    const sideEffect = request.method !== 'GET' ? ' The change may have been made anyway; refresh to check.' : '';
    throw new OktaNetworkError('invalid-response',
      `Okta answered HTTP ${response.status} but the body is ${describeBody(response)} instead of the expected JSON ${shape}.${sideEffect}`,
      this.context(request, response));
  }

  /** Sends a GET for an image and returns it; anything but a PNG, GIF or JPEG is refused as not Okta's image. */
  async image(request: ApiRequest): Promise<{ contentType: string; data: Uint8Array }> {
    const response = await this.send({ ...request, binary: true, headers: { ...request.headers, Accept: 'image/png, image/*;q=0.8' } });
    const type = typeof response.headers['content-type'] === 'string' ? response.headers['content-type'].split(';')[0].trim().toLowerCase() : '';
    if (!/^image\/(png|gif|jpeg)$/.test(type) || !response.bytes?.length) {
      throw new OktaNetworkError('invalid-response', `Okta answered HTTP ${response.status} with ${type || 'no content type'} instead of an image.`,
        this.context(request, response));
    }
    return { contentType: type, data: response.bytes };
  }

  /**
   * Sends a DELETE whose success is 204 No Content (or an empty 2xx). A 200 with an HTML page (a
   * captive portal) or a garbled body is not Okta's answer: the outcome is unknown, and said so.
   * `acceptJsonObject` also takes a JSON object, for answers whose shape Okta does not document.
   */
  async noContent(request: ApiRequest, outcome: string, options: { acceptJsonObject?: boolean } = {}): Promise<void> {
    const response = await this.send(request);
    if (response.status === 204 || response.body.trim() === '') return;
    if (options.acceptJsonObject && response.json.ok && hasShape(response.json.value, 'object')) return;
    const body = response.json.ok ? 'a JSON body' : describeBody(response);
    throw new OktaNetworkError('invalid-response',
      `Okta answered HTTP ${response.status} with ${body} instead of 204 No Content, so whether ${outcome} is unknown; refresh to check.`,
      this.context(request, response));
  }

  private context(request: ApiRequest, response: RawResponse): RequestContext {
    return { method: request.method, path: this.#redact(request.path), requestId: requestIdOf(response.headers) };
  }
}

function hasShape(value: unknown, shape: JsonShape): boolean {
  return shape === 'array' ? Array.isArray(value) : !!value && typeof value === 'object' && !Array.isArray(value);
}
