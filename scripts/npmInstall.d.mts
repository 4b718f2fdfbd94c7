// Types for npmInstall.mjs (plain JavaScript so it runs before `npm ci`).
export declare function isolatedNpmEnv(env: NodeJS.ProcessEnv, extra?: Record<string, string>): Record<string, string>;
export declare function npmInstallInto(cacheDir: string, name: string, spec: string,
  env: Record<string, string>, log?: (msg: string) => void): void;
