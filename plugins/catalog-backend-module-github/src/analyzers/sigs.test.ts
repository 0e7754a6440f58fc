import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  groupEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { parseOwnersUrl, parseSigsYaml, sigsToEntities } from './sigs';
import { AnalyzerContext, AnalyzerProblem } from './types';

/** The real kubernetes/community sigs.yaml, vendored with the emulator's seed data. */
const SIGS_YAML = readFileSync(
  path.resolve(
    __dirname,
    '../../../../packages/emulators/seed/k8s-infra/github/kubernetes/community/sigs.yaml',
  ),
  'utf8',
);

const COMMUNITY = 'https://github.com/kubernetes/community';
const ctx: AnalyzerContext = {
  snapshot: {
    owner: 'kubernetes',
    name: 'community',
    commit: 'c0ffee',
    htmlUrl: COMMUNITY,
    defaultBranch: 'master',
    files: new Map(),
  },
  fileUrl: p => `${COMMUNITY}/blob/c0ffee/${p}`,
  treeUrl: p => `${COMMUNITY}/tree/c0ffee/${p}`,
  ownerOf: () => ({ ref: 'group:default/nobody', evidence: 'not used' }),
};

/** What the catalog checks before it accepts an entity from a provider. */
async function expectValidEntities(entities: Entity[]) {
  const policy = EntityPolicies.allOf([
    new SchemaValidEntityPolicy(),
    new FieldFormatEntityPolicy(),
    new NoForeignRootFieldsEntityPolicy(),
  ]);
  const kinds = [
    groupEntityV1alpha1Validator,
    userEntityV1alpha1Validator,
    systemEntityV1alpha1Validator,
  ];
  for (const entity of entities) {
    await expect(policy.enforce(entity)).resolves.toBe(entity);
    const accepted = await Promise.all(kinds.map(k => k.check(entity)));
    expect(accepted).toContain(true);
  }
}

const byName = (entities: Entity[], name: string) =>
  entities.find(e => e.metadata.name === name)!;

