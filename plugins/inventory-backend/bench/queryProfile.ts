/*
 * The inventory's answers without HTTP or a catalog: builds the index in this process from the
 * benchmark's synthetic catalog (relations attached as the catalog would) or from a file of
 * catalog entities (what `GET /api/catalog/entities/by-query` returns, pages concatenated),
 * then times each step of the build and each kind of answer (serialized, as the router sends
 * it), in wall time and in CPU time: on a shared machine the wall time counts the waits for a
 * core, the CPU time is the answer's own cost. For profiles, run it under `node --cpu-prof`.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/queryProfile.ts \
 *     [--entities 50000 | --file entities.json] [--questions 200] [--only ownership] [--withheld]
 *
 * `--withheld` answers as the router answers a caller who may read the whole catalog but not
 * personal details (the production scripts' token): each answer then goes through the walk
 * that replaces them (service/withhold.ts), and its cost is counted in the answer's.
 */
import { Entity } from '@backstage/catalog-model';
import { printMarkdownTable } from '@infra-atlas/test-utils';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { InventoryGraph } from '../src/graph/InventoryGraph';
import {
  linkRules,
  resolveLinks,
  resolveLinksInSlices,
} from '../src/links/resolveLinks';
import { TimeSlicer } from '../src/graph/timeSlices';
import { administrators } from '../src/queries/administrators';
import { impact, parseImpactOptions } from '../src/queries/impact';
import { ownership } from '../src/queries/ownership';
import { placement } from '../src/queries/placement';
import { scorecard } from '../src/queries/completeness';
import { drift, driftInSlices } from '../src/queries/drift';
import { emeritusPeople, emeritusPrincipals } from '../src/queries/people';
import { preparePrincipalItems } from '../src/queries/principalItems';
import { PersonalDetails } from '../src/service/redaction';
import { withhold } from '../src/service/withhold';
import { syntheticCatalogEntities } from './inventoryBenchmark';

type Question = { kind: string; ask: () => unknown };

/**
 * Wall time and CPU time of `run`, in ms. On a machine shared with other work the wall time
 * counts the waits for a core; the CPU time (this process's, GC threads included) does not.
 */
function clock() {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const { user, system } = process.cpuUsage(cpu);
    return { wallMs: performance.now() - wall, cpuMs: (user + system) / 1000 };
  };
}

function time<T>(label: string, rows: string[][], run: () => T): T {
  const stop = clock();
  const result = run();
  const { wallMs, cpuMs } = stop();
  rows.push([label, wallMs.toFixed(0), cpuMs.toFixed(0)]);
  return result;
}

async function timeAsync<T>(
  label: string,
  rows: string[][],
  run: () => Promise<T>,
): Promise<T> {
  const stop = clock();
  const result = await run();
  const { wallMs, cpuMs } = stop();
  rows.push([label, wallMs.toFixed(0), cpuMs.toFixed(0)]);
  return result;
}

