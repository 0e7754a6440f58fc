import { GithubSymlink } from './estate';
import { generateSyntheticGithubEstate } from './syntheticEstate';

describe('generateSyntheticGithubEstate', () => {
  it('is deterministic for a seed, and differs between seeds', () => {
    const estate = generateSyntheticGithubEstate({ seed: 3 });
    expect(generateSyntheticGithubEstate({ seed: 3 })).toEqual(estate);
    expect(generateSyntheticGithubEstate({ seed: 4 })).not.toEqual(estate);
  });

  it('gives every repository a README and a root OWNERS with sig labels', () => {
    const [org] = generateSyntheticGithubEstate({
      repositories: 200,
    }).organizations;
    expect(org.login).toBe('synthetic-org');
    expect(org.repositories).toHaveLength(200);
    expect(new Set(org.repositories.map(r => r.name)).size).toBe(200);
    for (const repo of org.repositories) {
      expect(repo.files['README.md']).toContain(`# ${repo.name}`);
      expect(repo.files.OWNERS).toMatch(/approvers:\n {2}- \S+/);
      expect(repo.files.OWNERS).toMatch(/labels:\n {2}- sig\/[a-z0-9-]+\n/);
      expect(Date.parse(repo.pushedAt)).toBeGreaterThanOrEqual(
        Date.parse(repo.createdAt),
      );
    }
    const count = (test: (r: (typeof org.repositories)[number]) => boolean) =>
      org.repositories.filter(test).length;
    // Every default ratio is a share of the 200, so none of these is all or nothing.
    for (const share of [
      count(r => 'OWNERS_ALIASES' in r.files),
      count(r => '.github/CODEOWNERS' in r.files),
      count(r => r.isArchived),
      count(r => r.isFork),
      count(r => r.visibility !== 'PUBLIC'),
      count(
        r =>
          (r.files['docs/README.md'] as GithubSymlink)?.symlink ===
          '../README.md',
      ),
    ]) {
      expect(share).toBeGreaterThan(0);
      expect(share).toBeLessThan(200);
    }
    expect(count(r => 'catalog-info.yaml' in r.files)).toBe(200);
    expect(org.members!.map(m => m.login)).toContain('alice');
    expect(org.teams!.filter(t => t.parent === 'engineering')).toHaveLength(12);
  });

  it('writes catalog-info.yaml Components and nested OWNERS as asked', () => {
    const [org] = generateSyntheticGithubEstate({
      repositories: 100,
      catalogInfoRatio: 0.5,
      nestedOwnersRatio: 0.3,
    }).organizations;
    const withCatalog = org.repositories.filter(
      r => r.files['catalog-info.yaml'],
    );
    expect(withCatalog.length).toBeGreaterThan(35);
    expect(withCatalog.length).toBeLessThan(65);
    expect(withCatalog[0].files['catalog-info.yaml']).toContain(
      `kind: Component\nmetadata:\n  name: ${withCatalog[0].name}\n`,
    );

    const nested = org.repositories.filter(r =>
      Object.keys(r.files).some(p => /^pkg\/.+\/OWNERS$/.test(p)),
    );
    expect(nested.length).toBeGreaterThan(15);
    expect(nested.length).toBeLessThan(45);
    const nestedOwners = nested.flatMap(r =>
      Object.entries(r.files).filter(([p]) => /^pkg\/.+\/OWNERS$/.test(p)),
    );
    const depths = nestedOwners.map(([p]) => p.split('/').length - 1);
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(4);
    expect(
      nestedOwners.some(([, content]) =>
        String(content).includes('options:\n  no_parent_owners: true\n'),
      ),
    ).toBe(true);
  });
});
