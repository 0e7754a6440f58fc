/**
 * The estate a GitHub emulator starts from: plain data, so that a test can write a small one
 * by hand and a seed loader or generator can produce a large one. The emulator builds its
 * state from it at start and never writes to it: its mutations (`putFile`, …) change only
 * that state.
 */

/** A symbolic link; git stores it as a blob holding `symlink` (mode 120000). */
export type GithubSymlink = { symlink: string };

/** A file at the head of the default branch: UTF-8 text, bytes, or a symbolic link. */
export type GithubFileContent = string | Buffer | GithubSymlink;

/** GraphQL `RepositoryVisibility`; REST spells it in lower case. */
export type GithubVisibility = 'PUBLIC' | 'PRIVATE' | 'INTERNAL';

export type GithubRepository = {
  name: string;
  description: string | null;
  topics: string[];
  /** Linguist's main language (`Go`, `Shell`, …); null for none. */
  primaryLanguage: string | null;
  isArchived: boolean;
  isFork: boolean;
  visibility: GithubVisibility;
  /** The only branch the emulator serves. */
  defaultBranch: string;
  /** RFC 3339, e.g. `2024-06-06T11:33:17Z`. */
  createdAt: string;
  /** RFC 3339; also the date of the head commit. Mutations move it forward. */
  pushedAt: string;
  /** Repository path (`dns/OWNERS`, no leading slash) → content. */
  files: Record<string, GithubFileContent>;
};

/** An organization member, as `membersWithRole` and team `members` list them. */
export type GithubUser = {
  login: string;
  name: string | null;
  /** Public e-mail; GitHub answers `""` when there is none. */
  email?: string;
};

export type GithubTeam = {
  slug: string;
  name: string;
  description: string | null;
  /** Slug of the parent team, if nested. */
  parent?: string;
  /** Logins of the direct members. */
  members: string[];
};

export type GithubOrganization = {
  login: string;
  /** Display name; null when unset, as on GitHub. */
  name?: string | null;
  description?: string | null;
  /** RFC 3339; defaults to the oldest repository's `createdAt`. */
  createdAt?: string;
  repositories: GithubRepository[];
  members?: GithubUser[];
  teams?: GithubTeam[];
};

export type GithubEstate = {
  organizations: GithubOrganization[];
};

/** RFC 3339 in whole seconds, as GitHub writes timestamps and the estate holds them. */
export function githubTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