async function main() {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string', default: '50000' },
      file: { type: 'string' },
      questions: { type: 'string', default: '200' },
      only: { type: 'string' },
      stalls: { type: 'boolean', default: false },
      withheld: { type: 'boolean', default: false },
    },
  });
  const buildRows: string[][] = [];
  const { entities, subjects } = values.file
    ? { entities: JSON.parse(readFileSync(values.file, 'utf8')) as Entity[] }
    : syntheticCatalogEntities(Number(values.entities));
  const rules = linkRules({ matchEmailLocalPart: true });
  const graph = time('graph (with link rules)', buildRows, () =>
    InventoryGraph.build(entities, lookup => resolveLinks(lookup, rules)),
  );
  const emeritus = time('emeritus people', buildRows, () =>
    emeritusPeople(graph),
  );
  const facts = {
    declaredProjects: undefined,
    emeritusPrincipals: time('emeritus principals', buildRows, () =>
      emeritusPrincipals(graph, emeritus),
    ),
  };
  time('scorecards', buildRows, () =>
    [...graph.allEntities()].map(entity => scorecard(graph, entity, facts)),
  );
  const personal = await timeAsync('redactor', buildRows, () =>
    PersonalDetails.of(graph),
  );
  const sent = (answer: unknown) =>
    values.withheld
      ? withhold(answer, {
          redact: personal.redact,
          redactText: personal.redactText,
        })
      : answer;
  time('drift', buildRows, () => drift(graph, { emeritus }));
  await timeAsync('principals’ ownership items', buildRows, () =>
    preparePrincipalItems(graph, TimeSlicer.unsliced),
  );
  console.log(
    `${graph.size} entities, ${graph.relationCount} relations, heap ${(
      process.memoryUsage().heapUsed /
      2 ** 20
    ).toFixed(0)} MB`,
  );
  printMarkdownTable(['build step', 'wall ms', 'CPU ms'], buildRows);

  if (values.stalls) {
    await printBuildStalls(entities);
    return;
  }
  const n = Number(values.questions);
  const refs = (kind: string) =>
    [...graph.ofKind(kind)].map(e =>
      `${e.kind}:default/${e.metadata.name}`.toLowerCase(),
    );
  const things = subjects?.things ?? [
    ...refs('resource'),
    ...refs('component'),
  ];
  const people = subjects?.people ?? [...refs('user'), ...refs('group')];
  const impactTargets = subjects?.impact.flat() ?? refs('resource');
  const pick = (list: string[], i: number) => list[(i * 7919) % list.length];
  const questions: Question[] = [];
  const asked = new Set<string>();
  for (let i = 0; i < n; i++) {
    questions.push(
      { kind: 'placement', ask: () => placement(graph, pick(things, i)) },
      {
        kind: 'administrators',
        ask: () => administrators(graph, pick(things, i)),
      },
      {
        // An ownership answer is kept for the build's life: the first ask of a subject works
        // it out, later asks (any page) look it up.
        kind: asked.has(pick(people, i))
          ? 'ownership, asked before'
          : 'ownership, first ask',
        ask: () => ownership(graph, pick(people, i)),
      },
      {
        kind: 'impact',
        ask: () =>
          impact(
            graph,
            pick(impactTargets, i),
            parseImpactOptions({ depth: 3, direction: 'dependents' }, 2000),
          ),
      },
    );
    asked.add(pick(people, i));
  }
  let errors = 0;
  const stats = new Map<
    string,
    { ms: number[]; cpu: number[]; bytes: number[] }
  >();
  for (const question of questions) {
    if (values.only && !question.kind.startsWith(values.only)) continue;
    const stop = clock();
    let bytes = 0;
    try {
      bytes = JSON.stringify(sent(question.ask())).length;
    } catch (error) {
      // 404s: a subject the estate does not know costs its lookup only.
      if (!errors++) console.error(`${question.kind}: ${error}`);
    }
    const { wallMs, cpuMs } = stop();
    const entry = stats.get(question.kind) ?? { ms: [], cpu: [], bytes: [] };
    entry.ms.push(wallMs);
    entry.cpu.push(cpuMs);
    entry.bytes.push(bytes);
    stats.set(question.kind, entry);
  }
  const at = (sorted: number[], p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  console.log(
    `load average ${loadavg()
      .map(l => l.toFixed(1))
      .join(' / ')}`,
  );
  printMarkdownTable(
    [
      'answer',
      'asked',
      'CPU p50 ms',
      'CPU p99 ms',
      'CPU max ms',
      'wall p50 ms',
      'wall p99 ms',
      'mean KB',
      'max KB',
    ],
    [...stats].map(([kind, { ms, cpu, bytes }]) => {
      ms.sort((a, b) => a - b);
      cpu.sort((a, b) => a - b);
      const mean = bytes.reduce((a, b) => a + b, 0) / bytes.length;
      return [
        kind,
        String(ms.length),
        at(cpu, 0.5).toFixed(1),
        at(cpu, 0.99).toFixed(1),
        cpu[cpu.length - 1].toFixed(1),
        at(ms, 0.5).toFixed(1),
        at(ms, 0.99).toFixed(1),
        (mean / 1024).toFixed(0),
        (Math.max(...bytes) / 1024).toFixed(0),
      ];
    }),
  );
}

/**
 * How long the event loop is held while the index builds as the server builds it (graph with
 * link rules, scorecards, drift), in one piece and in 10 ms slices: the longest a request that
 * arrives meanwhile waits before it is even read.
 */
async function printBuildStalls(entities: Entity[]) {
  const rules = linkRules({ matchEmailLocalPart: true });
  const rows: string[][] = [];
  for (const [label, slicer] of [
    ['in one piece', TimeSlicer.unsliced],
    ['in 10 ms slices', new TimeSlicer(10)],
  ] as const) {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    // The histogram's timer starts on the next turn of the loop.
    await new Promise(resolve => setTimeout(resolve, 5));
    const started = performance.now();
    const graph = await InventoryGraph.buildInSlices(
      entities,
      lookup => resolveLinksInSlices(lookup, rules, slicer),
      slicer,
    );
    const emeritus = emeritusPeople(graph);
    const facts = {
      declaredProjects: undefined,
      emeritusPrincipals: emeritusPrincipals(graph, emeritus),
    };
    await slicer.each(graph.allEntities(), entity => {
      scorecard(graph, entity, facts);
    });
    await driftInSlices(graph, { emeritus }, slicer);
    await preparePrincipalItems(graph, slicer);
    const ms = performance.now() - started;
    // The tick that the last stretch of work delayed is recorded when it fires.
    await new Promise(resolve => setTimeout(resolve, 5));
    delay.disable();
    rows.push([
      label,
      ms.toFixed(0),
      (delay.percentile(50) / 1e6).toFixed(1),
      (delay.percentile(99) / 1e6).toFixed(1),
      (delay.max / 1e6).toFixed(0),
    ]);
  }
  printMarkdownTable(
    ['build', 'wall ms', 'loop delay p50 ms', 'p99 ms', 'max ms'],
    rows,
  );
}

main();
