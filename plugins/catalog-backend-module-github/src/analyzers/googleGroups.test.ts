import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  SchemaValidEntityPolicy,
  groupEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { emailPrincipalEntityName } from '@infra-atlas/inventory-common';
import {
  googleGroupsToEntities,
  parseRestrictionsYaml,
  restrictionFor,
} from './googleGroups';
import { AnalyzerContext, AnalyzerProblem } from './types';

/** The real kubernetes/k8s.io repository, as vendored with the emulator's seed data. */
const K8S_IO = path.resolve(
  __dirname,
  '../../../../packages/emulators/seed/k8s-infra/github/kubernetes/k8s.io',
);

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(path.join(K8S_IO, dir)).flatMap(name => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(K8S_IO, rel)).isDirectory()) {
      return yamlFilesUnder(rel);
    }
    return name.endsWith('.yaml') ? [rel] : [];
  });
}

/** groups/**: 30 groups.yaml, config.yaml and restrictions.yaml. */
const REAL_FILES = yamlFilesUnder('groups').map(p => ({
  path: p,
  content: readFileSync(path.join(K8S_IO, p), 'utf8'),
}));

const ctx = {
  fileUrl: (p: string) =>
    `https://github.com/kubernetes/k8s.io/blob/c0ffee/${p}`,
} as AnalyzerContext;

const groupRef = (email: string) =>
  `group:default/${emailPrincipalEntityName(email)}`;
const userRef = (email: string) =>
  `user:default/${emailPrincipalEntityName(email)}`;

/** Problems as `path:line: message`, in the order they were found. */
const located = (problems: AnalyzerProblem[]) =>
  problems.map(p => `${p.path}:${p.line ?? '?'}: ${p.message}`);

const find = (entities: Entity[], kind: string, name: string) =>
  entities.find(e => e.kind === kind && e.metadata.name === name)!;

