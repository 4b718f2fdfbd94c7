// `client.userAgent` and `client.device` of an event, derived from the request's User-Agent the way
// real events show them: a browser name in capitals (CHROME, FIREFOX...), an OS name ("Mac OS X",
// "Windows 10"...), and UNKNOWN / "Unknown" / device "Unknown" for anything else (an SDK, curl).

export interface LogUserAgent {
  rawUserAgent: string;
  os: string;
  browser: string;
}

const BROWSERS: readonly [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'EDGE'],
  [/\bFirefox\//, 'FIREFOX'],
  [/\bChrome\//, 'CHROME'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'SAFARI'],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/\b(iPhone|iPad)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows NT 10/, 'Windows 10'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b/, 'Mac OS X'],
  [/\bLinux\b/, 'Linux'],
];

const first = (rules: readonly [RegExp, string][], raw: string): string | undefined => rules.find(([pattern]) => pattern.test(raw))?.[1];

export function logUserAgent(raw: string | undefined): { userAgent: LogUserAgent; device: string } {
  const text = raw ?? '';
  const browser = first(BROWSERS, text);
  const os = first(SYSTEMS, text);
  return {
    userAgent: { rawUserAgent: text || 'UNKNOWN', os: os ?? 'Unknown', browser: browser ?? 'UNKNOWN' },
    device: browser ? (os === 'iOS' || os === 'Android' ? 'Mobile' : 'Computer') : 'Unknown',
  };
}
