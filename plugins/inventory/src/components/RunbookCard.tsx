import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import {
  InventoryEntitySummary,
  RunbookResponse,
} from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { EntityAnswerCard } from './AnswerState';
import { EvidenceChain } from './Evidence';
import { docsPath } from './home/homeLinks';

type Site = RunbookResponse['techdocs'][number];

/** The TechDocs reader's page of an entity the answer names by ref. */
const docsPathOf = (entity: InventoryEntitySummary) => {
  const { kind, namespace, name } = parseEntityRef(entity.ref);
  return docsPath({ kind, metadata: { namespace, name } } as Entity);
};

const VIA: Record<Site['via'], (title: string) => string> = {
  self: () => 'Its own docs',
  system: title => `Runbook of the ${title} system`,
  repository: title => `Docs of the repository ${title}`,
};

function Runbook(props: { answer: RunbookResponse }) {
  const { techdocs, links } = props.answer;
  if (techdocs.length === 0 && links.length === 0) {
    return (
      <Typography variant="body2">
        No runbook found. Docs come from a{' '}
        <code>backstage.io/techdocs-ref</code> annotation on the entity, on a
        System it is part of (a runbook in{' '}
        <code>docs/runbooks/&lt;system&gt;/</code> whose anchors name it) or on
        the repository it is declared in (an app&apos;s README), or from a{' '}
        <code>metadata.links</code> entry of type or title runbook or docs.
      </Typography>
    );
  }
  return (
    <>
      {techdocs.length > 0 && (
        <ul aria-label="TechDocs" style={{ paddingLeft: 20, marginTop: 0 }}>
          {techdocs.map(site => (
            <li key={site.entity.ref}>
              <Link to={docsPathOf(site.entity)}>
                {VIA[site.via](site.entity.title)}
              </Link>
              {site.steps.length > 0 && (
                <details>
                  <summary>
                    <Typography variant="caption">Why this one</Typography>
                  </summary>
                  <EvidenceChain steps={site.steps} />
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {links.length > 0 && (
        <>
          <Typography variant="subtitle2" style={{ marginTop: 16 }}>
            Runbook and docs links
          </Typography>
          <ul aria-label="Runbook links" style={{ paddingLeft: 20 }}>
            {links.map(link => (
              <li key={link.url}>
                <Link to={link.url}>{link.title ?? link.url}</Link>{' '}
                <Typography variant="caption" color="textSecondary">
                  on {link.entity.title}
                </Typography>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * Where to read how to run the entity: its TechDocs, its Systems' runbooks, its repository's
 * docs, and runbook links, nearest first (the rule is the backend's `runbook` answer).
 */
export function RunbookCard() {
  return (
    <EntityAnswerCard
      title="Runbook"
      ask={(inventory, ref) => inventory.runbook(ref)}
    >
      {answer => <Runbook answer={answer} />}
    </EntityAnswerCard>
  );
}
