import type { Services } from '../services';

/** okta.showLog: the "Okta" output channel with the request log. */
export function showLog(services: Services): void {
  services.log.show();
}
