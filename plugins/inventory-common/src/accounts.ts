/*
 * What counts as a GitHub login and an e-mail address: one definition of each, so that
 * sigs.yaml, groups.yaml, OWNERS and CODEOWNERS are judged alike wherever they are read.
 */

/**
 * A GitHub login (of a user or an organization): alphanumerics and hyphens, at most 39, not
 * starting with a hyphen. (GitHub forbids doubled and trailing hyphens today, but older
 * accounts still have them.)
 *
 * @public
 */
export const isGithubLogin = (value: string) =>
  /^[a-z0-9][a-z0-9-]{0,38}$/i.test(value);

/**
 * Whether a value is an e-mail address (as far as an inventory needs to know).
 *
 * @public
 */
export const isEmailAddress = (value: string) =>
  /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value);
