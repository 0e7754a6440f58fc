/**
 * TechDocs for directories that only have a README.
 *
 * @packageDocumentation
 */
export { techdocsModuleReadme as default } from './module';
export { ReadmePreparer } from './ReadmePreparer';
