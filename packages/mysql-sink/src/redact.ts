// A scheme, its slashes (any number, even none: `mysql:/u:p@h` and `mysql:u:p@h` still carry a
// password) and the rest of the token: a URL never holds whitespace.
const URL_LIKE = /\b([a-z][a-z0-9+.-]*:)(\/*)(\S+)/gi;

/**
 * Masks secrets in any text we print, log or throw: the given secrets (and
 * their URL-encoded form) and the password in the user-info of anything that
 * looks like a URL, whatever its scheme and however malformed.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let result = text.replace(
    URL_LIKE,
    (_, scheme: string, slashes: string, rest: string) =>
      `${scheme}${slashes}${maskUserInfo(rest, slashes !== '')}`,
  );
  for (const secret of secrets) {
    if (secret === '') continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      result = result.split(form).join('***');
    }
  }
  return result;
}

/** `user:password@host/...` → `user:***@host/...`. */
function maskUserInfo(rest: string, slashes: boolean): string {
  // The last '@' ends the user-info as the URL parser reads it, so a password may hold '@', '/' or
  // '?'; when a query holds an '@' this masks too much, never too little.
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const colon = rest.slice(0, at).indexOf(':');
    return colon < 0 ? rest : `${rest.slice(0, colon)}:***${rest.slice(at)}`;
  }
  // No '@': `scheme://user:password` with the host forgotten still ends in a password; a port or
  // an IPv6 address does not. Without slashes this is a position (`scenario.yaml:12:3:`), a
  // Windows path or a key:value pair, never a URL.
  const authority = rest.split(/[/?#]/, 1)[0] ?? '';
  const colon = authority.indexOf(':');
  if (
    !slashes ||
    colon < 0 ||
    authority.startsWith('[') ||
    /^\d*$/.test(authority.slice(colon + 1))
  ) {
    return rest;
  }
  return `${rest.slice(0, colon)}:***${rest.slice(authority.length)}`;
}
