const URL_CREDENTIALS = /(mysql:\/\/[^:/@\s]*):[^@\s]*@/gi;

/**
 * Masks secrets in any text we print, log or throw: the given secrets (and
 * their URL-encoded form) and the password part of any mysql:// URL.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let result = text.replace(URL_CREDENTIALS, '$1:***@');
  for (const secret of secrets) {
    if (secret === '') continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      result = result.split(form).join('***');
    }
  }
  return result;
}
