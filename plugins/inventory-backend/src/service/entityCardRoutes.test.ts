/*
 * The routes behind the entity cards (drift of one entity, OWNERS files, runbook) as the
 * backend serves them: parameters, 404s, and answers asked through the redacting `ask`.
 * Their own estate, so that the other route tests keep theirs.
 */
import { startInventoryBackend } from '../__testUtils__/backend';
import { entity } from '../__testUtils__/entities';

const tree = 'https://github.com/o/repo/tree/main';
const entities = [
  entity('component:o--repo', {
    type: 'repository',
    annotations: {
      'github.com/project-slug': 'o/repo',
      'infra-atlas.io/owners-files': `https://github.com/o/repo/blob/main/OWNERS`,
    },
    spec: {
      codeOwnership: {
        url: 'https://github.com/o/repo',
        branch: 'main',
        ownersDepth: 'tree',
        owners: [
          { path: 'OWNERS', approvers: { alice: 1 }, reviewers: { bob: 2 } },
        ],
      },
      ownership: [
        { dir: '', approvers: ['alice'], reviewers: ['bob'], emeritus: [] },
      ],
    },
  }),
  entity('component:k8s-app--web', {
    annotations: {
      'infra-atlas.io/provenance': 'declared',
      'infra-atlas.io/declared-in': `${tree}/apps/web`,
      'backstage.io/techdocs-ref': `url:${tree}/apps/web`,
    },
    // A declared reference to a namespace nobody crawled: a dangling-reference finding.
    spec: { runsOn: ['resource:default/k8s-namespace--gone'] },
    relations: [['runsOn', 'resource:k8s-namespace--gone']],
  }),
  entity('resource:cluster', {}),
  entity('user:alice', {}),
];

describe('entity card routes', () => {
  let inventory: Awaited<ReturnType<typeof startInventoryBackend>>;

  // Nobody may see personal details.
  beforeAll(async () => {
    inventory = await startInventoryBackend({ entities });
  });

  afterAll(() => inventory.stop());

  const get = (path: string) => inventory.get(path);

  it('filters drift to the findings that name an entity, with their counts', async () => {
    const all = await get('drift');
    expect(all.body.findings.length).toBeGreaterThan(0);
    const web = await get('drift?entity=component:default/k8s-app--web');
    expect(web.status).toBe(200);
    expect(web.body.findings.length).toBeGreaterThan(0);
    for (const finding of web.body.findings) {
      expect(finding.entities).toContain('component:default/k8s-app--web');
    }
    const total = Object.values(web.body.counts as Record<string, number>);
    expect(total.reduce((a, b) => a + b, 0)).toBe(web.body.findings.length);
    const quiet = await get('drift?entity=resource:default/cluster');
    expect(quiet.body).toMatchObject({ counts: {}, findings: [] });
    expect((await get('drift?entity=resource:default/nope')).status).toBe(404);
    expect((await get('drift?entity=a&entity=b')).status).toBe(400);
  });

  it('answers who approves and reviews an app from its repository’s OWNERS', async () => {
    const answer = await get(
      'owners-files?entity=component:default/k8s-app--web',
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      repository: { ref: 'component:default/o--repo' },
      directory: 'apps/web',
      files: ['https://github.com/o/repo/blob/main/OWNERS'],
      approvers: [{ login: 'alice', person: { ref: 'user:default/alice' } }],
      reviewers: [{ login: 'bob', person: { exists: false } }],
      redacted: true,
    });
    expect((await get('owners-files')).status).toBe(400);
    expect(
      (await get('owners-files?entity=resource:default/nope')).status,
    ).toBe(404);
  });

  it('answers where the runbook is', async () => {
    const answer = await get('runbook?entity=component:default/k8s-app--web');
    expect(answer.status).toBe(200);
    expect(answer.body.techdocs).toEqual([
      expect.objectContaining({
        via: 'self',
        techdocsRef: `url:${tree}/apps/web`,
      }),
    ]);
    expect((await get('runbook')).status).toBe(400);
    expect((await get('runbook?entity=resource:default/nope')).status).toBe(
      404,
    );
  });
});
