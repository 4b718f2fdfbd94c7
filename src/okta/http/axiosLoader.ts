// axios (and its Node dependencies) is loaded on the first request, not when the extension
// activates: activation needs the org list and the tree's skeleton only. The build maps this dynamic
// import to a separately bundled file (dist/lazy/axios.js).
import type { AxiosStatic } from 'axios';

let loading: Promise<AxiosStatic> | undefined;

export function loadAxios(): Promise<AxiosStatic> {
  loading ??= import('axios').then((module) => ((module as { default?: AxiosStatic }).default ?? module) as AxiosStatic);
  return loading;
}

/** Axios marks its own errors; no need to load it to recognise one. */
export function isAxiosError(error: unknown): error is Error & { code?: string; isAxiosError: true } {
  return typeof error === 'object' && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true;
}
