import { OwnersRules, loginsOf } from '@infra-atlas/inventory-common';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseOwnersAliases, parseOwnersFile } from './owners';
import { MAX_ANALYZED_FILE_BYTES } from './yamlFile';

/** The real kubernetes/k8s.io OWNERS files, vendored with the emulator's seed data. */
const K8S_IO = path.resolve(
  __dirname,
  '../../../../packages/emulators/seed/k8s-infra/github/kubernetes/k8s.io',
);

function ownersFilesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap(name => {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) return ownersFilesUnder(full, rel);
    return name === 'OWNERS' ? [rel] : [];
  });
}

/** The k8s.io OWNERS rules as the provider stores them, and Prow's reading of them. */
function k8sIoRules() {
  const parsed = ownersFilesUnder(K8S_IO).map(p =>
    parseOwnersFile(readFileSync(path.join(K8S_IO, p), 'utf8'), p),
  );
  const aliases = parseOwnersAliases(
    readFileSync(path.join(K8S_IO, 'OWNERS_ALIASES'), 'utf8'),
    'OWNERS_ALIASES',
  );
  const owners = parsed.map(p => p.rules);
  return {
    parsed,
    aliases,
    tree: new OwnersRules({ owners, aliases }),
  };
}

describe('OWNERS on the real kubernetes/k8s.io files', () => {
  const { parsed, tree, aliases } = k8sIoRules();
  const approvers = (p: string) => loginsOf(tree.ownersOf(p).approvers);

  it('reads all 152 OWNERS files and the 51 aliases, each with its line, without problems', () => {
    expect(parsed).toHaveLength(152);
    expect(parsed.flatMap(p => p.problems)).toEqual([]);
    expect(Object.keys(aliases.aliases)).toHaveLength(51);
    expect(aliases.aliases['sig-k8s-infra-leads'].members).toEqual(
      expect.arrayContaining(['ameukam', 'bentheelder', 'dims', 'upodroid']),
    );
    const dns = parsed.find(p => p.rules.path === 'dns/OWNERS')!.rules;
    // dns/OWNERS: the comment is line 1, `no_parent_owners: true` line 4.
    expect(dns).toMatchObject({
      noParentOwners: 4,
      approvers: { cblecker: 6, 'sig-k8s-infra-leads': 7, thockin: 8 },
      emeritus: { bartsmykla: 10, spiffxp: 11, munnerz: 12 },
      labels: { 'area/dns': 15 },
    });
  });

  it('gives the root approvers lower-cased, with emeritus people apart', () => {
    const root = tree.ownersOf('');
    expect(root.isDirectory).toBe(true);
    expect(loginsOf(root.approvers)).toContain('bentheelder');
    expect(loginsOf(root.approvers)).not.toContain('BenTheElder');
    expect(root.emeritus.map(e => e.login)).toContain('spiffxp');
    expect(loginsOf(root.approvers)).not.toContain('spiffxp');
    expect(root.labels.map(l => l.label)).toContain('sig/k8s-infra');
  });

  it('stops at no_parent_owners: dns/ does not inherit the root approvers', () => {
    const dns = tree.ownersOf('dns/');
    expect(dns.files).toEqual(['dns/OWNERS']);
    expect(dns.inheritanceStoppedAt).toEqual({ file: 'dns/OWNERS', line: 4 });
    expect(approvers('dns/')).toEqual(
      expect.arrayContaining(['cblecker', 'thockin', 'ameukam', 'dims']),
    );
    // Root-only approvers.
    expect(approvers('dns/')).not.toContain('madhavjivrajani');
    // A file below dns/ gets the same answer, ameukam through the alias on line 7.
    const zone = tree.ownersOf('dns/zone-configs/k8s.io._0_base.yaml');
    expect(zone.isDirectory).toBe(false);
    expect(loginsOf(zone.approvers)).toEqual(approvers('dns/'));
    expect(zone.approvers.find(p => p.login === 'ameukam')!.grants).toEqual([
      {
        file: 'dns/OWNERS',
        line: 7,
        alias: {
          name: 'sig-k8s-infra-leads',
          file: 'OWNERS_ALIASES',
          line: aliases.aliases['sig-k8s-infra-leads'].line,
        },
      },
    ]);
  });

  it('inherits the root approvers where nothing stops it: apps/gcsweb/deploy.yaml', () => {
    const gcsweb = tree.ownersOf('apps/gcsweb/deploy.yaml');
    expect(gcsweb.files).toEqual([
      'apps/gcsweb/OWNERS',
      'apps/OWNERS',
      'OWNERS',
    ]);
    expect(loginsOf(gcsweb.approvers)).toEqual(
      expect.arrayContaining(['spiffxp', 'thockin', 'madhavjivrajani']),
    );
    // spiffxp approves apps/gcsweb and apps/, each file cited, and is emeritus at the root.
    expect(gcsweb.approvers.find(p => p.login === 'spiffxp')!.grants).toEqual([
      { file: 'apps/gcsweb/OWNERS', line: 4 },
      { file: 'apps/OWNERS', line: 6 },
    ]);
    expect(gcsweb.emeritus).toContainEqual({
      login: 'spiffxp',
      file: 'OWNERS',
      line: expect.any(Number),
    });
    expect(gcsweb.labels[0]).toMatchObject({
      label: 'sig/testing',
      file: 'apps/gcsweb/OWNERS',
    });
  });

  it('applies filters by path: .sh files under infra/gcp get their extra label', () => {
    const script = tree.ownersOf('infra/gcp/bash/ensure-main-project.sh');
    expect(script.labels).toContainEqual({
      label: 'area/bash',
      file: 'infra/gcp/OWNERS',
      line: expect.any(Number),
      filter: '\\.sh$',
    });
    const yaml = tree.ownersOf('infra/gcp/infra.yaml');
    expect(yaml.labels.map(l => l.label)).not.toContain('area/bash');
    expect(yaml.approvers.find(p => p.login === 'spiffxp')!.grants).toEqual([
      { file: 'infra/gcp/OWNERS', line: expect.any(Number), filter: '.*' },
    ]);
  });
});

