import { clientsFor, ONCE } from './__testUtils__/clients';
import { ASSET_TYPES } from './cai';
import { GcpEstate } from './estate';
import { startGcpEmulator } from './server';
import { generateSyntheticGcpEstate } from './syntheticEstate';

const members = (
  estateLevel: { iamPolicy?: { bindings?: Array<{ members: string[] }> } }[],
) =>
  estateLevel.flatMap(x => x.iamPolicy?.bindings ?? []).flatMap(b => b.members);

/** The estate's resources, without the configuration assets (enabled APIs, custom roles). */
const resources = (estate: GcpEstate) =>
  estate.assets.filter(
    a =>
      a.assetType !== ASSET_TYPES.service && a.assetType !== ASSET_TYPES.role,
  );

describe('synthetic estate', () => {
  const options = {
    projects: 40,
    folderDepth: 3,
    foldersPerFolder: 2,
    assetsPerProject: 25,
    seed: 7,
  };

  it('is deterministic for a seed and different for another', () => {
    const estate = generateSyntheticGcpEstate(options);
    expect(generateSyntheticGcpEstate(options)).toEqual(estate);
    expect(generateSyntheticGcpEstate({ ...options, seed: 8 })).not.toEqual(
      estate,
    );
  });

  it('has the counts and the nesting asked for', () => {
    const estate = generateSyntheticGcpEstate(options);
    expect(estate.organizations).toHaveLength(1);
    expect(estate.folders).toHaveLength(2 + 4 + 8);
    expect(estate.projects).toHaveLength(40);
    expect(resources(estate)).toHaveLength(40 * 25);
    expect(new Set(estate.projects.map(p => p.projectId)).size).toBe(40);
    expect(new Set(estate.projects.map(p => p.name)).size).toBe(40);
    expect(new Set(estate.assets.map(a => a.name)).size).toBe(
      estate.assets.length,
    );

    const depthOf = (name: string): number => {
      const folder = estate.folders.find(f => f.name === name);
      return folder ? 1 + depthOf(folder.parent) : 0;
    };
    expect(Math.max(...estate.folders.map(f => depthOf(f.name)))).toBe(3);
    const projectDepths = new Set(estate.projects.map(p => depthOf(p.parent)));
    expect(projectDepths.has(3)).toBe(true); // leaf folders
    expect([...projectDepths].some(d => d > 0 && d < 3)).toBe(true); // inner folders
    for (const asset of resources(estate)) {
      const project = estate.projects.find(p => p.name === asset.project)!;
      expect(asset.folders).toHaveLength(depthOf(project.parent));
    }
  });

  it('has every asset type and IAM at every level, some buckets public', () => {
    const estate: GcpEstate = generateSyntheticGcpEstate(options);
    const types = new Set(estate.assets.map(a => a.assetType));
    for (const type of [
      ASSET_TYPES.bucket,
      ASSET_TYPES.serviceAccount,
      ASSET_TYPES.secret,
      ASSET_TYPES.cluster,
      ASSET_TYPES.managedZone,
      ASSET_TYPES.dataset,
      ASSET_TYPES.topic,
    ]) {
      expect(types).toContain(type);
    }
    for (const level of [
      estate.organizations,
      estate.folders,
      estate.projects,
    ]) {
      expect(members(level).some(m => m.startsWith('group:'))).toBe(true);
    }
    expect(members(estate.organizations).some(m => m.startsWith('user:'))).toBe(
      true,
    );
    expect(
      members(estate.projects).some(m => m.startsWith('serviceAccount:')),
    ).toBe(true);
    const buckets = estate.assets.filter(
      a => a.assetType === ASSET_TYPES.bucket,
    );
    const publicBuckets = buckets.filter(b =>
      members([b]).includes('allUsers'),
    );
    expect(publicBuckets.length).toBeGreaterThan(0);
    expect(publicBuckets.length).toBeLessThan(buckets.length / 2);
  });

  it('has varied configuration in each API shape', () => {
    const estate = generateSyntheticGcpEstate(options);
    const resourcesOf = (type: string) =>
      estate.assets
        .filter(a => a.assetType === type)
        .map(a => a.versionedResource!.resource as any);
    const buckets = resourcesOf(ASSET_TYPES.bucket);
    expect(new Set(buckets.map(b => b.storageClass)).size).toBeGreaterThan(2);
    expect(buckets.some(b => b.versioning.enabled)).toBe(true);
    expect(buckets.some(b => b.retentionPolicy?.isLocked)).toBe(true);
    expect(
      buckets.some(b => b.retentionPolicy && !b.retentionPolicy.isLocked),
    ).toBe(true);
    expect(buckets.some(b => b.lifecycle?.rule.length)).toBe(true);
    const clusters = resourcesOf(ASSET_TYPES.cluster);
    expect(
      new Set(clusters.map(c => c.releaseChannel?.channel)).size,
    ).toBeGreaterThan(2);
    expect(clusters.every(c => c.nodePools.length > 0)).toBe(true);
    const zones = resourcesOf(ASSET_TYPES.managedZone);
    expect(zones.some(z => z.visibility === 'private')).toBe(true);
    const roles = estate.assets.filter(a => a.assetType === ASSET_TYPES.role);
    expect(roles.some(r => r.project === '')).toBe(true);
    expect(roles.some(r => r.project !== '')).toBe(true);
    // Every project enables the APIs its resources need.
    const services = estate.assets.filter(
      a => a.assetType === ASSET_TYPES.service,
    );
    for (const cluster of estate.assets.filter(
      a => a.assetType === ASSET_TYPES.cluster,
    )) {
      expect(
        services.some(
          s =>
            s.project === cluster.project &&
            s.displayName === 'container.googleapis.com',
        ),
      ).toBe(true);
    }
  });

  it('scales to 2,000 projects and 100,000 assets', async () => {
    const started = Date.now();
    const estate = generateSyntheticGcpEstate({
      projects: 2000,
      assetsPerProject: 50,
      folderDepth: 3,
      foldersPerFolder: 4,
    });
    expect(resources(estate)).toHaveLength(100_000);
    const emulator = await startGcpEmulator({ estate });
    const clients = clientsFor(emulator);
    try {
      const [page, , response] = await clients.assets.searchAllResources(
        { scope: estate.organizations[0].name, pageSize: 500 },
        ONCE,
      );
      expect(page).toHaveLength(500);
      expect(response.nextPageToken).not.toBe('');
      const [[last]] = await clients.assets.searchAllResources(
        {
          scope: estate.organizations[0].name,
          pageSize: 500,
          pageToken: response.nextPageToken!,
        },
        ONCE,
      );
      expect(last.name).not.toBe(page[0].name);
    } finally {
      await clients.close();
      await emulator.stop();
    }
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);
});
