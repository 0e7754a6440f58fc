/*
 * Path-ownership benchmark: how many "who approves this path?" questions per second the rules
 * stored on a repository's Component answer — what GET /api/inventory/path-ownership and the
 * card compute per question, without the HTTP round trip — and how fast the reverse look-up
 * (`ownership?q=`) goes through a repository's rules.
 *
 * Two repositories, each through the provider's own transform (crawlToEntities) and back from
 * JSON, as the inventory backend reads it from the catalog:
 * - kubernetes/k8s.io from the k8s-infra snapshot (152 OWNERS files), every file of the
 *   commit asked once per round;
 * - a synthetic repository with `--owners-files` OWNERS files (default 5,000) in a tree 5
 *   levels deep, with filters, no_parent_owners, 50 aliases and a 500-rule CODEOWNERS.
 *
 *   cd plugins/catalog-backend-module-github
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/pathOwnershipBenchmark.ts \
 *     [--owners-files 5000] [--seconds 3]
 *
 * Prints a table; results are in docs/infra-atlas/benchmarks.md.
 */
import {
  CodeOwnershipRules,
  OwnersRules,
  codeOwnershipOf,
  codeownersFor,
  rulesNaming,
} from '@infra-atlas/inventory-common';
import { printMarkdownTable } from '@infra-atlas/test-utils';
import { k8sIoSnapshot } from '../src/analyzers/__testUtils__/k8sIoSnapshot';
import { RepositorySnapshot } from '../src/analyzers/types';
import { DEFAULT_COMPONENT_TYPES } from '../src/lib/config';
import { crawlToEntities } from '../src/transform/entities';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

/** A repository with `count` OWNERS files: 8 directories per level, 5 levels deep. */
function syntheticSnapshot(count: number): RepositorySnapshot {
  const files = new Map<string, string>();
  const people = Array.from({ length: 400 }, (_, i) => `person-${i}`);
  const pick = (i: number, n: number) =>
    Array.from(
      { length: n },
      (_, k) => people[(i * 7 + k * 13) % people.length],
    );
  const aliases = Array.from({ length: 50 }, (_, i) => `team-${i}`);
  files.set(
    'OWNERS_ALIASES',
    `aliases:\n${aliases
      .map(
        (a, i) =>
          `  ${a}:\n${pick(i, 5)
            .map(p => `    - ${p}`)
            .join('\n')}`,
      )
      .join('\n')}\n`,
  );
  files.set(
    'OWNERS',
    'approvers:\n  - team-0\n  - person-1\nlabels:\n  - sig/root\n',
  );
  const dirs: string[] = [];
  const queue = [''];
  while (dirs.length < count - 1 && queue.length) {
    const parent = queue.shift()!;
    for (let i = 0; i < 8 && dirs.length < count - 1; i++) {
      const dir = parent ? `${parent}/d${i}` : `d${i}`;
      dirs.push(dir);
      queue.push(dir);
    }
  }
  dirs.forEach((dir, i) => {
    const text =
      i % 5 === 0
        ? `filters:\n  ".*":\n    approvers:\n      - ${
            aliases[i % 50]
          }\n  "\\\\.go$":\n    approvers:\n${pick(i, 2)
            .map(p => `      - ${p}`)
            .join('\n')}\n    labels:\n      - area/go\n`
        : `${
            i % 7 === 0 ? 'options:\n  no_parent_owners: true\n' : ''
          }approvers:\n${pick(i, 3)
            .map(p => `  - ${p}`)
            .join('\n')}\nreviewers:\n  - ${
            aliases[(i + 1) % 50]
          }\nemeritus_approvers:\n  - ${people[(i + 3) % 400]}\n`;
    files.set(`${dir}/OWNERS`, text);
  });
  files.set(
    '.github/CODEOWNERS',
    Array.from(
      { length: 500 },
      (_, i) => `/${dirs[i % dirs.length]}/ @synthetic/team-${i % 50}`,
    ).join('\n'),
  );
  return {
    owner: 'synthetic',
    name: 'monorepo',
    commit: 'c0ffee',
    htmlUrl: 'https://github.com/synthetic/monorepo',
    defaultBranch: 'main',
    files,
  };
}