describe('OWNERS as Prow reads them', () => {
  it('ignores the filters of a file that also has top-level entries, and says so', () => {
    const { rules, problems } = parseOwnersFile(
      'approvers: [a]\nfilters:\n  "\\\\.go$":\n    approvers: [b]\n',
      'x/OWNERS',
    );
    expect(rules.filters).toBeUndefined();
    expect(problems).toEqual([
      {
        path: 'x/OWNERS',
        line: 2,
        message: expect.stringMatching(/^filters are ignored/),
      },
    ]);
  });

  it('skips a filter that is not a regular expression, keeping the others', () => {
    const { rules, problems } = parseOwnersFile(
      'filters:\n  "(":\n    approvers: [a]\n  ".*":\n    approvers: [b]\n',
      'OWNERS',
    );
    expect(rules.filters).toEqual([
      { pattern: '.*', line: 4, approvers: { b: 5 } },
    ]);
    expect(problems[0]).toMatchObject({ line: 2 });
  });
});

describe('OWNERS bad input', () => {
  it('names the file and line of invalid YAML', () => {
    expect(() =>
      parseOwnersFile('approvers:\n  - a\n bad: [', 'x/OWNERS'),
    ).toThrow(/^x\/OWNERS: line 3: invalid YAML \(column 1\): /);
  });

  it('refuses alias bombs', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'approvers: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    ].join('\n');
    expect(() => parseOwnersFile(bomb, 'bomb/OWNERS')).toThrow(
      /^bomb\/OWNERS: line 1: YAML could not be expanded/,
    );
  });

  it('refuses files of many megabytes', () => {
    const huge = `approvers:\n${'  - someone\n'.repeat(
      MAX_ANALYZED_FILE_BYTES / 10,
    )}`;
    expect(() => parseOwnersFile(huge, 'huge/OWNERS')).toThrow(/larger than/);
  });

  it('reports unknown keys with their line and rejects wrong shapes', () => {
    const { rules, problems } = parseOwnersFile(
      'approvers: [A]\napprover: [typo]\n',
      'OWNERS',
    );
    expect(rules.approvers).toEqual({ a: 1 });
    expect(problems).toEqual([
      {
        path: 'OWNERS',
        line: 2,
        message: "unknown key 'approver'; Prow ignores it",
      },
    ]);
    expect(() => parseOwnersFile('approvers: someone', 'y/OWNERS')).toThrow(
      "y/OWNERS: line 1: 'approvers' must be a list of strings",
    );
  });
});
