// Recognisers for values that look like credentials. Each returns a reason that names the kind
// of secret and never the value, because reasons are printed and logged.

const CREDENTIAL_NAME =
  /(password|passwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|credential)/i;
const CREDENTIAL_QUERY_PARAM =
  /^(.*token|.*secret|.*password|passwd|auth|.*api[-_]?key|key|sig|signature|x-amz-signature|x-amz-credential|x-goog-signature|x-goog-credential)$/i;
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;

const CONTENT_PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/, 'contains a private key block'],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'contains an AWS access key ID'],
  [/\bbearer\s+[A-Za-z0-9._~+/=-]{8,}/i, 'contains a bearer token'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, 'contains a JSON Web Token'],
  [/\b(?:ghp|gho|ghs|ghu|github_pat)_[A-Za-z0-9_]{20,}/, 'contains a GitHub token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/, 'contains a Slack token'],
  [/\bsk-[A-Za-z0-9_-]{20,}/, 'contains an API secret key'],
];

// `token=…` or `"password": "…"` in free text; a URL's query is already judged by urlReasons.
const CREDENTIAL_FIELD =
  /["']?[\w.-]*(password|passwd|secret|token|api[-_]?key)["']?\s*[:=]\s*["']?[^\s"',}]{4,}/i;

/** True when a name (kernel argument, YAML key, query parameter) says it holds a credential. */
export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name) && !/public/i.test(name);
}

function urlReasons(text: string): string[] {
  const reasons: string[] = [];
  for (const [candidate] of text.matchAll(URL_IN_TEXT)) {
    let url: URL;
    try {
      url = new URL(candidate);
    } catch {
      continue;
    }
    if (url.password !== '' || (url.username !== '' && url.protocol.startsWith('http'))) {
      reasons.push(`contains a ${url.protocol.slice(0, -1)} URL with a user name or password`);
    }
    for (const name of new Set(url.searchParams.keys())) {
      if (CREDENTIAL_QUERY_PARAM.test(name)) {
        reasons.push(`contains a URL whose query parameter "${name}" looks like a credential`);
      }
    }
  }
  return reasons;
}

/** Reasons why free text (a kernel argument value, a META value, a config) looks secret. */
export function secretReasonsInText(text: string): string[] {
  const reasons = urlReasons(text);
  if (reasons.length === 0 && CREDENTIAL_FIELD.test(text)) {
    reasons.push('sets a field named like a credential');
  }
  for (const [pattern, reason] of CONTENT_PATTERNS) {
    if (pattern.test(text)) reasons.push(reason);
  }
  return [...new Set(reasons)];
}
