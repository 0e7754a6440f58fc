/**
 * Runs the GCP emulator standalone, for the demo and the benchmarks:
 *
 *   yarn workspace @infra-atlas/emulators start --gcp-port 7100 --seed k8s-infra
 *   yarn workspace @infra-atlas/emulators start --seed synthetic --projects 2000 \
 *     --assets-per-project 50 --folder-depth 3 --latency-ms 20
 */
import { parseArgs } from 'node:util';
import { GcpEstate } from './gcp/estate';
import { loadK8sInfraGcpEstate } from './gcp/k8sInfraSeed';
import { startGcpEmulator } from './gcp/server';
import { generateSyntheticGcpEstate } from './gcp/syntheticEstate';

const USAGE = `Usage: start [--gcp-port 7100] [--host 127.0.0.1] [--seed k8s-infra|synthetic]
             [--projects N] [--assets-per-project N] [--folder-depth N]
             [--folders-per-folder N] [--random-seed N] [--latency-ms N]`;

function integer(value: string | undefined, flag: string) {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`--${flag} must be a non-negative integer, got "${value}"`);
  }
  return parsed;
}

async function main() {
  const { values } = parseArgs({
    options: {
      'gcp-port': { type: 'string', default: '7100' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: 'k8s-infra' },
      projects: { type: 'string' },
      'assets-per-project': { type: 'string' },
      'folder-depth': { type: 'string' },
      'folders-per-folder': { type: 'string' },
      'random-seed': { type: 'string' },
      'latency-ms': { type: 'string' },
    },
  });
  let estate: GcpEstate;
  if (values.seed === 'k8s-infra') {
    estate = loadK8sInfraGcpEstate();
  } else if (values.seed === 'synthetic') {
    estate = generateSyntheticGcpEstate({
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
  } else {
    throw new Error(
      `--seed must be k8s-infra or synthetic, got "${values.seed}"`,
    );
  }

  const emulator = await startGcpEmulator({
    estate,
    host: values.host,
    port: integer(values['gcp-port'], 'gcp-port'),
    latencyMs: integer(values['latency-ms'], 'latency-ms'),
  });
  console.log(
    `GCP emulator listening on ${emulator.endpoint} (seed: ${values.seed}, ${estate.projects.length} projects, ${estate.assets.length} assets)`,
  );
  const shutdown = () => {
    emulator.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(2);
});
