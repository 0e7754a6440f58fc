import { EventParams } from '@backstage/plugin-events-node';

/** The repositories a GitHub webhook event asks to refresh, if any. */
export type RepositoryChange = { owner: string; name: string };

type RepositoryPayload = {
  name?: string;
  default_branch?: string;
  owner?: { login?: string; name?: string };
};

type Payload = {
  ref?: string;
  action?: string;
  repository?: RepositoryPayload;
  changes?: { repository?: { name?: { from?: string } } };
};

/**
 * Reads `github.push` and `github.repository` events as Backstage's GitHub events module
 * publishes them (the webhook body as payload). A push counts only on the default branch —
 * that is what the crawl reads. A rename refreshes both names, so the old one is removed.
 */
export function repositoriesChangedBy(event: EventParams): RepositoryChange[] {
  const payload = (event.eventPayload ?? {}) as Payload;
  const repo = payload.repository;
  const owner = repo?.owner?.login ?? repo?.owner?.name;
  if (!repo?.name || !owner) {
    return [];
  }
  if (event.topic === 'github.push') {
    return payload.ref === `refs/heads/${repo.default_branch}`
      ? [{ owner, name: repo.name }]
      : [];
  }
  if (event.topic === 'github.repository') {
    const renamedFrom = payload.changes?.repository?.name?.from;
    return [
      ...(renamedFrom ? [{ owner, name: renamedFrom }] : []),
      { owner, name: repo.name },
    ];
  }
  return [];
}
