import { EntityLink } from '@backstage/catalog-model';

const DOC_LINK = /runbook|playbook|docs|documentation|readme/i;

/**
 * A `metadata.links` entry that is a runbook or docs: its type, title or URL says so. One rule
 * for the completeness `docs` check and the runbook answer, so that a link that passes the
 * check is the link the card shows.
 */
export const isDocsLink = (link: EntityLink) =>
  [link.type, link.title, link.url].some(
    value => !!value && DOC_LINK.test(value),
  );