/** The rules the provider stores for one snapshot, read back from JSON like the backend does. */
function storedRules(snapshot: RepositorySnapshot): {
  rules: CodeOwnershipRules;
  transformMs: number;
} {
  const started = performance.now();
  const { entities } = crawlToEntities(
    {
      teams: [],
      repositories: [
        {
          info: {
            owner: snapshot.owner,
            name: snapshot.name,
            url: snapshot.htmlUrl,
            topics: [],
            isArchived: false,
            isFork: false,
            visibility: 'PUBLIC',
            defaultBranch: snapshot.defaultBranch,
            headCommit: snapshot.commit,
            rootFiles: new Map(),
            truncatedFiles: [],
          },
          snapshot,
        },
      ],
      failures: [],
      skippedFiles: [],
      archivesRead: 1,
    },
    {
      id: 'bench',
      host: 'github.com',
      organizations: [snapshot.owner],
      teams: false,
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
      removalCeiling: 1,
      pageSize: 100,
      ownersDepth: 'tree',
      useCatalogInfo: false,
      componentTypes: DEFAULT_COMPONENT_TYPES,
      fallbackOwner: 'group:default/unknown',
      maxFileBytes: 1024 * 1024,
      archiveConcurrency: 1,
      analyzers: [],
    },
  );
  const transformMs = performance.now() - started;
  const component = entities.find(e => e.kind === 'Component');
  return {
    rules: JSON.parse(JSON.stringify(codeOwnershipOf(component))),
    transformMs,
  };
}

/** Questions answered per second over `paths`, for at least `seconds`. */
function rate(seconds: number, ask: (i: number) => unknown): number {
  let done = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for (let i = 0; i < 200; i++) ask(done++);
  }
  return done / ((performance.now() - started) / 1000);
}

const format = (n: number) => Math.round(n).toLocaleString('en-US');

function main() {
  const seconds = option('seconds', 3);
  const ownersFiles = option('owners-files', 5000);
  const k8sIo = k8sIoSnapshot();
  const synthetic = syntheticSnapshot(ownersFiles);
  const cases = [
    {
      name: 'kubernetes/k8s.io',
      snapshot: k8sIo,
      paths: [...k8sIo.files.keys()],
    },
    {
      name: `synthetic, ${ownersFiles.toLocaleString('en-US')} OWNERS files`,
      snapshot: synthetic,
      paths: [...synthetic.files.keys()].flatMap(p => [
        p.replace(/OWNERS$/, 'main.go'),
        p.replace(/OWNERS$/, 'docs/README.md'),
      ]),
    },
  ];
  const rows = cases.map(({ name, snapshot, paths }) => {
    const { rules, transformMs } = storedRules(snapshot);
    const loadStarted = performance.now();
    const tree = new OwnersRules(rules);
    const loadMs = performance.now() - loadStarted;
    const forward = rate(seconds, i => {
      const path = paths[i % paths.length];
      tree.ownersOf(path);
      if (rules.codeowners) codeownersFor(rules.codeowners, path);
    });
    const subjects = [
      ...Object.keys(rules.aliases?.aliases ?? {}),
      'thockin',
      'person-7',
    ];
    const reverse = rate(seconds, i =>
      rulesNaming(rules, subjects[i % subjects.length]),
    );
    return [
      name,
      format(rules.owners.length),
      format(paths.length),
      `${Math.round(JSON.stringify(rules).length / 1024)} KB`,
      `${Math.round(transformMs)} ms`,
      `${loadMs.toFixed(1)} ms`,
      format(forward),
      format(reverse),
    ];
  });
  printMarkdownTable(
    [
      'repository',
      'OWNERS files',
      'paths asked',
      'stored rules',
      'transform',
      'load rules',
      'path look-ups/s',
      'reverse look-ups/s',
    ],
    rows,
  );
}

main();
