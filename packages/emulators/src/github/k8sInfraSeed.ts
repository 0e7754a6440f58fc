import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GithubEstate, GithubFileContent } from './estate';

/**
 * The vendored files of kubernetes/k8s.io and kubernetes/community (Apache-2.0), resolved
 * through the package so that they are found from sources and from a build alike.
 */
const DEFAULT_SEED_DIR = join(
  dirname(require.resolve('@infra-atlas/emulators/package.json')),
  'seed/k8s-infra/github',
);

/** Every file under `dir`, by repository path; symlinks stay symlinks, as git keeps them. */
function readRepository(dir: string): Record<string, GithubFileContent> {
  const files: Record<string, GithubFileContent> = {};
  const visit = (relative: string) => {
    for (const name of readdirSync(join(dir, relative)).sort()) {
      const path = relative ? `${relative}/${name}` : name;
      const stats = lstatSync(join(dir, path));
      if (stats.isSymbolicLink()) {
        files[path] = { symlink: readlinkSync(join(dir, path)) };
      } else if (stats.isDirectory()) {
        visit(path);
      } else {
        files[path] = readFileSync(join(dir, path));
      }
    }
  };
  visit('');
  return files;
}

/**
 * The `kubernetes` organization with the two repositories the seed has files of: `k8s.io`
 * as vendored at commit 576d58a (391 files the analyzers read, 71 image lists rebuilt from the
 * snapshot's registry index, and the 7 `canary.*.yaml`
 * symlinks of `dns/zone-configs/`) and `community` (its `sigs.yaml`). Descriptions,
 * default branches and push times are GitHub's of June 2024. Creation times, topics and
 * languages are not in the vendored data: they are plausible values, not GitHub's record.
 */
export function loadK8sInfraGithubEstate(
  seedDir: string = DEFAULT_SEED_DIR,
): GithubEstate {
  return {
    organizations: [
      {
        login: 'kubernetes',
        name: 'Kubernetes',
        repositories: [
          {
            name: 'k8s.io',
            description:
              'Code and configuration to manage Kubernetes project infrastructure, including various *.k8s.io sites',
            topics: ['k8s-sig-k8s-infra'],
            primaryLanguage: 'Shell',
            isArchived: false,
            isFork: false,
            visibility: 'PUBLIC',
            defaultBranch: 'main',
            createdAt: '2016-01-01T00:00:00Z',
            pushedAt: '2024-06-06T11:33:17Z',
            files: readRepository(join(seedDir, 'kubernetes/k8s.io')),
          },
          {
            name: 'community',
            description: 'Kubernetes community content',
            topics: ['k8s-sig-contributor-experience'],
            primaryLanguage: 'Go',
            isArchived: false,
            isFork: false,
            visibility: 'PUBLIC',
            defaultBranch: 'main',
            createdAt: '2016-05-01T00:00:00Z',
            pushedAt: '2024-06-05T13:44:28Z',
            files: readRepository(join(seedDir, 'kubernetes/community')),
          },
        ],
      },
    ],
  };
}
