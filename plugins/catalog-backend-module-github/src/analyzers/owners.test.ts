import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { OwnersTree, parseOwnersAliases, parseOwnersFile } from './owners';
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

function k8sIoTree() {
  const files = ownersFilesUnder(K8S_IO).map(p =>
    parseOwnersFile(readFileSync(path.join(K8S_IO, p), 'utf8'), p),
  );
  const aliases = parseOwnersAliases(
    readFileSync(path.join(K8S_IO, 'OWNERS_ALIASES'), 'utf8'),
    'OWNERS_ALIASES',
  );
  return { files, tree: new OwnersTree(files, aliases), aliases };
}

describe('OWNERS on the real kubernetes/k8s.io files', () => {
  const { files, tree, aliases } = k8sIoTree();

  it('reads all 152 OWNERS files and the 51 aliases', () => {
    expect(files).toHaveLength(152);
    expect(aliases.size).toBe(51);
    expect(aliases.get('sig-k8s-infra-leads')).toEqual(
      expect.arrayContaining(['ameukam', 'bentheelder', 'dims', 'upodroid']),
    );
  });

  it('gives the root approvers lower-cased, with emeritus people apart', () => {
    const root = tree.ownersOf('');
    expect(root.approvers).toContain('bentheelder');
    expect(root.approvers).not.toContain('BenTheElder');
    expect(root.emeritus).toContain('spiffxp');
    expect(root.approvers).not.toContain('spiffxp');
    expect(root.labels).toContain('sig/k8s-infra');
  });

  it('stops at no_parent_owners: dns/ does not inherit the root approvers', () => {
    const dns = tree.ownersOf('dns/');
    expect(dns.sources).toEqual(['dns/OWNERS']);
    expect(dns.approvers).toEqual(
      expect.arrayContaining(['cblecker', 'thockin', 'ameukam', 'dims']),
    );
    // Root-only approvers.
    expect(dns.approvers).not.toContain('madhavjivrajani');
    // A file below dns/ gets the same answer.
    expect(
      tree.ownersOf('dns/zone-configs/k8s.io._0_base.yaml').approvers,
    ).toEqual(dns.approvers);
  });

  it('inherits the root approvers where nothing stops it', () => {
    const gcsweb = tree.ownersOf('apps/gcsweb/');
    expect(gcsweb.sources).toEqual([
      'apps/gcsweb/OWNERS',
      'apps/OWNERS',
      'OWNERS',
    ]);
    expect(gcsweb.approvers).toContain('madhavjivrajani');
  });

  it('applies filters by path: .sh files under infra/gcp get their extra label', () => {
    expect(
      tree.ownersOf('infra/gcp/bash/ensure-main-project.sh').labels,
    ).toContain('area/bash');
    expect(tree.ownersOf('infra/gcp/infra.yaml').labels).not.toContain(
      'area/bash',
    );
    expect(tree.ownersOf('infra/gcp/infra.yaml').approvers).toContain(
      'spiffxp',
    );
  });

  it('lists the directories the sig-k8s-infra-leads alias approves, honouring no_parent_owners', () => {
    const dirs = tree.directoriesApprovedBy('sig-k8s-infra-leads');
    expect(dirs).toEqual(
      expect.arrayContaining([
        'dns',
        'groups',
        'groups/sig-k8s-infra',
        'artifacts',
      ]),
    );
    // Staging image directories that cut off their parents without naming the alias.
    expect(dirs).not.toContain('registry.k8s.io/images/k8s-staging-releng');
    expect(dirs).not.toContain('');
    // A login reaches the same directories through the alias, and more through the root.
    const ameukam = tree.directoriesApprovedBy('AMeukam');
    expect(ameukam).toEqual(expect.arrayContaining(dirs));
    expect(ameukam).toContain('');
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

  it('keeps unknown keys for reporting and rejects wrong shapes', () => {
    const file = parseOwnersFile(
      'approvers: [A]\napprover: [typo]\n',
      'OWNERS',
    );
    expect(file.approvers).toEqual(['a']);
    expect(file.unknownKeys).toEqual(['approver']);
    expect(() => parseOwnersFile('approvers: someone', 'y/OWNERS')).toThrow(
      "y/OWNERS: 'approvers' must be a list of strings",
    );
  });
});
