/*
 * What the analyzers accept as a GitHub login, an e-mail address (both shared with the
 * inventory backend, in inventory-common) and a web URL.
 */

export { isEmailAddress, isGithubLogin } from '@infra-atlas/inventory-common';

/** Whether a value is an absolute http(s) URL that `new URL` accepts. */
export function isWebUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
