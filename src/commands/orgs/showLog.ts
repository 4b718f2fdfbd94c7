import type { CommandServices } from '../commandServices';

/** okta.showLog: the "Okta" output channel with the request log. */
export function showLog(services: CommandServices): void {
  services.log.show();
}
