import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  dnsRecordEntityName,
  dnsZoneEntityName,
} from '@infra-atlas/inventory-common';
import {
  BLOB,
  invalidEntities,
  k8sIoSnapshot,
  readTruth,
  snapshotOf,
  testContext,
} from './__testUtils__/k8sIoSnapshot';
import { analyzeOctodns } from './octodns';
import { zoneFiles } from './octodnsZoneFiles';

type TruthRecord = {
  zone: string;
  name: string;
  fqdn: string;
  type: string;
  ttl?: number;
  values: unknown[];
  sourceFile: string;
};

const OPTIONS = {
  configPath: 'dns/octodns-config.yaml',
  zoneConfigDir: 'dns/zone-configs',
};
const truth = readTruth<TruthRecord[]>('records.json');
const result = analyzeOctodns(testContext(k8sIoSnapshot()), OPTIONS);
const zones = result.entities.filter(e => e.spec?.type === 'dns-zone');
const records = result.entities.filter(e => e.spec?.type === 'dns-record');
const byName = new Map(result.entities.map(e => [e.metadata.name, e]));

function record(fqdn: string, type: string): Entity {
  const found = byName.get(dnsRecordEntityName(fqdn, type));
  if (!found) throw new Error(`no ${type} record for ${fqdn}`);
  return found;
}

describe('octoDNS on the real kubernetes/k8s.io zone configs', () => {
  it('finds the 14 zones and 446 record sets (228 in production zones), with no problems', () => {
    expect(result.problems).toEqual([]);
    expect(zones).toHaveLength(14);
    expect(records).toHaveLength(446);
    const perZone: Record<string, number> = {};
    for (const r of records) {
      const zone = zones.find(
        z => `resource:default/${z.metadata.name}` === r.spec?.parent,
      )!.metadata.title!;
      perZone[zone] = (perZone[zone] ?? 0) + 1;
    }
    expect(perZone).toEqual({
      'k8s.io': 140,
      'kubernetes.io': 61,
      'etcd.io': 15,
      'k8s.dev': 4,
      'kubernetes.dev': 4,
      'x-k8s.io': 3,
      'k8s-e2e.com': 1,
      'canary.k8s.io': 136,
      'canary.kubernetes.io': 60,
      'canary.etcd.io': 14,
      'canary.k8s.dev': 3,
      'canary.kubernetes.dev': 3,
      'canary.x-k8s.io': 2,
    });
    const production = Object.entries(perZone).filter(
      ([zone]) => !zone.startsWith('canary.'),
    );
    expect(production.reduce((n, [, count]) => n + count, 0)).toBe(228);
  });

  it('emits valid Backstage entities with unique names', async () => {
    expect(await invalidEntities(result.entities)).toEqual([]);
    expect(byName.size).toBe(result.entities.length);
  });

  it('matches records.json: every record set, its values, TTL and parent zone', () => {
    for (const t of truth) {
      const r = record(t.fqdn, t.type);
      expect({ fqdn: t.fqdn, type: t.type, ...r.spec }).toMatchObject({
        fqdn: t.fqdn,
        recordType: t.type,
        values: t.values,
        ttl: t.ttl ?? 3600,
        parent: `resource:default/${dnsZoneEntityName(t.zone)}`,
      });
      // records.json writes a canary symlink as "canary.x.yaml -> x._0_base.yaml".
      expect(r.metadata.annotations?.[ANNOTATIONS.declaredIn]).toBe(
        `${BLOB}/${t.sourceFile.split(' -> ')[0]}`,
      );
    }
  });

  it('shapes CNAME, A, MX and CAA record sets', () => {
    const www = record('www.k8s.io.', 'CNAME');
    expect(www.metadata.title).toBe('www.k8s.io CNAME');
    expect(www.spec).toMatchObject({
      type: 'dns-record',
      values: ['k8s.io.'],
      ttl: 3600,
    });
    // dns/OWNERS stops at no_parent_owners.
    expect(www.metadata.annotations?.[ANNOTATIONS.ownerEvidence]).toBe(
      'OWNERS: dns/OWNERS',
    );
    expect(record('prow.k8s.io.', 'A').spec?.ttl).toBe(600);
    const mx = record('k8s.io.', 'MX');
    expect((mx.spec?.values as unknown[])[0]).toEqual({
      exchange: 'aspmx.l.google.com.',
      preference: 1,
    });
    expect(mx.metadata.description).toMatch(
      /^MX 1 aspmx\.l\.google\.com\., 5 /,
    );
    expect(record('kubernetes.io.', 'CAA').spec?.values).toEqual([
      { flags: 0, tag: 'issue', value: 'pki.goog' },
      { flags: 0, tag: 'issue', value: 'letsencrypt.org' },
    ]);
    // The canary zone holds the base records under its own name.
    expect(record('www.canary.k8s.io.', 'CNAME').spec?.values).toEqual([
      'k8s.io.',
    ]);
  });

  it('describes zones: DNS name, files in cat order, Cloud DNS project', () => {
    const k8sIo = byName.get(dnsZoneEntityName('k8s.io.'))!;
    expect(k8sIo.metadata.title).toBe('k8s.io');
    expect(k8sIo.spec).toMatchObject({
      type: 'dns-zone',
      dnsName: 'k8s.io.',
      zoneFiles: [
        'dns/zone-configs/k8s.io._0_base.yaml',
        'dns/zone-configs/k8s.io._1_canary.yaml',
        'dns/zone-configs/k8s.io._1_do.yaml',
        'dns/zone-configs/k8s.io._2_aws.yaml',
      ],
    });
    expect(k8sIo.metadata.annotations?.[ANNOTATIONS.gcpProjectId]).toBe(
      'kubernetes-public',
    );
    expect(
      byName.get(dnsZoneEntityName('canary.k8s.io.'))?.spec?.zoneFiles,
    ).toEqual(['dns/zone-configs/canary.k8s.io.yaml']);
  });
});

