import { unprocessable } from '../../../kernel/errors.ts';

/**
 * A redirect target a department system may register: https anywhere, plain http only on the
 * machine itself (development), never a fragment — the code must not leak into page scripts.
 */
export function checkRedirectUri(uri: string, field: string): void {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw unprocessable('REDIRECT_URI_INVALID', {}, { field, uri });
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.hash || !(url.protocol === 'https:' || (url.protocol === 'http:' && local))) {
    throw unprocessable('REDIRECT_URI_INVALID', {}, { field, uri });
  }
}

/** Every URI of a list, each error naming its place (`redirectUris/2`). */
export function checkRedirectUris(uris: readonly string[] | undefined, field: string): void {
  uris?.forEach((u, i) => checkRedirectUri(u, `${field}/${i}`));
}