describe('Google Groups on the real kubernetes/k8s.io files', () => {
  const { entities, problems } = googleGroupsToEntities(REAL_FILES, ctx, {
    undeclaredGroups: [/@kubernetes\.io$/],
  });
  const groups = entities.filter(e => e.kind === 'Group');
  const users = entities.filter(e => e.kind === 'User');

  it('reads 221 groups from 30 files, within the restrictions, without a problem', () => {
    expect(
      REAL_FILES.filter(f => f.path.endsWith('/groups.yaml')),
    ).toHaveLength(30);
    expect(problems).toEqual([]);
    expect(groups).toHaveLength(221);
    expect(users).toHaveLength(509);
  });

  it('emits entities the catalog accepts, declared in their groups.yaml', async () => {
    const policy = EntityPolicies.allOf([
      new SchemaValidEntityPolicy(),
      new FieldFormatEntityPolicy(),
    ]);
    for (const entity of entities) {
      await expect(policy.enforce(entity)).resolves.toBe(entity);
      const validator =
        entity.kind === 'Group'
          ? groupEntityV1alpha1Validator
          : userEntityV1alpha1Validator;
      await expect(validator.check(entity)).resolves.toBe(true);
    }
    expect(
      find(groups, 'Group', 'k8s-infra-gcp-org-admins--kubernetes.io').metadata
        .annotations,
    ).toEqual({
      'infra-atlas.io/provenance': 'declared',
      'infra-atlas.io/declared-in':
        'https://github.com/kubernetes/k8s.io/blob/c0ffee/groups/sig-k8s-infra/groups.yaml',
    });
  });

  it('cites a person’s membership in the group’s own groups.yaml, at the member’s line', () => {
    const ameukam = find(users, 'User', 'ameukam--gmail.com');
    const blob = 'https://github.com/kubernetes/k8s.io/blob/c0ffee/groups';
    // The first file that names the person is not the one that makes them an org admin.
    expect(ameukam.metadata.annotations?.['infra-atlas.io/declared-in']).toBe(
      `${blob}/groups.yaml`,
    );
    expect(
      JSON.parse(ameukam.metadata.annotations!['infra-atlas.io/memberships'])[
        groupRef('k8s-infra-gcp-org-admins@kubernetes.io')
      ],
    ).toBe(`${blob}/sig-k8s-infra/groups.yaml#L499`);
  });

  it('names groups as the GCP provider names IAM principals, and lists their members as Users', () => {
    const admins = find(
      groups,
      'Group',
      'k8s-infra-gcp-org-admins--kubernetes.io',
    );
    expect(admins.spec).toMatchObject({
      type: 'google-group',
      profile: {
        displayName: 'k8s-infra-gcp-org-admins',
        email: 'k8s-infra-gcp-org-admins@kubernetes.io',
      },
      children: [],
      owners: [],
      managers: [],
      settings: { ReconcileMembers: 'true' },
    });
    expect(admins.metadata.description).toMatch(
      /^grants owner access to the kubernetes.io GCP organization/,
    );
    const members = users
      .filter(u =>
        (u.spec?.memberOf as string[]).includes(
          groupRef('k8s-infra-gcp-org-admins@kubernetes.io'),
        ),
      )
      .map(u => (u.spec?.profile as { email: string }).email);
    expect(members).toEqual([
      'ameukam@gmail.com',
      'bentheelder@google.com',
      'cy@borg.dev',
      'davanum@gmail.com',
      'ihor@cncf.io',
      'thockin@google.com',
    ]);
  });

  it('nests groups: a member that is a declared group is a child, in whatever role', () => {
    const alerts = find(groups, 'Group', 'k8s-infra-alerts--kubernetes.io');
    expect(alerts.spec?.children).toEqual([
      groupRef('sig-k8s-infra-leads@kubernetes.io'),
    ]);
    expect(
      find(groups, 'Group', 'gke-security-groups--kubernetes.io').spec
        ?.children,
    ).toHaveLength(16);
    // leads@: contributors@ is an owner, community@ a member; both are groups.
    const leads = find(groups, 'Group', 'leads--kubernetes.io');
    expect(leads.spec?.children).toEqual([
      groupRef('community@kubernetes.io'),
      groupRef('contributors@kubernetes.io'),
    ]);
    expect(leads.spec?.owners).toEqual([
      groupRef('contributors@kubernetes.io'),
      userRef('cblecker@gmail.com'),
    ]);
    expect(leads.spec?.managers).toContain(userRef('spiffxp@gmail.com'));
  });

  it('makes each person one User, case-insensitively, a member of every group they own, manage or belong to', () => {
    const ameukam = find(users, 'User', 'ameukam--gmail.com');
    expect(ameukam.spec?.memberOf).toEqual(
      expect.arrayContaining([
        groupRef('sig-k8s-infra-leads@kubernetes.io'), // owner
        groupRef('leads@kubernetes.io'), // member
        groupRef('k8s-infra-gcp-org-admins@kubernetes.io'),
      ]),
    );
    // Written AnaMMedina21@gmail.com in two files.
    const ana = users.filter(u => /anammedina21/i.test(u.metadata.name));
    expect(ana.map(u => u.metadata.name)).toEqual(['anammedina21--gmail.com']);
    expect(ana[0].spec?.profile).toEqual({
      displayName: 'anammedina21@gmail.com',
      email: 'anammedina21@gmail.com',
    });
    expect(ana[0].spec?.memberOf).toEqual([
      groupRef('conduct@kubernetes.io'),
      groupRef('conduct-emeritus@kubernetes.io'),
      groupRef('leads@kubernetes.io'),
    ]);
  });

  it('takes undeclared addresses matching undeclaredGroups and @googlegroups.com for groups, service accounts for GCP resources', () => {
    expect(users.map(u => u.metadata.name)).not.toContain(
      'contributors--kubernetes.io',
    );
    expect(users.some(u => u.metadata.name.endsWith('googlegroups.com'))).toBe(
      false,
    );
    expect(users.some(u => u.metadata.name.includes('gserviceaccount'))).toBe(
      false,
    );
    expect(
      find(groups, 'Group', 'k8s-infra-staging-cri-tools--kubernetes.io').spec
        ?.serviceAccounts,
    ).toEqual([
      'resource:default/gcp-service-account--pr-kubekins--kubernetes-jenkins-pull',
      'resource:default/gcp-service-account--prow-build--k8s-infra-prow-build',
    ]);
    // Without a pattern for it, an undeclared kubernetes.io address is a person.
    const withoutDomain = googleGroupsToEntities(REAL_FILES, ctx).entities;
    expect(
      find(withoutDomain, 'User', 'contributors--kubernetes.io'),
    ).toBeDefined();
  });
});

