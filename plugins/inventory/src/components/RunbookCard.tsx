import { Link } from '@backstage/core-components';
import {
  InventoryClient,
  RunbookResponse,
} from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { EntityAnswerCard } from './AnswerState';
import { EvidenceChain } from './Evidence';
import { docsPath } from './links';

type Site = RunbookResponse['techdocs'][number];

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
        No runbook found: neither this, nor a system it is part of, nor the
        repository it comes from has docs or a link to a runbook. Its owner,
        under &ldquo;Who owns it, who has access&rdquo;, can say where the
        runbook is.
      </Typography>
    );
  }
  return (
    <>
      {techdocs.length > 0 && (
        <ul aria-label="TechDocs" style={{ paddingLeft: 20, marginTop: 0 }}>
          {techdocs.map(site => (
            <li key={site.entity.ref}>
              <Link to={docsPath(site.entity.ref)}>
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

/** The card's question, defined once: EntityAnswerCard asks again when it changes. */
const askRunbook = (inventory: InventoryClient, ref: string) =>
  inventory.runbook(ref);

/**
 * Where to read how to run the entity: its TechDocs, its Systems' runbooks, its repository's
 * docs, and runbook links, nearest first (the rule is the backend's `runbook` answer).
 */
export function RunbookCard() {
  return (
    <EntityAnswerCard title="Runbook" ask={askRunbook}>
      {answer => <Runbook answer={answer} />}
    </EntityAnswerCard>
  );
}
