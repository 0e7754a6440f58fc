import { AnalyzerProblem, problemAt } from './types';
import { YamlDocument, parseYamlWithLines, problemFrom } from './yamlFile';
import { isRecord } from './yamlShape';

/*
 * octoDNS zone files as kubernetes/k8s.io builds them (dns/README.md, dns/lib.sh): the
 * records of zone `Z.` are `cat zone-configs/Z.yaml zone-configs/Z._*.yaml`, read by
 * octoDNS's YamlProvider. Each file maps a relative name ('' for the apex) to a record
 * `{type, ttl?, value | values}` or a list of them.
 */

/** Record types octoDNS knows; anything else is a typo octoDNS would refuse. */
const RECORD_TYPES = new Set(
  'A AAAA ALIAS CAA CNAME DNAME DS HTTPS LOC MX NAPTR NS PTR SPF SRV SSHFP SVCB TLSA TXT URLFWD'.split(
    ' ',
  ),
);

/** One declared record set: a name and type in a zone, with the file and line it is in. */
export type DeclaredRecordSet = {
  zone: string;
  /** Relative to the zone, '' for the apex. */
  name: string;
  /** Absolute, with the trailing dot: `www.k8s.io.`. */
  fqdn: string;
  type: string;
  /** The TTL octoDNS pushes: the record's, else the YamlProvider's `default_ttl`. */
  ttl: number;
  /** As written: strings, or objects for MX, CAA, SRV, … */
  values: unknown[];
  path: string;
  line?: number;
};

function valuesOf(data: Record<string, unknown>): unknown[] | undefined {
  if (data.values !== undefined && data.values !== null) {
    return Array.isArray(data.values) ? data.values : [data.values];
  }
  return data.value === undefined || data.value === null
    ? undefined
    : [data.value];
}

/**
 * The record sets of one zone file. Same name twice in a file: the YAML rules apply (the
 * last one wins); same name and type twice under one name: a problem, the first is kept
 * (octoDNS refuses the zone).
 */
function readZoneFile(
  doc: YamlDocument,
  zone: string,
  path: string,
  defaultTtl: number,
  problems: AnalyzerProblem[],
): Map<string, DeclaredRecordSet[]> {
  const byName = new Map<string, DeclaredRecordSet[]>();
  if (doc.value === null || doc.value === undefined) return byName;
  if (!isRecord(doc.value)) {
    problems.push({
      ...problemAt(
        path,
        doc.line,
        'a zone file must map record names to records',
      ),
      unread: true,
    });
    return byName;
  }
  for (const [name, data] of Object.entries(doc.value)) {
    const sets: DeclaredRecordSet[] = [];
    (Array.isArray(data) ? data : [data]).forEach((record, i) => {
      const line = doc.lineOf(Array.isArray(data) ? [name, i] : [name]);
      const problem = (message: string) =>
        problems.push(problemAt(path, line, `'${name}': ${message}`));
      const type = isRecord(record) ? record.type : undefined;
      if (
        !isRecord(record) ||
        typeof type !== 'string' ||
        !RECORD_TYPES.has(type)
      ) {
        problem(
          `a record needs a type octoDNS knows, got ${JSON.stringify(type)}`,
        );
        return;
      }
      const values = valuesOf(record);
      if (!values || values.length === 0) {
        problem(`${type} record has no value or values`);
        return;
      }
      if (sets.some(s => s.type === type)) {
        problem(`duplicate ${type} record; keeping the first`);
        return;
      }
      const { ttl } = record;
      if (
        ttl !== undefined &&
        !(Number.isInteger(ttl) && (ttl as number) >= 0)
      ) {
        problem(
          `ttl must be a non-negative integer, got ${JSON.stringify(ttl)}`,
        );
      }
      sets.push({
        zone,
        name,
        fqdn: name ? `${name}.${zone}` : zone,
        type,
        ttl: Number.isInteger(ttl) ? (ttl as number) : defaultTtl,
        values,
        path,
        ...(line ? { line } : {}),
      });
    });
    byName.set(name, sets);
  }
  return byName;
}

/** The files of zone `Z.`, in the order `cat Z.yaml Z._*.yaml` reads them. */
export function zoneFiles(
  files: Iterable<string>,
  dir: string,
  zone: string,
): string[] {
  const prefix = `${dir.replace(/\/+$/, '')}/${zone}`;
  const all = [...files];
  const parts = all
    .filter(f => f.startsWith(`${prefix}_`) && f.endsWith('.yaml'))
    .sort();
  return [...all.filter(f => f === `${prefix}yaml`), ...parts];
}

/**
 * The record sets of zone `Z.` in `dir`, its files read as one YAML mapping. A name in a
 * later file replaces the whole entry of an earlier one (the concatenated YAML has the key
 * twice and PyYAML keeps the last); upstream does that silently, we do it too and report
 * it, as it is almost always a mistake.
 */
export function readZone(
  files: ReadonlyMap<string, string>,
  dir: string,
  zone: string,
  defaultTtl: number,
): {
  paths: string[];
  recordSets: DeclaredRecordSet[];
  problems: AnalyzerProblem[];
} {
  const paths = zoneFiles(files.keys(), dir, zone);
  const problems: AnalyzerProblem[] = [];
  const merged = new Map<string, DeclaredRecordSet[]>();
  for (const path of paths) {
    let doc: YamlDocument;
    try {
      doc = parseYamlWithLines(files.get(path)!, path);
    } catch (e) {
      problems.push(problemFrom(e));
      continue;
    }
    for (const [name, sets] of readZoneFile(
      doc,
      zone,
      path,
      defaultTtl,
      problems,
    )) {
      const earlier = merged.get(name)?.[0]?.path;
      if (earlier && earlier !== path) {
        problems.push(
          problemAt(
            path,
            sets[0]?.line,
            `'${name}' is also in ${earlier}; this file's records replace those, as octoDNS does after upstream's cat`,
          ),
        );
      }
      merged.set(name, sets);
    }
  }
  return { paths, recordSets: [...merged.values()].flat(), problems };
}
