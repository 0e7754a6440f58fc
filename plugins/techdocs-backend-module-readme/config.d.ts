export interface Config {
  techdocs?: {
    /** TechDocs built from a README for directories without a mkdocs.yml. */
    readme?: {
      /** The mkdocs theme of those sites. Defaults to `material`. */
      theme?: string;
    };
  };
}
