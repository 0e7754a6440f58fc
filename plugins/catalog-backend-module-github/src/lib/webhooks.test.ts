import { repositoriesChangedBy } from './webhooks';

const repository = {
  name: 'k8s.io',
  default_branch: 'main',
  owner: { login: 'kubernetes' },
};

describe('repositoriesChangedBy', () => {
  it('refreshes a repository on a push to its default branch only', () => {
    expect(
      repositoriesChangedBy({
        topic: 'github.push',
        eventPayload: { ref: 'refs/heads/main', repository },
      }),
    ).toEqual([{ owner: 'kubernetes', name: 'k8s.io' }]);
    expect(
      repositoriesChangedBy({
        topic: 'github.push',
        eventPayload: { ref: 'refs/heads/feature', repository },
      }),
    ).toEqual([]);
  });

  it('refreshes both names of a renamed repository, so the old one goes', () => {
    expect(
      repositoriesChangedBy({
        topic: 'github.repository',
        eventPayload: {
          action: 'renamed',
          repository,
          changes: { repository: { name: { from: 'k8s-io' } } },
        },
      }),
    ).toEqual([
      { owner: 'kubernetes', name: 'k8s-io' },
      { owner: 'kubernetes', name: 'k8s.io' },
    ]);
  });

  it('ignores events without a repository and other topics', () => {
    expect(
      repositoriesChangedBy({ topic: 'github.push', eventPayload: {} }),
    ).toEqual([]);
    expect(
      repositoriesChangedBy({
        topic: 'github.issues',
        eventPayload: { repository },
      }),
    ).toEqual([]);
  });
});
