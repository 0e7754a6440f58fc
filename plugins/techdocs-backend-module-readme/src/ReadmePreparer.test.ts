import { Entity } from '@backstage/catalog-model';
import { PreparerBase } from '@backstage/plugin-techdocs-node';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ReadmePreparer } from './ReadmePreparer';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'k8s-app--gcsweb',
    title: 'gcsweb',
    description: 'GCS browser',
  },
};

function preparerOver(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'readme-preparer-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  const inner: PreparerBase = {
    shouldCleanPreparedDirectory: () => true,
    prepare: async () => ({ preparedDir: dir, etag: 'abc' }),
  };
  return { dir, preparer: new ReadmePreparer(inner, 'material') };
}

describe('ReadmePreparer', () => {
  it('turns a README-only directory into a mkdocs site', async () => {
    const { dir, preparer } = preparerOver({ 'README.md': '# gcsweb\n' });
    expect(await preparer.prepare(entity)).toEqual({
      preparedDir: dir,
      etag: 'abc',
    });
    expect(readFileSync(path.join(dir, 'docs/index.md'), 'utf8')).toBe(
      '# gcsweb\n',
    );
    expect(parse(readFileSync(path.join(dir, 'mkdocs.yml'), 'utf8'))).toEqual({
      site_name: 'gcsweb',
      site_description: 'GCS browser',
      docs_dir: 'docs',
      nav: [{ gcsweb: 'index.md' }],
      theme: { name: 'material', font: false },
      plugins: ['search'],
    });
  });

  it('keeps an existing docs/index.md', async () => {
    const { dir, preparer } = preparerOver({
      'README.md': 'readme',
      'docs/index.md': 'index',
    });
    await preparer.prepare(entity);
    expect(readFileSync(path.join(dir, 'docs/index.md'), 'utf8')).toBe('index');
  });

  it('leaves a directory with its own mkdocs.yml, or without a README, untouched', async () => {
    const cases: Array<Record<string, string>> = [
      { 'mkdocs.yml': 'site_name: own\n', 'README.md': 'x' },
      { 'notes.txt': 'x' },
    ];
    for (const files of cases) {
      const { dir, preparer } = preparerOver(files);
      await preparer.prepare(entity);
      expect(readFileSync(path.join(dir, Object.keys(files)[0]), 'utf8')).toBe(
        Object.values(files)[0],
      );
      expect(() => readFileSync(path.join(dir, 'docs/index.md'))).toThrow();
    }
  });
});
