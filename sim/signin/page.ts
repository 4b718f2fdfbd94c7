// The simulator's sign-in page: a passkey button (navigator.credentials.get over the challenge the
// verify call issues, allowCredentials from the user's active webauthn factors) and a TOTP code
// field. It posts to /sim/signin/verify and shows "Signed in as <login>" or the reason. No rpId is
// passed, so the browser uses the page's host: open it as http://localhost:PORT (IPs cannot be RP IDs).
const SCRIPT = `
const $ = (id) => document.getElementById(id);
$('login').value = new URLSearchParams(location.search).get('login') ?? '';
const fromBase64url = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const toBase64 = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)));
const toBase64url = (buffer) => toBase64(buffer).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
async function post(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}
function show(answer) {
  // reason: the sign-in calls' refusals; error, errorSummary: the request guard's and Okta's bodies.
  const reason = answer.reason ?? answer.error ?? answer.errorSummary;
  $('result').textContent = answer.signedIn ? 'Signed in as ' + answer.login : 'Sign-in failed: ' + reason;
}
$('passkey').addEventListener('click', async () => {
  const login = $('login').value;
  try {
    const options = await post('/sim/signin/challenge', { login });
    if (!options.challenge) return show(options);
    // Okta's challenge string is base64url-decoded, so clientDataJSON carries it unchanged.
    const credential = await navigator.credentials.get({ publicKey: {
      challenge: fromBase64url(options.challenge),
      allowCredentials: options.credentialIds.map((id) => ({ type: 'public-key', id: fromBase64url(id) })),
      userVerification: options.userVerification,
    } });
    show(await post('/sim/signin/verify', {
      login,
      credentialId: toBase64url(credential.rawId),
      clientData: toBase64url(credential.response.clientDataJSON),
      authenticatorData: toBase64(credential.response.authenticatorData),
      signatureData: toBase64(credential.response.signature),
    }));
  } catch (error) {
    show({ signedIn: false, reason: error.message });
  }
});
$('signin').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    show(await post('/sim/signin/verify', { login: $('login').value, passCode: $('passCode').value }));
  } catch (error) {
    show({ signedIn: false, reason: error.message });
  }
});
`;

export const SIGN_IN_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in - Okta simulator</title></head>
<body>
<h1>Sign in</h1>
<form id="signin">
<p><label>Username <input id="login" name="login" autocomplete="username webauthn"></label></p>
<p><button type="button" id="passkey">Sign in with a passkey</button></p>
<p><label>TOTP code <input id="passCode" name="passCode" inputmode="numeric" autocomplete="one-time-code"></label>
<button type="submit" id="verifyCode">Verify code</button></p>
</form>
<p id="result" role="status"></p>
<script>${SCRIPT}</script>
</body></html>
`;
