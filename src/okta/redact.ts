// Removes a secret from any text before it reaches an error message or a log line.

export function redactor(secret: string): (text: string) => string {
  const forms = [...new Set([secret, encodeURIComponent(secret)])].filter((s) => s.length > 0);
  return (text) => forms.reduce((out, form) => out.split(form).join('[redacted]'), text);
}
