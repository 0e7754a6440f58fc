/*
 * Writes the OpenAPI document into the router's copy of it (`export const spec` in
 * src/schema/openapi/generated/router.ts), which is the part of
 * `backstage-repo-tools package schema openapi generate --server` that runs without Java: the
 * tool's endpoint-map renderer is a Java program it downloads, and where it cannot, the tool
 * fails after deleting the generated folder. The endpoint map (generated/apis/) is kept by
 * hand; see docs/infra-atlas/inventory-api.md, "The contract".
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { parse } = require('yaml');

const root = join(__dirname, '..');
const routerPath = join(root, 'src/schema/openapi/generated/router.ts');
const router = readFileSync(routerPath, 'utf8');
const start = router.indexOf('export const spec = ');
const endMark = '} as const;\n';
const end = router.indexOf(endMark, start) + endMark.length;
if (start < 0 || end < endMark.length) {
  throw new Error(
    `${routerPath} has no \`export const spec = … as const;\` to replace`,
  );
}
const spec = parse(readFileSync(join(root, 'src/schema/openapi.yaml'), 'utf8'));
writeFileSync(
  routerPath,
  `${router.slice(0, start)}export const spec = ${JSON.stringify(
    spec,
    null,
    2,
  )} as const;\n${router.slice(end)}`,
);
