/*
 * The whole transform on the real k8s-infra files: kubernetes/k8s.io analysed in depth and
 * kubernetes/community's sigs.yaml, as the demo configures them. The answers are the ones a
 * person would check by reading the repositories.
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { k8sIoSnapshot } from '../analyzers/__testUtils__/k8sIoSnapshot';
import {
  K8S_INFRA_ANALYZERS,
  testProviderConfig,
  testRepositoryInfo,
} from '../__testUtils__/providerConfig';
import { CrawlResult } from '../lib/crawl';
import { crawlToEntities } from './entities';

const SIGS_YAML = path.resolve(
  __dirname,
  '../../../../packages/emulators/seed/k8s-infra/github/kubernetes/community/sigs.yaml',
);
const WEBSITE_CATALOG_INFO = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata: { name: website }',
  'spec: { type: website, owner: group:sig-docs, lifecycle: production }',
  '',
].join('\n');

const config = testProviderConfig({
  analyzers: K8S_INFRA_ANALYZERS,
});

const info = testRepositoryInfo;

function crawl(): CrawlResult {
  const k8sIo = k8sIoSnapshot();
  const sigs = readFileSync(SIGS_YAML, 'utf8');
  return {
    teams: [],
    repositories: [
      {
        info: info('community', new Map()),
        snapshot: {
          ...k8sIo,
          name: 'community',
          htmlUrl: 'https://github.com/kubernetes/community',
          files: new Map([['sigs.yaml', sigs]]),
        },
      },
      {
        info: info(
          'k8s.io',
          new Map([['OWNERS', k8sIo.files.get('OWNERS')!]]),
          {
            description:
              'Code and configuration to manage Kubernetes project infrastructure',
            topics: ['k8s-sig-k8s-infra'],
          },
        ),
        snapshot: k8sIo,
      },
      {
        info: info(
          'website',
          new Map([['catalog-info.yaml', WEBSITE_CATALOG_INFO]]),
          { topics: ['website'] },
        ),
      },
    ],
    failures: [],
    skippedFiles: [],
    archivesRead: 2,
  };
}

describe('crawlToEntities on the k8s-infra repositories', () => {
  const result = crawlToEntities(crawl(), config);
  const byRef = new Map(result.entities.map(e => [stringifyEntityRef(e), e]));
  const get = (ref: string): Entity => {
    const entity = byRef.get(ref);
    if (!entity) throw new Error(`no ${ref}`);
    return entity;
  };

  it('emits one entity per ref, each with a location', () => {
    expect(byRef.size).toBe(result.entities.length);
    for (const e of result.entities) {
      expect(
        e.metadata.annotations?.['backstage.io/managed-by-location'],
      ).toMatch(/^url:https:\/\/github\.com\//);
    }
  });

  it('reports only the real flaws of the real files, where they are', () => {
    // sigs.yaml at 16ebdb0c has three 'TBD' meeting URLs and one URL wrapped in zero-width
    // spaces; kubernetes/k8s.io has none.
    expect(result.problems.map(p => `${p.repository}/${p.path}`)).toEqual(
      Array(4).fill('kubernetes/community/sigs.yaml'),
    );
    expect(result.problems.map(p => p.message).join('\n')).toContain(
      "'TBD' is not an http(s) URL",
    );
  });

  it('makes kubernetes/k8s.io a Component owned by sig-k8s-infra through its sigs.yaml subproject', () => {
    const repo = get('component:default/kubernetes--k8s.io');
    expect(repo.spec).toMatchObject({
      type: 'repository',
      lifecycle: 'production',
      owner: 'group:default/sig-k8s-infra',
    });
    expect(repo.spec?.system).toMatch(
      /^system:default\/sig-k8s-infra--k8s.io$/,
    );
    expect(
      repo.metadata.annotations?.['infra-atlas.io/owner-evidence'],
    ).toContain('sigs.yaml subproject');
    const ownership = repo.spec?.ownership as Array<{
      dir: string;
      owner: string;
      ownerEvidence: string;
    }>;
    const dirs = ownership.map(d => d.dir);
    // Each directory has its owner and why: dns/ is its own sigs.yaml subproject.
    expect(ownership.find(d => d.dir === 'dns')).toMatchObject({
      owner: 'group:default/sig-k8s-infra',
      ownerEvidence: expect.stringContaining('kubernetes/k8s.io/dns/OWNERS'),
    });
    expect(dirs).toContain('apps/gcsweb');
    expect(dirs).toHaveLength(152);
  });

  it('takes the entities of a repository that describes itself instead of inventing a Component', () => {
    expect(byRef.has('component:default/kubernetes--website')).toBe(false);
    const own = get('component:default/website');
    expect(own.spec).toEqual({
      type: 'website',
      owner: 'group:sig-docs',
      lifecycle: 'production',
    });
    expect(own.metadata.annotations?.['backstage.io/managed-by-location']).toBe(
      'url:https://github.com/kubernetes/website/blob/main/catalog-info.yaml',
    );
    expect(own.metadata.annotations?.['github.com/project-slug']).toBe(
      'kubernetes/website',
    );
  });

  it('places gcsweb on cluster aaa, owned by sig-k8s-infra, with the DNS record that serves it', () => {
    const app = get(
      'component:default/k8s-app--kubernetes-public--us-central1--aaa--gcsweb',
    );
    expect(app.spec).toMatchObject({
      type: 'service',
      owner: 'group:default/sig-k8s-infra',
    });
    expect(app.spec?.runsOn).toEqual([
      'resource:default/k8s-namespace--kubernetes-public--us-central1--aaa--gcsweb',
    ]);
    const records = result.entities.filter(
      e =>
        e.spec?.type === 'dns-record' &&
        (e.spec?.servedBy as string[] | undefined)?.includes(
          stringifyEntityRef(app),
        ),
    );
    expect(records.map(r => r.spec?.fqdn)).toContain('gcsweb.k8s.io.');
  });

  it('merges a person named by sigs.yaml and by OWNERS_ALIASES into one User', () => {
    const user = get('user:default/ameukam');
    expect(user.spec?.memberOf).toEqual(
      expect.arrayContaining([
        'group:default/sig-k8s-infra',
        'group:default/kubernetes--k8s.io--sig-k8s-infra-leads',
      ]),
    );
    expect(user.spec?.profile).toMatchObject({ displayName: 'Arnaud Meukam' });
  });

  it('emits the Google Groups of groups.yaml under the names IAM grants use', () => {
    const group = get('group:default/k8s-infra-gcp-org-admins--kubernetes.io');
    expect(group.spec?.type).toBe('google-group');
  });

  it('keeps the declared project list with the run, not as entities', () => {
    expect(result.declarations.declaredGcpProjects).toHaveLength(316);
  });
});

describe('crawlToEntities with a fork that carries its source’s catalog-info.yaml', () => {
  const forkCatalogInfo = WEBSITE_CATALOG_INFO.replace(
    'group:sig-docs',
    'user:someone-else',
  );
  // The fork sorts first by name; the source must still win.
  const result = crawlToEntities(
    {
      teams: [],
      repositories: [
        {
          info: info(
            'a-website-fork',
            new Map([['catalog-info.yaml', forkCatalogInfo]]),
            { isFork: true },
          ),
        },
        {
          info: info(
            'website',
            new Map([['catalog-info.yaml', WEBSITE_CATALOG_INFO]]),
          ),
        },
      ],
      failures: [],
      skippedFiles: [],
      archivesRead: 0,
    },
    { ...config, analyzers: [] },
  );

  it('keeps the source repository’s definition and reports the fork’s', () => {
    const website = result.entities.filter(
      e => stringifyEntityRef(e) === 'component:default/website',
    );
    expect(website).toHaveLength(1);
    expect(website[0].spec?.owner).toBe('group:sig-docs');
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        repository: 'catalog',
        message:
          'component:default/website is defined in https://github.com/kubernetes/website/blob/main/catalog-info.yaml and again in https://github.com/kubernetes/a-website-fork/blob/main/catalog-info.yaml; the definition in https://github.com/kubernetes/website/blob/main/catalog-info.yaml is kept',
      }),
    );
  });
});
