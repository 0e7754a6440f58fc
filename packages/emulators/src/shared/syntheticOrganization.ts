/**
 * The people and teams of the synthetic organization, shared by the synthetic GCP and GitHub
 * estates so that the two can be joined: `alice@example.com` in an IAM policy is `alice` in an
 * OWNERS file, and team `payments` owns both projects and repositories.
 */
export const SYNTHETIC_DOMAIN = 'example.com';

export const SYNTHETIC_PEOPLE = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'grace',
  'heidi',
  'ivan',
  'judy',
];

export const SYNTHETIC_TEAMS = [
  'payments',
  'search',
  'identity',
  'platform',
  'data',
  'ml',
  'checkout',
  'mobile',
  'infra',
  'security',
  'growth',
  'support',
];
