#!/usr/bin/env node
// Keeps every @backstage/* package on one Backstage release.
//
// `backstage-cli versions:bump` reads the release manifest from the network, which these
// machines cannot reach. This script does the same job from the npm registry alone: every
// @backstage/* package in yarn.lock is pinned (root `resolutions`) to its newest stable version
// published before the next release's cut-off date, which is the release manifest of the
// current one. Run it after adding a dependency, then `yarn install`.
//
//   node scripts/pin-backstage-release.mjs 2026-11-17T00:00:00Z
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const cutoff = new Date(process.argv[2] ?? '');
if (Number.isNaN(cutoff.getTime())) {
  console.error(
    'usage: pin-backstage-release.mjs <ISO date of the next release>',
  );
  process.exit(2);
}

const lock = readFileSync('yarn.lock', 'utf8');
const resolved = new Map(); // name -> Set(version)
for (const m of lock.matchAll(
  /^"(@backstage\/[^@"]+)@[^\n]*:\n {2}version: "?([^"\n]+)"?/gm,
)) {
  if (!resolved.has(m[1])) resolved.set(m[1], new Set());
  resolved.get(m[1]).add(m[2]);
}

const isStable = v => /^\d+\.\d+\.\d+$/.test(v);
const compare = (a, b) => {
  const [x, y] = [a, b].map(v => v.split('.').map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
pkg.resolutions = Object.fromEntries(
  Object.entries(pkg.resolutions ?? {}).filter(
    ([n]) => !n.startsWith('@backstage/'),
  ),
);
for (const [name, versions] of [...resolved].sort()) {
  const times = JSON.parse(
    execFileSync('npm', ['view', name, 'time', '--json'], { encoding: 'utf8' }),
  );
  const best = Object.keys(times)
    .filter(v => isStable(v) && new Date(times[v]) < cutoff)
    .sort(compare)
    .pop();
  if (!best) continue; // a package that did not exist yet; it leaves the lock once pinned
  pkg.resolutions[name] = best;
  console.log(`${name}: ${[...versions].join(', ')} -> ${best}`);
}
writeFileSync('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
