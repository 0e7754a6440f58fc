import { OwnersRules, UNOWNED_REF } from '@infra-atlas/inventory-common';
import { parseOwnersAliases, parseOwnersFile } from '../analyzers/owners';
import { RepositoryOwnerResolver } from './ownerResolver';

const repo = { owner: 'Kubernetes', name: 'k8s.io' };
const aliases = parseOwnersAliases(
  'aliases:\n  dns-admins: [Alice, bob]\n',
  'OWNERS_ALIASES',
);
const tree = new OwnersRules({
  owners: [
    parseOwnersFile('approvers: [carol]\nlabels: [sig/k8s-infra]\n', 'OWNERS'),
    parseOwnersFile(
      // Prow stops a role's walk at no_parent_owners only once it has found some: the label
      // here is what keeps the root's sig/ label out.
      'approvers: [dns-admins]\nlabels: [area/dns]\noptions: {no_parent_owners: true}\n',
      'dns/OWNERS',
    ),
    parseOwnersFile(
      'approvers: [dave]\nlabels: [area/apps, wg/batch]\n',
      'apps/batch/OWNERS',
    ),
  ].map(f => f.rules),
  aliases,
});

function resolver(
  overrides: Partial<
    ConstructorParameters<typeof RepositoryOwnerResolver>[1]
  > = {},
) {
  return new RepositoryOwnerResolver(repo, {
    subprojects: [],
    ownersTree: tree,
    aliasGroup: alias =>
      alias in aliases.aliases ? `group:default/alias-${alias}` : undefined,
    fallback: 'group:default/unknown',
    ...overrides,
  });
}

describe('RepositoryOwnerResolver', () => {
  it('prefers the nearest sigs.yaml subproject, matching owner and repository case-insensitively', () => {
    const owner = resolver({
      subprojects: [
        {
          system: 'system:default/root',
          subproject: 'root',
          group: 'group:default/sig-a',
          owners: [{ owner: 'kubernetes', repo: 'K8s.io', dir: '' }],
        },
        {
          system: 'system:default/dns',
          subproject: 'dns',
          group: 'group:default/sig-b',
          owners: [{ owner: 'kubernetes', repo: 'k8s.io', dir: 'dns' }],
        },
      ],
    }).ownerOf('dns/zone-configs');
    expect(owner).toEqual({
      ref: 'group:default/sig-b',
      system: 'system:default/dns',
      evidence:
        'sigs.yaml subproject dns of sig-b lists Kubernetes/k8s.io/dns/OWNERS',
    });
  });

  it('gives a path that several groups list to the first in sigs.yaml, the others as co-owners', () => {
    const subproject = (system: string, group: string, dir = 'dns') => ({
      system: `system:default/${system}`,
      subproject: system,
      group: `group:default/${group}`,
      owners: [{ owner: 'kubernetes', repo: 'k8s.io', dir }],
    });
    const owner = resolver({
      subprojects: [
        subproject('root', 'sig-a', ''),
        subproject('dns', 'sig-b'),
        subproject('dns-tooling', 'sig-b'),
        subproject('dns-wg', 'wg-c'),
      ],
    }).ownerOf('dns/zone-configs');
    expect(owner).toEqual({
      ref: 'group:default/sig-b',
      system: 'system:default/dns',
      evidence:
        'sigs.yaml subproject dns of sig-b lists Kubernetes/k8s.io/dns/OWNERS, first in sigs.yaml of the 2 groups whose subprojects list it',
      coOwners: [
        {
          ref: 'group:default/wg-c',
          evidence:
            'sigs.yaml subproject dns-wg of wg-c lists Kubernetes/k8s.io/dns/OWNERS',
        },
      ],
    });
  });

  it('does not take a subproject of a sibling directory with a common prefix', () => {
    const owner = resolver({
      subprojects: [
        {
          system: 'system:default/dns',
          subproject: 'dns',
          group: 'group:default/sig-b',
          owners: [{ owner: 'kubernetes', repo: 'k8s.io', dir: 'dns' }],
        },
      ],
    }).ownerOf('dnsfoo');
    expect(owner.ref).toBe('group:default/sig-k8s-infra');
  });

  it('uses a sig/wg label of the effective OWNERS next', () => {
    expect(resolver().ownerOf('infra/gcp').ref).toBe(
      'group:default/sig-k8s-infra',
    );
    expect(resolver().ownerOf('apps/batch')).toMatchObject({
      ref: 'group:default/wg-batch',
      evidence: "OWNERS label 'wg/batch' (apps/batch/OWNERS, OWNERS)",
    });
  });

  it('ignores a label naming a group that does not exist when the groups are known', () => {
    const owner = resolver({
      knownGroups: new Set(['group:default/sig-k8s-infra']),
    }).ownerOf('apps/batch');
    expect(owner.ref).toBe('group:default/sig-k8s-infra');
  });

  it('falls to an approvers alias where no label applies (no_parent_owners cuts the root label)', () => {
    expect(resolver().ownerOf('dns')).toMatchObject({
      ref: 'group:default/alias-dns-admins',
      evidence: "OWNERS approvers alias 'dns-admins' (dns/OWNERS)",
    });
  });

  it('then to CODEOWNERS, then to the fallback', () => {
    const bare = new OwnersRules({
      owners: [parseOwnersFile('approvers: [eve]\n', 'OWNERS').rules],
    });
    expect(
      resolver({
        ownersTree: bare,
        codeowners: () => ['group:default/docs-team'],
      }).ownerOf('docs'),
    ).toEqual({
      ref: 'group:default/docs-team',
      evidence: "CODEOWNERS rule for '/docs'",
    });
    expect(resolver({ ownersTree: bare }).ownerOf('docs')).toEqual({
      ref: 'group:default/unknown',
      evidence: 'no ownership rule matched; configured fallback owner',
    });
    expect(
      resolver({ ownersTree: bare, fallback: UNOWNED_REF }).ownerOf('docs'),
    ).toEqual({
      ref: UNOWNED_REF,
      evidence:
        'no OWNERS file, sigs.yaml subproject or CODEOWNERS rule covers it',
    });
  });
});
