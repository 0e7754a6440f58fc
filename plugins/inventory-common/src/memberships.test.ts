import { Entity } from '@backstage/catalog-model';
import { howToJoin } from './memberships';

const GROUPS_YAML =
  'https://github.com/kubernetes/k8s.io/blob/main/groups/sig-k8s-infra/groups.yaml';
const PAGE = {
  url: 'https://groups.google.com/a/kubernetes.io/g/k8s-infra-artifact-admins',
  title: 'Google Groups',
};

const group = (
  declaredIn?: string,
  links: Array<{ url: string; title?: string }> = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'k8s-infra-artifact-admins--kubernetes.io',
    annotations: declaredIn ? { 'infra-atlas.io/declared-in': declaredIn } : {},
    links,
  },
  spec: { type: 'google-group' },
});

describe('howToJoin', () => {
  it('sends a group declared in a file in git to a pull request to that file', () => {
    expect(howToJoin(group(GROUPS_YAML, [PAGE]))).toEqual({
      kind: 'pull-request',
      url: GROUPS_YAML,
      repository: 'kubernetes/k8s.io',
      path: 'groups/sig-k8s-infra/groups.yaml',
    });
  });

  it('sends a group without a file to its page, a directory being no file to edit', () => {
    expect(
      howToJoin(
        group('https://github.com/kubernetes/k8s.io/tree/main/groups', [PAGE]),
      ),
    ).toEqual({ kind: 'ask', ...PAGE });
    expect(howToJoin(group(undefined, [{ url: PAGE.url }]))).toEqual({
      kind: 'ask',
      url: PAGE.url,
      title: PAGE.url,
    });
  });

  it('knows nothing for a group with neither, or no group at all', () => {
    expect(
      howToJoin(group(undefined, [{ url: 'mailto:x@example.org' }])),
    ).toEqual({ kind: 'undeclared' });
    expect(howToJoin(undefined)).toEqual({ kind: 'undeclared' });
  });
});
