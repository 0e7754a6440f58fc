import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  RESOURCE_TYPES,
  dnsRecordEntityName,
  dnsZoneEntityName,
} from '@infra-atlas/inventory-common';
import { declaredEntity, resourceRef } from './declaredEntity';
import { createAnalyzer } from './definition';
import { readZone } from './octodnsZoneFiles';
import {
  AnalyzerContext,
  AnalyzerOutput,
  AnalyzerProblem,
  problemAt,
} from './types';
import { YamlDocument, parseYamlWithLines, problemFrom } from './yamlFile';
import { isRecord } from './yamlShape';

/*
 * octoDNS as kubernetes/k8s.io runs it (dns/README.md): octodns-config.yaml names the zones
 * and the providers they are read from and pushed to; octodnsZoneFiles.ts reads each zone's
 * records from its zone files.
 */

export type AnalyzeOctodnsOptions = {
  /** `dns/octodns-config.yaml`. */
  configPath: string;
  /** `dns/zone-configs`. */
  zoneConfigDir: string;
};

/** octoDNS's default when neither the record nor the YamlProvider sets a TTL. */
const OCTODNS_DEFAULT_TTL = 3600;

/** Compact one-line form of a value for descriptions: `10 alt3.aspmx.l.google.com.`. */
function formatValue(value: unknown): string {
  if (!isRecord(value)) return String(value);
  const v = value;
  if ('exchange' in v) return `${v.preference} ${v.exchange}`;
  if ('tag' in v) return `${v.flags} ${v.tag} "${v.value}"`;
  if ('target' in v && 'port' in v)
    return `${v.priority} ${v.weight} ${v.port} ${v.target}`;
  return JSON.stringify(v);
}

type ZoneConfig = {
  zone: string;
  line?: number;
  defaultTtl: number;
  gcpProject?: string;
};

/** The zones of octodns-config.yaml, with the settings of their source and target providers. */
function readConfig(
  doc: YamlDocument,
  path: string,
  problems: AnalyzerProblem[],
): ZoneConfig[] {
  const root = isRecord(doc.value) ? doc.value : {};
  const providers = isRecord(root.providers) ? root.providers : {};
  const provider = (name: unknown) => {
    const p = typeof name === 'string' ? providers[name] : undefined;
    return isRecord(p) ? p : {};
  };
  if (!isRecord(root.zones)) {
    problems.push(
      problemAt(path, doc.line, "octoDNS config has no 'zones' mapping"),
    );
    return [];
  }
  return Object.entries(root.zones).flatMap(([zone, raw]) => {
    const line = doc.lineOf(['zones', zone]);
    if (!zone.endsWith('.')) {
      problems.push(
        problemAt(path, line, `zone '${zone}' must end with a dot`),
      );
      return [];
    }
    const settings = isRecord(raw) ? raw : {};
    const sources = Array.isArray(settings.sources)
      ? settings.sources.map(provider)
      : [];
    const targets = Array.isArray(settings.targets)
      ? settings.targets.map(provider)
      : [];
    const yamlSource = sources.find(p =>
      String(p.class).endsWith('YamlProvider'),
    );
    const gcp = targets.find(p =>
      String(p.class).endsWith('GoogleCloudProvider'),
    );
    return [
      {
        zone,
        ...(line ? { line } : {}),
        defaultTtl: Number.isInteger(yamlSource?.default_ttl)
          ? (yamlSource?.default_ttl as number)
          : OCTODNS_DEFAULT_TTL,
        ...(typeof gcp?.project === 'string'
          ? { gcpProject: gcp.project }
          : {}),
      },
    ];
  });
}

/** octoDNS zones and their record sets: a Resource per zone and per record set. */
export function analyzeOctodns(
  ctx: AnalyzerContext,
  options: AnalyzeOctodnsOptions,
): AnalyzerOutput {
  const problems: AnalyzerProblem[] = [];
  const content = ctx.snapshot.files.get(options.configPath);
  if (content === undefined) {
    return {
      entities: [],
      problems: [
        {
          path: options.configPath,
          message: 'octoDNS config not found',
          unread: true,
        },
      ],
    };
  }
  let configDoc: YamlDocument;
  try {
    configDoc = parseYamlWithLines(content, options.configPath);
  } catch (e) {
    return { entities: [], problems: [problemFrom(e)] };
  }

  const entities: Entity[] = [];
  for (const config of readConfig(configDoc, options.configPath, problems)) {
    const { zone } = config;
    const dir = options.zoneConfigDir;
    const read = readZone(ctx.snapshot.files, dir, zone, config.defaultTtl);
    const { paths, recordSets: sets } = read;
    if (paths.length === 0) {
      problems.push(
        problemAt(
          options.configPath,
          config.line,
          `zone ${zone} has no zone file: expected ${dir}/${zone}yaml or ${dir}/${zone}_*.yaml`,
        ),
      );
    }
    problems.push(...read.problems);
    const zoneRef = resourceRef(dnsZoneEntityName(zone));
    const project = config.gcpProject;
    entities.push(
      declaredEntity(ctx, {
        kind: 'Resource',
        name: dnsZoneEntityName(zone),
        title: zone.replace(/\.$/, ''),
        description: `DNS zone ${zone} declared for octoDNS: ${
          sets.length
        } record sets${
          project ? `, pushed to Cloud DNS in project ${project}` : ''
        }.`,
        declaredIn: ctx.fileUrl(options.configPath),
        ownerPath: options.configPath,
        annotations: { [ANNOTATIONS.gcpProjectId]: project },
        spec: { type: RESOURCE_TYPES.dnsZone, dnsName: zone, zoneFiles: paths },
      }),
      ...sets.map(set => {
        const summary = `${set.type} ${set.values.map(formatValue).join(', ')}`;
        return declaredEntity(ctx, {
          kind: 'Resource',
          name: dnsRecordEntityName(set.fqdn, set.type),
          title: `${set.fqdn.replace(/\.$/, '')} ${set.type}`,
          description:
            summary.length > 300 ? `${summary.slice(0, 299)}…` : summary,
          declaredIn: ctx.fileUrl(set.path),
          ownerPath: set.path,
          spec: {
            type: RESOURCE_TYPES.dnsRecord,
            parent: zoneRef,
            fqdn: set.fqdn,
            recordType: set.type,
            ttl: set.ttl,
            values: set.values,
          },
        });
      }),
    );
  }
  return { entities, problems };
}

/** `octodns`: the zones of an octoDNS configuration and their record sets. */
export const octodnsAnalyzer = createAnalyzer({
  type: 'octodns',
  options: z =>
    z.strictObject({
      configPath: z.string().default('dns/octodns-config.yaml'),
      zoneConfigDir: z.string().default('dns/zone-configs'),
    }),
  paths: options => [options.configPath, options.zoneConfigDir],
  analyze: analyzeOctodns,
});