describe('sigs.yaml on the real kubernetes/community file', () => {
  const model = parseSigsYaml('sigs.yaml', SIGS_YAML);
  const output = sigsToEntities(model, ctx);
  const { entities } = output;

  it('reads 24 SIGs, 7 WGs, 3 committees and no user groups, with 216 subprojects naming 501 OWNERS files', () => {
    expect(model.sigs).toHaveLength(24);
    expect(model.workinggroups).toHaveLength(7);
    expect(model.committees).toHaveLength(3);
    expect(model.usergroups).toHaveLength(0);
    const groups = [...model.sigs, ...model.workinggroups, ...model.committees];
    const subprojects = groups.flatMap(g => g.subprojects);
    expect(subprojects).toHaveLength(216);
    expect(subprojects.flatMap(s => s.owners)).toHaveLength(501);
    expect(output.pathOwners).toHaveLength(216);
  });

  it("reports the file's real defects, and nothing else", () => {
    expect(output.problems.map(p => p.message)).toEqual([
      "sig-architecture.meetings[0].recordings_url: 'TBD' is not an http(s) URL",
      "sig-cloud-provider/provider-aws.meetings[0].url: 'https://zoom.us/j/508079177?pwd=ZmEvMksxdTFTc0N1eXFLRm91QUlyUT09' is preceded or followed by invisible characters (read without them)",
      "wg-device-management.meetings[0].url: 'TBD' is not an http(s) URL",
      "wg-device-management.meetings[0].recordings_url: 'TBD' is not an http(s) URL",
    ]);
    // Located where the offending text stands once in the file.
    expect(output.problems[1].line).toBe(919);
  });

  it('emits a valid Group per group, System per subproject and User per leader', async () => {
    const count = (kind: string) =>
      entities.filter(e => e.kind === kind).length;
    expect(count('Group')).toBe(34);
    expect(count('System')).toBe(216);
    expect(count('User')).toBe(188);
    expect(
      new Set(entities.map(e => `${e.kind}:${e.metadata.name}`)).size,
    ).toBe(entities.length);
    await expectValidEntities(entities);
    for (const entity of entities) {
      expect(entity.metadata.annotations).toMatchObject({
        'infra-atlas.io/provenance': 'declared',
        'infra-atlas.io/declared-in': `${COMMUNITY}/blob/c0ffee/sigs.yaml`,
      });
      expect(entity.metadata.annotations).not.toHaveProperty(
        'backstage.io/managed-by-location',
      );
    }
  });

  it('describes SIG K8s Infra: its leaders, contacts and charter', () => {
    const sig = byName(entities, 'sig-k8s-infra');
    expect(sig.kind).toBe('Group');
    expect(sig.metadata.description).toMatch(
      /^SIG K8s Infra is interested in the successful migration .* until they respond\."$/s,
    );
    expect(sig.metadata.annotations).toMatchObject({
      'infra-atlas.io/slack-channel': 'sig-k8s-infra',
      'infra-atlas.io/mailing-list':
        'https://groups.google.com/forum/#!forum/kubernetes-sig-k8s-infra',
    });
    expect(sig.spec).toEqual({
      type: 'sig',
      // The mailing list is a Google Groups URL, not an address: no profile e-mail.
      profile: { displayName: 'SIG K8s Infra' },
      children: [],
      leadership: {
        chairs: ['user:default/ameukam', 'user:default/dims'],
        techLeads: [
          'user:default/bentheelder',
          'user:default/ameukam',
          'user:default/upodroid',
        ],
        emeritusLeads: [
          'user:default/bartsmykla',
          'user:default/spiffxp',
          'user:default/thockin',
        ],
      },
      liaison: 'user:default/justaugustus',
    });
    expect(sig.metadata.links?.map(l => l.url)).toEqual([
      'https://kubernetes.slack.com/messages/sig-k8s-infra',
      'https://groups.google.com/forum/#!forum/kubernetes-sig-k8s-infra',
      'mailto:sig-k8s-infra-private@kubernetes.io',
      `${COMMUNITY}/tree/c0ffee/sig-k8s-infra/charter.md`,
      'https://zoom.us/j/93109963352?pwd=SHJTcFR2bVg1akYxSDREUWQzaldrQT09',
      'http://bit.ly/sig-k8s-infra-notes',
      'http://bit.ly/sig-k8s-infra-playlist',
    ]);
  });

  it('names working groups and committees clearly, and keeps charter URLs as they are', () => {
    const displayName = (name: string) =>
      (byName(entities, name).spec?.profile as { displayName: string })
        .displayName;
    expect(displayName('wg-batch')).toBe('WG Batch');
    expect(displayName('committee-steering')).toBe('Steering Committee');
    expect(byName(entities, 'wg-batch').spec?.type).toBe('working-group');
    // The SIGs a working group reports to, named in sigs.yaml by name.
    expect(byName(entities, 'wg-batch').spec?.stakeholders).toEqual([
      'group:default/sig-apps',
      'group:default/sig-autoscaling',
      'group:default/sig-node',
      'group:default/sig-scheduling',
    ]);
    expect(byName(entities, 'committee-steering').spec?.type).toBe('committee');
    expect(
      byName(entities, 'committee-steering').metadata.links,
    ).toContainEqual({
      url: 'https://git.k8s.io/steering/charter.md',
      title: 'Charter',
      icon: 'docs',
    });
  });

  it('tells which subprojects cover kubernetes/k8s.io, and where', () => {
    const k8sIo = output.pathOwners
      .filter(s =>
        s.owners.some(o => o.owner === 'kubernetes' && o.repo === 'k8s.io'),
      )
      .map(s => [s.system, s.group, s.owners.map(o => o.dir)]);
    expect(k8sIo).toEqual([
      [
        'system:default/sig-k8s-infra--k8s-infra-dns',
        'group:default/sig-k8s-infra',
        ['dns'],
      ],
      [
        'system:default/sig-k8s-infra--k8s-infra-groups',
        'group:default/sig-k8s-infra',
        ['groups'],
      ],
      [
        'system:default/sig-k8s-infra--k8s.io',
        'group:default/sig-k8s-infra',
        [''],
      ],
    ]);
  });

  it('gives each subproject a System owned by its group, with its OWNERS files as blob URLs', () => {
    const dns = byName(entities, 'sig-k8s-infra--k8s-infra-dns');
    expect(dns.kind).toBe('System');
    expect(dns.metadata.title).toBe('k8s-infra-dns');
    expect(dns.metadata.description).toMatch(
      /^Code and configuration to manage DNS/,
    );
    expect(dns.spec).toEqual({ owner: 'group:default/sig-k8s-infra' });
    expect(dns.metadata.annotations?.['infra-atlas.io/owners-files']).toBe(
      'https://github.com/kubernetes/k8s.io/blob/main/dns/OWNERS',
    );
    expect(dns.metadata.links?.[0]).toEqual({
      url: 'https://github.com/kubernetes/k8s.io/blob/main/dns/OWNERS',
      title: 'OWNERS kubernetes/k8s.io/dns',
      icon: 'github',
    });

    const componentBase = byName(entities, 'sig-api-machinery--component-base');
    expect(
      componentBase.metadata.annotations?.['infra-atlas.io/owners-files'].split(
        ',',
      ),
    ).toEqual([
      'https://github.com/kubernetes-sigs/legacyflag/blob/master/OWNERS',
      'https://github.com/kubernetes/component-base/blob/master/OWNERS',
      'https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/component-base/OWNERS',
      'https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/component-base/version/OWNERS',
    ]);

    // sig-etcd names etcd-io's MAINTAINERS files where other SIGs name OWNERS files.
    expect(
      byName(entities, 'sig-etcd--cetcd').metadata.annotations?.[
        'infra-atlas.io/owners-files'
      ],
    ).toBe('https://github.com/etcd-io/cetcd/blob/master/MAINTAINERS');
  });

  it('makes a person who leads several groups one User, a member of each group they lead', () => {
    const ben = byName(entities, 'bentheelder');
    expect(ben.kind).toBe('User');
    expect(ben.metadata.annotations?.['github.com/user-login']).toBe(
      'BenTheElder',
    );
    expect(ben.spec).toEqual({
      profile: { displayName: 'Benjamin Elder' },
      memberOf: [
        'group:default/committee-steering',
        'group:default/sig-k8s-infra',
        'group:default/sig-testing',
      ],
    });
    // Emeritus leads and liaisons are people, not members.
    expect(byName(entities, 'spiffxp').spec?.memberOf).toEqual([]);
    const liaison = byName(entities, 'justaugustus');
    expect(byName(entities, 'sig-k8s-infra').spec?.liaison).toBe(
      'user:default/justaugustus',
    );
    expect(liaison.spec?.memberOf).toContain(
      'group:default/committee-steering',
    );
    expect(liaison.spec?.memberOf).not.toContain('group:default/sig-k8s-infra');
  });

  it('takes the Slack workspace from the options', () => {
    const { entities: other } = sigsToEntities(model, ctx, {
      slackWorkspaceUrl: 'https://example.slack.com/',
    });
    expect(byName(other, 'sig-k8s-infra').metadata.links?.[0].url).toBe(
      'https://example.slack.com/messages/sig-k8s-infra',
    );
  });
});

