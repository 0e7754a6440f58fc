/*
 * What the analyzers accept as a GitHub login, an e-mail address and a web URL: one
 * definition of each, so that sigs.yaml, groups.yaml and CODEOWNERS are judged alike.
 */

/**
 * A GitHub login (of a user or an organization): alphanumerics and hyphens, at most 39, not
 * starting with a hyphen. (GitHub forbids doubled and trailing hyphens today, but older
 * accounts still have them.)
 */
const GITHUB_LOGIN = /^[a-z0-9][a-z0-9-]{0,38}$/i;

export const isGithubLogin = (value: string) => GITHUB_LOGIN.test(value);

const EMAIL = /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/;

/** Whether a value is an e-mail address (as far as an inventory needs to know). */
export const isEmailAddress = (value: string) => EMAIL.test(value);

/** Whether a value is an absolute http(s) URL that `new URL` accepts. */
export function isWebUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
