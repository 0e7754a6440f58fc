import { Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import {
  IMPACT_DEFAULTS,
  ImpactOptions,
  ImpactResponse,
  InventoryClient,
  UNOWNED_KEY,
} from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { inventoryApiRef } from '../api';
import { graphRouteRef } from '../routes';
import { EntityAnswerCard } from './AnswerState';
import { EntityName, EvidenceChain } from './Evidence';
import { plural } from './format';
import { PAGE_SIZE, ShowMore, useMorePages } from './ownership/MorePages';

type Owner = ImpactResponse['owners'][number];

/**
 * The next page of one of the answer's lists (a distance's entities, the owners), for the
 * same walk: the answer's entity, direction, depth and relations.
 */
function usePageOfAnswer(answer: ImpactResponse) {
  const inventory = useApi(inventoryApiRef);
  return (page: Pick<ImpactOptions, 'distance' | 'list' | 'offset'>) =>
    inventory.impact(answer.entity.ref, {
      direction: answer.direction,
      depth: answer.depth,
      relations: answer.relations,
      ...page,
      pageSize: PAGE_SIZE,
    });
}

/**
 * The blast radius graph of the same walk: the answer's depth goes along, since the graph
 * page's own default depth is shallower than the impact answer's.
 */
function BlastRadiusLink(props: { answer: ImpactResponse }) {
  const { entity, depth } = props.answer;
  const graphPath = useRouteRef(graphRouteRef);
  if (!graphPath) return null;
  const query = new URLSearchParams({
    entity: entity.ref,
    mode: 'blast-radius',
    depth: String(depth),
  });
  return (
    <Typography variant="body2" style={{ marginTop: 16 }}>
      <Link to={`${graphPath()}?${query}`}>Open the blast radius graph</Link>
    </Typography>
  );
}

function Contact(props: { contact: Owner['contacts'][number] }) {
  const { kind, value } = props.contact;
  if (kind === 'slack') return <span>Slack {value}</span>;
  if (kind === 'mailing-list' && value.startsWith('http')) {
    return <Link to={value}>mailing list</Link>;
  }
  return <Link to={`mailto:${value}`}>{value}</Link>;
}

function OwnerItem(props: { owner: Owner }) {
  const { owner, contacts, total } = props.owner;
  return (
    <li>
      {owner.ref === UNOWNED_KEY ? (
        <em>No owner</em>
      ) : (
        <EntityName entity={owner} />
      )}{' '}
      — {plural(total, 'entity', 'entities')}
      {contacts.length > 0 ? ': ' : ''}
      {contacts.map((contact, i) => (
        <span key={`${contact.kind} ${contact.value}`}>
          {i > 0 && ', '}
          <Contact contact={contact} />
        </span>
      ))}
      {contacts.length === 0 && owner.ref !== UNOWNED_KEY && (
        <Typography variant="caption" color="textSecondary">
          {' '}
          (no Slack channel, mailing list or e-mail known)
        </Typography>
      )}
    </li>
  );
}

function CutOff(props: { answer: ImpactResponse }) {
  const { cutOff, depth } = props.answer;
  if (cutOff.nodeLimitReached) {
    return (
      <Typography variant="body2">
        Stopped at the node limit: {cutOff.frontier} more dependents were not
        walked, so more may break.
      </Typography>
    );
  }
  if (cutOff.depthReached) {
    return (
      <Typography variant="body2">
        Stopped at depth {depth}:{' '}
        {plural(cutOff.frontier, 'more relation leads', 'more relations lead')}{' '}
        further, so more may break.
      </Typography>
    );
  }
  return (
    <Typography variant="body2">
      Complete: nothing further depends on it.
    </Typography>
  );
}

/**
 * The entities at one distance: the answer brings the first page (the backend's default, 20),
 * the reader asks for the others ten at a time.
 */
function Distance(props: {
  answer: ImpactResponse;
  distance: number;
  total: number;
}) {
  const { answer, distance, total } = props;
  const pageOf = usePageOfAnswer(answer);
  const { items, ...pages } = useMorePages(
    answer.nodes.filter(n => n.distance === distance),
    async offset => (await pageOf({ distance, offset })).nodes,
    IMPACT_DEFAULTS.pageSize,
  );
  return (
    <li>
      <details>
        <summary>
          {plural(total, 'entity', 'entities')} at distance {distance}
        </summary>
        <ul>
          {items.map(node => (
            <li key={node.entity.ref}>
              <EntityName entity={node.entity} />
              <EvidenceChain steps={[node.via]} />
            </li>
          ))}
        </ul>
        <ShowMore total={total} pages={pages} />
      </details>
    </li>
  );
}

/**
 * Whom to tell: the answer brings the first ten owners, most entities first (an
 * organization's blast radius names hundreds of groups); the reader asks for the others ten
 * at a time.
 */
function WhomToTell(props: { answer: ImpactResponse }) {
  const { answer } = props;
  const pageOf = usePageOfAnswer(answer);
  const { items, ...pages } = useMorePages(
    answer.owners,
    async offset => (await pageOf({ list: 'owners', offset })).owners,
    IMPACT_DEFAULTS.ownersPageSize,
  );
  if (!answer.ownersTotal) return null;
  return (
    <>
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Whom to tell
      </Typography>
      <ul aria-label="Whom to tell" style={{ paddingLeft: 20 }}>
        {items.map(owner => (
          <OwnerItem key={owner.owner.ref} owner={owner} />
        ))}
      </ul>
      <ShowMore total={answer.ownersTotal} pages={pages} noun="owners" />
    </>
  );
}

function Impact(props: { answer: ImpactResponse }) {
  const { answer } = props;
  const { total, distances, depth } = answer;
  return (
    <>
      {total === 0 ? (
        <Typography variant="body2">
          Nothing the inventory knows runs on it, lives in it or depends on it
          within {depth} hops.
        </Typography>
      ) : (
        <Typography variant="body1">
          {plural(total, 'entity breaks', 'entities break')} within {depth}{' '}
          hops.
        </Typography>
      )}
      {distances.length > 0 && (
        <ul aria-label="By distance" style={{ paddingLeft: 20 }}>
          {distances.map(d => (
            <Distance
              key={d.distance}
              answer={answer}
              distance={d.distance}
              total={d.total}
            />
          ))}
        </ul>
      )}
      <WhomToTell answer={answer} />
      <CutOff answer={answer} />
      <BlastRadiusLink answer={answer} />
    </>
  );
}

/** The card's question, defined once: EntityAnswerCard asks again when it changes. */
const askImpact = (inventory: InventoryClient, ref: string) =>
  inventory.impact(ref);

/**
 * What breaks if the entity goes down: its dependents to the backend's default depth, by
 * distance, grouped by owner with whom to tell, and where the walk stopped.
 */
export function ImpactCard() {
  return (
    <EntityAnswerCard title="If this goes down" ask={askImpact}>
      {answer => <Impact answer={answer} />}
    </EntityAnswerCard>
  );
}
