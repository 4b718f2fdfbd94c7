// Stands in for axios' optional `form-data` dependency (and mime-db behind it): the Okta client sends
// JSON only, so multipart bodies are never built. Failing loudly beats a silent wrong request.
module.exports = class FormData {
  constructor() {
    throw new Error('multipart form bodies are not bundled: the Okta client sends JSON only');
  }
};
