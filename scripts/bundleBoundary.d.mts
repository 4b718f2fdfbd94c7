import type { Metafile, Plugin } from 'esbuild';

export function sharedModuleKeys(): string[];
export const workBundlePlugin: Plugin;
export const sharedModulesPlugin: Plugin;
export function boundaryProblems(mainMeta: Metafile, workMeta: Metafile, read?: (path: string) => string): string[];
export function checkBundleBoundary(mainMeta: Metafile, workMeta: Metafile): void;
