// The HTML shell every panel uses: a strict Content-Security-Policy where the only script is the
// panel's bundled file carrying this load's nonce, styles come from the extension, and images only
// from the extension or data: URLs (the locally rendered QR codes). No `vscode` import.
import { SHARED_IDS } from './elementIds';

export interface PageParts {
  title: string;
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** Static markup of the panel; the script fills it in. */
  body: string;
}

/** The end of every panel's body: the error box the shared script fills (errorView.ts), then </main>. */
/** A panel's header: its title and the subtitle the host fills in (who and which org) once it has loaded. */
export function panelHeader(title: string): string {
  return `<header>
  <h1 id="${SHARED_IDS.title}">${title}</h1>
  <p id="${SHARED_IDS.subtitle}" class="muted">Loading...</p>
</header>`;
}

export const ERROR_BOX_AND_END = `<div id="${SHARED_IDS.error}" class="error-box" role="alert" hidden>
  <p id="${SHARED_IDS.errorMessage}"></p>
  <ul id="${SHARED_IDS.errorCauses}"></ul>
</div>
</main>`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    // No <base> to redirect relative URLs and no form posting anywhere: forms are handled by the script.
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderPage(parts: PageParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(parts.styleUri)}">
<title>${escapeHtml(parts.title)}</title>
</head>
<body>
${parts.body}
<script nonce="${escapeHtml(parts.nonce)}" src="${escapeHtml(parts.scriptUri)}"></script>
</body>
</html>`;
}
