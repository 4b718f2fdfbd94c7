// Types for setup-vscode.mjs (plain JavaScript so it runs before `npm ci`).
export declare const CODE_SERVER_VERSION: string;
export declare const NODE_VERSION: string;
export interface VscodePaths { node: string; codeServerEntry: string; chromium: string }
export declare const vscodePaths: VscodePaths;
export declare function ensureVscode(): VscodePaths;
