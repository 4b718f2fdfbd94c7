// QR codes rendered in the extension host with the `qrcode` package and handed to the webview as a
// data: URL (allowed by the panel CSP). Nothing is fetched: Okta's own QR image links are never
// loaded, and the otpauth secret never leaves the machine. No `vscode` import.
// `qrcode` is loaded on the first QR code (a separately bundled file), not at activation.

export async function qrCodeDataUrl(text: string): Promise<string> {
  const QRCode = await import('qrcode');
  const svg = await (QRCode.default ?? QRCode).toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
