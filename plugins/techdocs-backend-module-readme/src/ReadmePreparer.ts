import { Entity } from '@backstage/catalog-model';
import {
  PreparerBase,
  PreparerOptions,
  PreparerResponse,
} from '@backstage/plugin-techdocs-node';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';

const MKDOCS_FILES = ['mkdocs.yml', 'mkdocs.yaml'];
const README_FILES = ['README.md', 'readme.md', 'Readme.md'];

/**
 * Wraps a preparer (the stock URL preparer) so that a directory with a README and no
 * mkdocs.yml — an app directory in a repository of manifests, say — still builds: it gets a
 * minimal mkdocs.yml and its README becomes `docs/index.md`. Directories that have their
 * own mkdocs.yml are left exactly as they are.
 *
 * TechDocs itself would generate a mkdocs.yml naming the `techdocs-core` plugin whether or
 * not it is installed, and would find no `docs/`; the configuration written here names
 * only what plain mkdocs has, and the generator adds `techdocs-core` unless
 * `techdocs.generator.mkdocs.omitTechdocsCorePlugin` is set.
 */
export class ReadmePreparer implements PreparerBase {
  constructor(
    private readonly inner: PreparerBase,
    private readonly theme: string,
  ) {}

  shouldCleanPreparedDirectory(): boolean {
    return this.inner.shouldCleanPreparedDirectory();
  }

  async prepare(
    entity: Entity,
    options?: PreparerOptions,
  ): Promise<PreparerResponse> {
    const response = await this.inner.prepare(entity, options);
    const dir = response.preparedDir;
    if (MKDOCS_FILES.some(f => existsSync(path.join(dir, f)))) {
      return response;
    }
    const readme = README_FILES.find(f => existsSync(path.join(dir, f)));
    if (!readme) {
      return response;
    }
    options?.logger?.info(
      `No mkdocs.yml for ${entity.metadata.name}; building its docs from ${readme}`,
    );
    await mkdir(path.join(dir, 'docs'), { recursive: true });
    const index = path.join(dir, 'docs', 'index.md');
    if (!existsSync(index)) {
      await copyFile(path.join(dir, readme), index);
    }
    const title = entity.metadata.title ?? entity.metadata.name;
    await writeFile(
      path.join(dir, 'mkdocs.yml'),
      stringify({
        site_name: title,
        ...(entity.metadata.description
          ? { site_description: entity.metadata.description }
          : {}),
        docs_dir: 'docs',
        // READMEs rarely start with a heading; the page is titled after the entity instead.
        nav: [{ [title]: 'index.md' }],
        // No web fonts: the reader waits for every stylesheet, so an unreachable font host
        // leaves the page blank; system fonts also keep readers' addresses to ourselves.
        theme: { name: this.theme, font: false },
        plugins: ['search'],
      }),
    );
    return response;
  }
}