describe('parseOwnersUrl', () => {
  it('reads the raw and the blob form alike', () => {
    const expected = {
      owner: 'kubernetes',
      repo: 'k8s.io',
      ref: 'main',
      dir: 'dns',
      file: 'OWNERS',
    };
    expect(
      parseOwnersUrl(
        'https://raw.githubusercontent.com/kubernetes/k8s.io/main/dns/OWNERS',
      ),
    ).toEqual(expected);
    expect(
      parseOwnersUrl(
        'https://github.com/kubernetes/k8s.io/blob/main/dns/OWNERS',
      ),
    ).toEqual(expected);
  });

  it("gives the root OWNERS the dir '', lower-cases owner and repo, keeps the ref", () => {
    expect(
      parseOwnersUrl('https://github.com/Kubernetes/K8s.io/blob/master/OWNERS'),
    ).toEqual({
      owner: 'kubernetes',
      repo: 'k8s.io',
      ref: 'master',
      dir: '',
      file: 'OWNERS',
    });
  });

  it('refuses anything else', () => {
    for (const url of [
      'not a url',
      'http://raw.githubusercontent.com/kubernetes/k8s.io/main/OWNERS',
      'https://gitlab.com/kubernetes/k8s.io/blob/main/OWNERS',
      'https://github.com/kubernetes/k8s.io',
      'https://github.com/kubernetes/k8s.io/commits/main/OWNERS',
      'https://github.com/kubernetes/k8s.io/blob/main/dns/',
      'https://raw.githubusercontent.com/kubernetes/k8s.io/main/dns//OWNERS',
      'https://raw.githubusercontent.com/kubernetes/k8s.io/main/../OWNERS',
    ]) {
      expect(parseOwnersUrl(url)).toBeUndefined();
    }
  });
});