describe('groups restrictions', () => {
  const restrictionsFile = REAL_FILES.find(
    f => f.path === 'groups/restrictions.yaml',
  )!;
  const { restrictions, problems } = parseRestrictionsYaml(
    restrictionsFile.path,
    restrictionsFile.content,
  );

  it('picks the first restriction whose glob matches the path below groups/', () => {
    expect(problems).toEqual([]);
    expect(restrictionFor(restrictions, 'sig-etcd/groups.yaml')?.path).toBe(
      'sig-etcd/groups.yaml',
    );
    expect(restrictionFor(restrictions, 'groups.yaml')?.path).toBe(
      'groups.yaml',
    );
    // The catch-all at the end allows nothing.
    const catchAll = restrictionFor(restrictions, 'sig-new/sub/groups.yaml');
    expect(catchAll).toEqual({ path: '**/*', allowedGroups: [] });
    expect(
      restrictionFor(restrictions.slice(0, -1), 'sig-new/groups.yaml'),
    ).toBe(undefined);
  });

  it('reports groups defined where restrictions.yaml does not allow them, at their line', () => {
    const sneaky = {
      path: 'groups/sig-k8s-infra/groups.yaml',
      content: REAL_FILES.find(
        f => f.path === 'groups/sig-k8s-infra/groups.yaml',
      )!.content.replace(
        'groups:\n',
        'groups:\n  - email-id: wg-batch-admins@kubernetes.io\n    name: sneaky\n',
      ),
    };
    const newcomer = {
      path: 'groups/sig-new/groups.yaml',
      content: 'groups:\n  - email-id: sig-new@kubernetes.io\n',
    };
    const files = REAL_FILES.filter(f => f.path !== sneaky.path).concat(
      sneaky,
      newcomer,
    );
    const output = googleGroupsToEntities(files, ctx);
    expect(located(output.problems)).toEqual([
      "groups/sig-k8s-infra/groups.yaml:2: groups/restrictions.yaml does not allow 'wg-batch-admins@kubernetes.io' to be defined in sig-k8s-infra/groups.yaml (rule 'sig-k8s-infra/groups.yaml')",
      "groups/sig-new/groups.yaml:2: groups/restrictions.yaml does not allow 'sig-new@kubernetes.io' to be defined in sig-new/groups.yaml (rule '**/*')",
    ]);
    // Still declared in git, so still shown.
    expect(
      find(output.entities, 'Group', 'sig-new--kubernetes.io'),
    ).toBeDefined();
  });

  it('follows config.yaml to the groups directory and the restrictions file', () => {
    const files = [
      {
        path: 'acl/config.yaml',
        content: 'groups-path: defs\nrestrictions-path: rules/r.yaml\n',
      },
      {
        path: 'acl/rules/r.yaml',
        content:
          'restrictions:\n  - path: "team/*"\n    allowedGroups: ["^team-"]\n',
      },
      {
        path: 'acl/defs/team/groups.yaml',
        content:
          'groups:\n  - email-id: team-a@example.org\n  - email-id: other@example.org\n',
      },
      {
        path: 'acl/elsewhere/groups.yaml',
        content: 'groups:\n  - email-id: lost@example.org\n',
      },
    ];
    const output = googleGroupsToEntities(files, ctx);
    expect(output.problems.map(p => p.message)).toEqual([
      "acl/rules/r.yaml does not allow 'other@example.org' to be defined in team/groups.yaml (rule 'team/*')",
      "outside the groups directory 'acl/defs'; the reconciler does not read it",
    ]);
    expect(output.entities.map(e => e.metadata.name)).toEqual([
      'team-a--example.org',
      'other--example.org',
    ]);
  });
});

