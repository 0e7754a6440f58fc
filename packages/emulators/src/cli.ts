/**
 * Runs the GCP and/or GitHub emulators standalone, for the demo and the benchmarks:
 *
 *   yarn workspace @infra-atlas/emulators start --gcp-port 7100 --seed k8s-infra
 *   yarn workspace @infra-atlas/emulators start --seed synthetic --projects 2000 \
 *     --assets-per-project 50 --folder-depth 3 --latency-ms 20
 *   yarn workspace @infra-atlas/emulators start --gcp-port 7100 --github-port 7200
 *   yarn workspace @infra-atlas/emulators start --github-port 7200 \
 *     --github-seed synthetic --repositories 1000 --nested-owners-ratio 0.1 --catalog-info-ratio 1
 *
 *   yarn workspace @infra-atlas/emulators start --gcp-port 7100 --bigquery-port 7101
 *
 * Without either port flag it runs the GCP emulator on 7100, as it always has. The GCP
 * emulator serves Cloud Billing from its estate on its own port; `--bigquery-port` adds the
 * BigQuery emulator with the estate's (synthetic) billing export.
 */
import { parseArgs } from 'node:util';
import { startBigQueryEmulator } from './billing/bigqueryServer';
import { BillingExportTable } from './billing/exportTable';
import { k8sInfraBillingExport } from './billing/k8sInfraBilling';
import { generateSyntheticBillingExport } from './billing/syntheticBilling';
import { GcpEstate } from './gcp/estate';
import { loadK8sInfraGcpEstate } from './gcp/k8sInfraSeed';
import { startGcpEmulator } from './gcp/server';
import { generateSyntheticGcpEstate } from './gcp/syntheticEstate';
import { GithubEstate } from './github/estate';
import { loadK8sInfraGithubEstate } from './github/k8sInfraSeed';
import { startGithubEmulator } from './github/server';
import { generateSyntheticGithubEstate } from './github/syntheticEstate';

const USAGE = `Usage: start [--gcp-port 7100] [--bigquery-port 7101] [--github-port 7200] [--host 127.0.0.1]
             [--seed k8s-infra|synthetic] [--projects N] [--assets-per-project N]
             [--folder-depth N] [--folders-per-folder N]
             [--github-seed k8s-infra|synthetic] [--repositories N]
             [--nested-owners-ratio 0..1] [--catalog-info-ratio 0..1]
             [--random-seed N] [--latency-ms N]`;

type Values = Record<string, string | undefined>;

function integer(value: string | undefined, flag: string) {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`--${flag} must be a non-negative integer, got "${value}"`);
  }
  return parsed;
}

function ratio(value: string | undefined, flag: string) {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!(parsed >= 0 && parsed <= 1)) {
    throw new Error(`--${flag} must be a number from 0 to 1, got "${value}"`);
  }
  return parsed;
}

function gcpEstate(values: Values): GcpEstate {
  if (values.seed === 'k8s-infra') {
    return loadK8sInfraGcpEstate();
  }
  if (values.seed === 'synthetic') {
    return generateSyntheticGcpEstate({
      projects: integer(values.projects, 'projects'),
      assetsPerProject: integer(
        values['assets-per-project'],
        'assets-per-project',
      ),
      folderDepth: integer(values['folder-depth'], 'folder-depth'),
      foldersPerFolder: integer(
        values['folders-per-folder'],
        'folders-per-folder',
      ),
      seed: integer(values['random-seed'], 'random-seed'),
    });
  }
  throw new Error(
    `--seed must be k8s-infra or synthetic, got "${values.seed}"`,
  );
}

/** The (synthetic) billing export of the GCP estate's main billing account. */
function billingExport(values: Values, estate: GcpEstate): BillingExportTable {
  return values.seed === 'k8s-infra'
    ? k8sInfraBillingExport(estate)
    : generateSyntheticBillingExport(estate, {
        seed: integer(values['random-seed'], 'random-seed'),
      });
}

function githubEstate(values: Values): GithubEstate {
  if (values['github-seed'] === 'k8s-infra') {
    return loadK8sInfraGithubEstate();
  }
  if (values['github-seed'] === 'synthetic') {
    return generateSyntheticGithubEstate({
      repositories: integer(values.repositories, 'repositories'),
      nestedOwnersRatio: ratio(
        values['nested-owners-ratio'],
        'nested-owners-ratio',
      ),
      catalogInfoRatio: ratio(
        values['catalog-info-ratio'],
        'catalog-info-ratio',
      ),
      seed: integer(values['random-seed'], 'random-seed'),
    });
  }
  throw new Error(
    `--github-seed must be k8s-infra or synthetic, got "${values['github-seed']}"`,
  );
}

async function main() {
  const { values } = parseArgs({
    options: {
      'gcp-port': { type: 'string' },
      'bigquery-port': { type: 'string' },
      'github-port': { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: 'k8s-infra' },
      projects: { type: 'string' },
      'assets-per-project': { type: 'string' },
      'folder-depth': { type: 'string' },
      'folders-per-folder': { type: 'string' },
      'github-seed': { type: 'string', default: 'k8s-infra' },
      repositories: { type: 'string' },
      'nested-owners-ratio': { type: 'string' },
      'catalog-info-ratio': { type: 'string' },
      'random-seed': { type: 'string' },
      'latency-ms': { type: 'string' },
    },
  });
  const latencyMs = integer(values['latency-ms'], 'latency-ms');
  const gcpPort =
    values['gcp-port'] ??
    (values['github-port'] || values['bigquery-port'] ? undefined : '7100');
  const stops: Array<() => Promise<void>> = [];
  const gcp =
    gcpPort !== undefined || values['bigquery-port'] !== undefined
      ? gcpEstate(values)
      : undefined;

  if (gcpPort !== undefined && gcp) {
    const emulator = await startGcpEmulator({
      estate: gcp,
      host: values.host,
      port: integer(gcpPort, 'gcp-port'),
      latencyMs,
    });
    stops.push(() => emulator.stop());
    console.log(
      `GCP emulator listening on ${emulator.endpoint} (seed: ${values.seed}, ${
        gcp.projects.length
      } projects, ${gcp.assets.length} assets, ${
        gcp.billingAccounts?.length ?? 0
      } billing accounts)`,
    );
  }
  if (values['bigquery-port'] !== undefined && gcp) {
    const table = billingExport(values, gcp);
    const emulator = await startBigQueryEmulator({
      tables: [table],
      host: values.host,
      port: integer(values['bigquery-port'], 'bigquery-port'),
      latencyMs,
    });
    stops.push(() => emulator.stop());
    const months = new Set(table.slices.map(slice => slice.invoiceMonth));
    console.log(
      `BigQuery emulator listening on ${emulator.url} (SYNTHETIC billing export \`${table.tableId}\`, ${months.size} invoice months)`,
    );
  }
  if (values['github-port'] !== undefined) {
    const estate = githubEstate(values);
    const emulator = await startGithubEmulator({
      estate,
      host: values.host,
      port: integer(values['github-port'], 'github-port'),
      latencyMs,
    });
    stops.push(() => emulator.stop());
    const repositories = estate.organizations.flatMap(org =>
      org.repositories.map(repo => `${org.login}/${repo.name}`),
    );
    console.log(
      `GitHub emulator listening on ${emulator.url} (seed: ${
        values['github-seed']
      }, ${repositories.length} repositories: ${repositories
        .slice(0, 3)
        .join(', ')}${repositories.length > 3 ? ', …' : ''})`,
    );
  }

  const shutdown = () => {
    Promise.all(stops.map(stop => stop())).then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(2);
});