describe('octoDNS bad input', () => {
  const config = (...names: string[]) =>
    [
      'providers:',
      '  config: {class: octodns.provider.yaml.YamlProvider, default_ttl: 300}',
      '  gcp: {class: octodns.provider.googlecloud.GoogleCloudProvider, project: p}',
      'zones:',
      ...names.map(z => `  ${z}: {sources: [config], targets: [gcp]}`),
    ].join('\n');
  const analyze = (files: Record<string, string>) =>
    analyzeOctodns(testContext(snapshotOf(files)), OPTIONS);

  it('reports a zone without a zone file, still declaring the zone', () => {
    const { entities, problems } = analyze({
      'dns/octodns-config.yaml': config('a.example.', 'missing.example.'),
      'dns/zone-configs/a.example.yaml': "'': {type: A, value: 1.2.3.4}\n",
    });
    expect(entities.map(e => e.metadata.title)).toEqual([
      'a.example',
      'a.example A',
      'missing.example',
    ]);
    expect(entities[1].spec?.ttl).toBe(300);
    expect(problems).toEqual([
      {
        path: 'dns/octodns-config.yaml',
        line: 6,
        message: expect.stringMatching(
          /^zone missing\.example\. has no zone file/,
        ),
      },
    ]);
  });

  it('skips bad records and bad files with located problems, keeping the rest', () => {
    const { entities, problems } = analyze({
      'dns/octodns-config.yaml': config('z.example.'),
      'dns/zone-configs/z.example._0_base.yaml': [
        'ok: {type: CNAME, value: x.example.}',
        'typo:',
        '  type: CNAMEE',
        '  value: y.',
        'empty: {type: A}',
        'twice:',
        '  - {type: A, value: 1.1.1.1}',
        '  - {type: A, value: 2.2.2.2}',
        'moved: {type: A, value: 3.3.3.3}',
      ].join('\n'),
      'dns/zone-configs/z.example._1_broken.yaml': 'a: [\n',
      'dns/zone-configs/z.example._2_more.yaml':
        'moved: {type: A, value: 4.4.4.4}\n',
    });
    expect(entities.map(e => e.metadata.title)).toEqual([
      'z.example',
      'ok.z.example CNAME',
      'twice.z.example A',
      'moved.z.example A',
    ]);
    expect(entities[3].spec?.values).toEqual(['4.4.4.4']);
    const base = 'dns/zone-configs/z.example._0_base.yaml';
    expect(problems).toEqual([
      {
        path: base,
        line: 2,
        message: expect.stringContaining(`'typo': a record needs a type`),
      },
      {
        path: base,
        line: 5,
        message: "'empty': A record has no value or values",
      },
      {
        path: base,
        line: 8,
        message: "'twice': duplicate A record; keeping the first",
      },
      {
        path: 'dns/zone-configs/z.example._1_broken.yaml',
        line: expect.any(Number),
        message: expect.stringMatching(/^invalid YAML/),
        unread: true,
      },
      {
        path: 'dns/zone-configs/z.example._2_more.yaml',
        line: 1,
        message: expect.stringContaining(`'moved' is also in ${base}`),
      },
    ]);
  });

  it('reports a config that is missing or not YAML', () => {
    expect(analyze({}).problems).toEqual([
      {
        path: 'dns/octodns-config.yaml',
        message: 'octoDNS config not found',
        unread: true,
      },
    ]);
    expect(analyze({ 'dns/octodns-config.yaml': 'zones: [' }).problems).toEqual(
      [
        {
          path: 'dns/octodns-config.yaml',
          line: 1,
          message: expect.stringMatching(/^invalid YAML/),
          unread: true,
        },
      ],
    );
  });

  it('orders zone files as cat Z.yaml Z._*.yaml would', () => {
    expect(
      zoneFiles(
        [
          'd/k8s.io._2_aws.yaml',
          'd/canary.k8s.io.yaml',
          'd/k8s.io._0_base.yaml',
          'd/k8s.io.yaml',
          'd/k8s.io._1_do.yml',
        ],
        'd/',
        'k8s.io.',
      ),
    ).toEqual([
      'd/k8s.io.yaml',
      'd/k8s.io._0_base.yaml',
      'd/k8s.io._2_aws.yaml',
    ]);
  });
});