describe('sigs.yaml bad input', () => {
  /** sigs.yaml from its lines, analyzed. */
  const analyze = (...lines: string[]) =>
    sigsToEntities(parseSigsYaml('sigs.yaml', lines.join('\n')), ctx);
  /** Problems as `line: message`, in the order they were found. */
  const located = (problems: AnalyzerProblem[]) =>
    problems.map(p => `${p.line ?? '?'}: ${p.message}`);
  const leadership = [
    '  leadership:',
    '    chairs:',
    '    - github: BenTheElder',
    '      name: Benjamin Elder',
    '    tech_leads:',
    '    - github: bentheelder',
    '      name: Benjamin Elder',
    '    emeritus_leads:',
    '    - github: OldLead',
  ];

  it('reports invalid YAML at its line and returns nothing else', () => {
    const model = parseSigsYaml('sigs.yaml', 'sigs:\n- dir: a\n  name: [b\n');
    expect(model.sigs).toEqual([]);
    expect(model.problems).toEqual([
      {
        path: 'sigs.yaml',
        line: expect.any(Number),
        message: expect.stringMatching(/^invalid YAML \(column \d+\): /),
        unread: true,
      },
    ]);
    expect(sigsToEntities(model, ctx).problems).toEqual(model.problems);
  });

  it('leaves out a SIG without dir and reads the others', () => {
    const output = analyze(
      'sigs:',
      '- name: Nameless',
      '- dir: sig-ok',
      '  name: OK',
      ...leadership,
    );
    expect(located(output.problems)).toEqual([
      "?: sigs[0]: 'Nameless' has no 'dir'; left out",
    ]);
    expect(output.entities.map(e => e.metadata.name)).toEqual([
      'sig-ok',
      'bentheelder',
      'oldlead',
    ]);
  });

  it('reports an OWNERS URL it cannot read, at its line, and keeps the rest of the subproject', () => {
    const output = analyze(
      'sigs:',
      '- dir: sig-x',
      '  name: X',
      '  subprojects:',
      '  - name: tools',
      '    owners:',
      '    - https://example.com/x/OWNERS',
      '    - https://github.com/kubernetes/x/blob/main/OWNERS',
    );
    expect(located(output.problems)).toEqual([
      "7: sig-x/tools.owners[0]: 'https://example.com/x/OWNERS' is not the URL of a file on GitHub " +
        '(https://raw.githubusercontent.com/<owner>/<repo>/<ref>/<path>/OWNERS ' +
        'or https://github.com/<owner>/<repo>/blob/<ref>/<path>/OWNERS)',
    ]);
    expect(output.pathOwners).toEqual([
      {
        system: 'system:default/sig-x--tools',
        subproject: 'tools',
        group: 'group:default/sig-x',
        owners: [{ owner: 'kubernetes', repo: 'x', dir: '' }],
      },
    ]);
  });

  it('reports a stakeholder SIG that does not exist', () => {
    const output = analyze(
      'sigs:',
      '- dir: sig-apps',
      '  name: Apps',
      'workinggroups:',
      '- dir: wg-x',
      '  name: X',
      '  stakeholder_sigs: [Apps, Nope]',
    );
    expect(located(output.problems)).toEqual([
      "?: wg-x.stakeholder_sigs: there is no SIG named 'Nope'",
    ]);
    expect(output.entities[1].spec?.stakeholders).toEqual([
      'group:default/sig-apps',
    ]);
  });

  it('makes mixed-case logins one User, named as first written, a member only where they lead', async () => {
    const { entities, problems } = analyze(
      'sigs:',
      '- dir: sig-a',
      '  name: A',
      ...leadership,
      'committees:',
      '- dir: committee-b',
      '  name: B',
      '  leadership:',
      '    chairs:',
      '    - github: BENTHEELDER',
    );
    expect(problems).toEqual([]);
    const users = entities.filter(e => e.kind === 'User');
    expect(users.map(u => u.metadata.name)).toEqual(['bentheelder', 'oldlead']);
    expect(users[0].metadata.annotations?.['github.com/user-login']).toBe(
      'BenTheElder',
    );
    expect(users[0].spec?.memberOf).toEqual([
      'group:default/committee-b',
      'group:default/sig-a',
    ]);
    expect(users[1].spec).toEqual({
      profile: { displayName: 'OldLead' },
      memberOf: [],
    });
    await expectValidEntities(entities);
  });

  it('reports unknown keys, wrong shapes and bad values where it can, and goes on', () => {
    const output = analyze(
      'sigs:',
      '- dir: sig-x',
      '  name: X',
      '  mision_statement: typo',
      '  contact:',
      '    slack: [not, text]',
      '    mailing_list: not-an-address',
      '  leadership:',
      '    chairs:',
      '    - github: -bad-',
      '    - name: No Login',
      '  meetings: every week',
      '- dir: sig-x',
      '  name: X again',
      'workinggroups: {}',
    );
    expect(located(output.problems)).toEqual([
      "4: sigs[0]: unknown key 'mision_statement'",
      "10: sig-x.leadership.chairs[0]: '-bad-' is not a GitHub login",
      "?: sig-x.leadership.chairs[1]: has no 'github' login",
      '?: sig-x.contact.slack: must be a string',
      "7: sig-x.contact.mailing_list: 'not-an-address' is neither an e-mail address nor an http(s) URL",
      '?: sig-x.meetings: must be a list',
      '?: workinggroups: must be a list',
      '?: sig-x: defined more than once; the first definition counts',
    ]);
    expect(output.problems.every(p => p.path === 'sigs.yaml')).toBe(true);
    expect(output.entities.map(e => e.metadata.name)).toEqual(['sig-x']);
  });
});