describe('Google Groups bad input', () => {
  it('keeps the first of two definitions, in directory-walk order', () => {
    const files = [
      {
        path: 'groups/a-b/groups.yaml',
        content: 'groups:\n  - email-id: x@example.org\n    name: second\n',
      },
      {
        path: 'groups/a/groups.yaml',
        content: 'groups:\n  - email-id: X@example.org\n    name: first\n',
      },
    ];
    const output = googleGroupsToEntities(files, ctx);
    expect(located(output.problems)).toEqual([
      "groups/a-b/groups.yaml:2: 'x@example.org' is already defined in groups/a/groups.yaml; the first definition counts",
    ]);
    expect(output.entities).toHaveLength(1);
    expect(output.entities[0].spec?.profile).toEqual({
      displayName: 'first',
      email: 'x@example.org',
    });
  });

  it('cites each membership where the group lists the member, not where the member first appears', () => {
    const files = [
      {
        path: 'groups/a/groups.yaml',
        content: [
          'groups:',
          '  - email-id: a@example.org',
          '    members:',
          '      - jane@example.org',
          '      - b@example.org',
        ].join('\n'),
      },
      {
        path: 'groups/b/groups.yaml',
        content: [
          'groups:',
          '  - email-id: b@example.org',
          '    owners:',
          '      - root@example.org',
          '    members:',
          '      - jane@example.org',
        ].join('\n'),
      },
    ];
    const { entities } = googleGroupsToEntities(files, ctx);
    const memberships = (kind: string, name: string) =>
      JSON.parse(
        find(entities, kind, name).metadata.annotations?.[
          'infra-atlas.io/memberships'
        ] ?? '{}',
      );
    const url = (p: string) =>
      `https://github.com/kubernetes/k8s.io/blob/c0ffee/${p}`;
    expect(memberships('User', 'jane--example.org')).toEqual({
      [groupRef('a@example.org')]: `${url('groups/a/groups.yaml')}#L4`,
      [groupRef('b@example.org')]: `${url('groups/b/groups.yaml')}#L6`,
    });
    // A nested group is stated by its parent's file; the person's own file is the first.
    expect(memberships('Group', 'b--example.org')).toEqual({
      [groupRef('a@example.org')]: `${url('groups/a/groups.yaml')}#L5`,
    });
    expect(memberships('Group', 'a--example.org')).toEqual({});
    expect(
      find(entities, 'User', 'jane--example.org').metadata.annotations?.[
        'infra-atlas.io/declared-in'
      ],
    ).toBe(url('groups/a/groups.yaml'));
  });

  it('reports bad files, groups and members with their lines, and reads the rest', () => {
    const files = [
      { path: 'groups/broken/groups.yaml', content: 'groups:\n  - [\n' },
      {
        path: 'groups/ok/groups.yaml',
        content: [
          'groups:',
          '  - name: no-address',
          '  - email-id: ok@example.org',
          '    member: [typo@example.org]',
          '    owners:',
          '      - not-an-address',
          '      - Someone@Example.org',
          '    members:',
          '      - someone@example.org',
          '      - ok2@example.org',
          '    settings: [not, a, mapping]',
          '',
        ].join('\n'),
      },
      {
        path: 'groups/restrictions.yaml',
        content:
          'restrictions:\n  - path: "**"\n    allowedGroups: ["(unclosed"]\n',
      },
    ];
    const output = googleGroupsToEntities(files, ctx);
    expect(located(output.problems)).toEqual([
      "groups/restrictions.yaml:3: restrictions[0].allowedGroups[0]: '(unclosed' is not a valid regular expression",
      expect.stringMatching(
        /^groups\/broken\/groups\.yaml:3: invalid YAML \(column 1\): /,
      ),
      "groups/ok/groups.yaml:2: groups[0]: has no 'email-id'; group left out",
      "groups/ok/groups.yaml:4: groups[1]: unknown key 'member'",
      "groups/ok/groups.yaml:?: groups 'ok@example.org'.settings: must be a mapping",
      "groups/ok/groups.yaml:6: groups 'ok@example.org'.owners[0]: 'not-an-address' is not an e-mail address",
      "groups/ok/groups.yaml:9: groups 'ok@example.org': 'someone@example.org' is listed more than once",
      // The restriction with no usable pattern allows nothing.
      "groups/ok/groups.yaml:3: groups/restrictions.yaml does not allow 'ok@example.org' to be defined in ok/groups.yaml (rule '**')",
    ]);
    const ok = find(output.entities, 'Group', 'ok--example.org');
    expect(ok.spec).toMatchObject({
      owners: [userRef('someone@example.org')],
      children: [],
    });
    expect(
      find(output.entities, 'User', 'someone--example.org').spec?.memberOf,
    ).toEqual([groupRef('ok@example.org')]);
  });
});

describe('Google Groups of an organization with its own domain', () => {
  // Acme's people and groups share acme.example: a domain rule would make everyone a Group.
  const files = [
    {
      path: 'groups/groups.yaml',
      content: [
        'groups:',
        '  - email-id: eng@acme.example',
        '    name: Engineering',
        '    members:',
        '      - alice@acme.example',
        '      - platform@acme.example',
        '      - oncall-payments@acme.example',
        '      - acme-announce@googlegroups.com',
        '  - email-id: platform@acme.example',
        '    members: [bob@acme.example]',
        '',
      ].join('\n'),
    },
  ];
  const kinds = (entities: Entity[]) =>
    Object.fromEntries(entities.map(e => [e.metadata.name, e.kind] as const));

  it('keeps its people people: only declared groups and @googlegroups.com are groups by default', () => {
    const { entities, problems } = googleGroupsToEntities(files, ctx);
    expect(problems).toEqual([]);
    expect(kinds(entities)).toEqual({
      'eng--acme.example': 'Group',
      'platform--acme.example': 'Group',
      'alice--acme.example': 'User',
      'bob--acme.example': 'User',
      // Undeclared and matching no pattern: a person, as far as anyone can tell.
      'oncall-payments--acme.example': 'User',
    });
    expect(find(entities, 'Group', 'eng--acme.example').spec?.children).toEqual(
      [
        groupRef('acme-announce@googlegroups.com'),
        groupRef('platform@acme.example'),
      ],
    );
  });

  it('takes an undeclared address for a group when undeclaredGroups matches it', () => {
    const { entities } = googleGroupsToEntities(files, ctx, {
      undeclaredGroups: [/^oncall-/i],
    });
    expect(kinds(entities)).not.toHaveProperty('oncall-payments--acme.example');
    expect(
      find(entities, 'Group', 'eng--acme.example').spec?.children,
    ).toContain(groupRef('oncall-payments@acme.example'));
    expect(find(entities, 'User', 'alice--acme.example')).toBeDefined();
  });
});
