// Removes secrets from any text before it reaches an error message or a log line.

export type Redact = (text: string) => string;

export function redactor(secret: string): Redact {
  return new SecretRedactor([secret]).redact;
}

/**
 * A redactor whose secrets can grow: a service app's access tokens change every hour, so each new
 * one is added as it arrives. Only the most recent ones are kept (older ones cannot be in flight).
 */
export class SecretRedactor {
  readonly #forms: string[][] = [];

  constructor(secrets: string[] = [], private readonly keep = 8) {
    for (const secret of secrets) this.add(secret);
  }

  add(secret: string): void {
    const forms = [...new Set([secret, encodeURIComponent(secret)])].filter((s) => s.length > 0);
    if (forms.length === 0) return;
    this.#forms.push(forms);
    if (this.#forms.length > this.keep) this.#forms.shift();
  }

  readonly redact: Redact = (text) => this.#forms.flat().reduce((out, form) => out.split(form).join('[redacted]'), text);
}
