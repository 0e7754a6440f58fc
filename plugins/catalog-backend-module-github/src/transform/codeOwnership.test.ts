/*
 * The rules a repository's Component stores for path questions (`spec.codeOwnership`): on the
 * real kubernetes/k8s.io files, and on synthetic repositories that describe themselves or keep
 * CODEOWNERS only at the root.
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CodeOwnershipRules,
  OwnersRules,
  codeOwnershipOf,
  codeownersFor,
  loginsOf,
} from '@infra-atlas/inventory-common';
import { k8sIoSnapshot } from '../analyzers/__testUtils__/k8sIoSnapshot';
import {
  testProviderConfig,
  testRepositoryInfo,
} from '../__testUtils__/providerConfig';
import { CrawlResult } from '../lib/crawl';
import { crawlToEntities } from './entities';

const config = testProviderConfig();

const info = testRepositoryInfo;

const SELF_DESCRIBED = {
  'catalog-info.yaml': [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata: { name: website }',
    'spec: { type: website, owner: group:sig-docs, lifecycle: production }',
  ].join('\n'),
  OWNERS: 'approvers: [Docs-Lead]\n',
  '.github/CODEOWNERS': [
    '* @kubernetes/website-maintainers',
    '/content/ja/ @kubernetes/sig-docs-ja-owners docs-ja@example.com',
    '/content/ko/',
    '!*.md @nobody',
  ].join('\n'),
};

function crawl(): CrawlResult {
  return {
    teams: [],
    repositories: [
      {
        info: info('k8s.io', { OWNERS: k8sIoSnapshot().files.get('OWNERS')! }),
        snapshot: k8sIoSnapshot(),
      },
      { info: info('website', SELF_DESCRIBED) },
      { info: info('empty', {}) },
    ],
    failures: [],
    skippedFiles: [],
    archivesRead: 1,
  };
}

describe('spec.codeOwnership', () => {
  const result = crawlToEntities(crawl(), config);
  const byRef = new Map(result.entities.map(e => [stringifyEntityRef(e), e]));
  const rulesOf = (ref: string): CodeOwnershipRules => {
    const rules = codeOwnershipOf(byRef.get(ref) as Entity);
    if (!rules) throw new Error(`no rules on ${ref}`);
    // What the catalog stores and the inventory backend reads back is JSON.
    return JSON.parse(JSON.stringify(rules));
  };

  it('keeps every OWNERS file of kubernetes/k8s.io with its lines, compactly', () => {
    const rules = rulesOf('component:default/kubernetes--k8s.io');
    expect(rules.ownersDepth).toBe('tree');
    expect(rules.commit).toBe(k8sIoSnapshot().commit);
    expect(rules.owners).toHaveLength(152);
    expect(Object.keys(rules.aliases!.aliases)).toHaveLength(51);
    expect(rules.codeowners).toBeUndefined();
    // The size the docs give (github-inventory.md): about 34 KB of JSON for 152 OWNERS files.
    const bytes = JSON.stringify(rules).length;
    expect(bytes).toBeLessThan(60_000);
    expect(bytes).toBeGreaterThan(30_000);
  });

  it('answers path questions from the stored rules as from the files', () => {
    const tree = new OwnersRules(
      rulesOf('component:default/kubernetes--k8s.io'),
    );
    const zone = tree.ownersOf('dns/zone-configs/k8s.io._0_base.yaml');
    expect(zone.files).toEqual(['dns/OWNERS']);
    expect(loginsOf(zone.approvers)).toEqual(
      expect.arrayContaining(['cblecker', 'thockin', 'ameukam']),
    );
    expect(
      loginsOf(tree.ownersOf('apps/gcsweb/deploy.yaml').approvers),
    ).toEqual(expect.arrayContaining(['spiffxp', 'thockin', 'bentheelder']));
  });

  it("puts a self-described repository's rules on its own Component, read at the root only", () => {
    const rules = rulesOf('component:default/website');
    expect(rules.ownersDepth).toBe('root');
    expect(rules.owners).toEqual([
      { path: 'OWNERS', approvers: { 'docs-lead': 1 } },
    ]);
    expect(rules.codeowners!.path).toBe('.github/CODEOWNERS');
    expect(rules.codeowners!.skipped).toEqual([
      {
        line: 4,
        reason: 'negation (!) is not supported in CODEOWNERS; line skipped',
      },
    ]);
    expect(codeownersFor(rules.codeowners!, 'content/ja/x.md')).toEqual({
      pattern: '/content/ja/',
      owners: ['@kubernetes/sig-docs-ja-owners', 'docs-ja@example.com'],
      line: 2,
    });
    // Explicitly no owner.
    expect(codeownersFor(rules.codeowners!, 'content/ko/x.md')?.owners).toEqual(
      [],
    );
    // The skipped line is reported where it is, as a problem of the repository.
    expect(result.problems).toContainEqual({
      repository: 'kubernetes/website',
      path: '.github/CODEOWNERS',
      line: 4,
      message: 'negation (!) is not supported in CODEOWNERS; line skipped',
    });
  });

  it('stores empty rules for a repository without ownership files', () => {
    expect(rulesOf('component:default/kubernetes--empty')).toEqual({
      url: 'https://github.com/kubernetes/empty',
      branch: 'main',
      commit: 'c0ffee',
      ownersDepth: 'root',
      owners: [],
    });
  });
});
