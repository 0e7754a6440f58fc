import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ANNOTATIONS,
  entityTitle,
  leadershipOf,
} from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { AnswerState } from '../AnswerState';
import { firstSentence, lastSegment } from '../links';

type Owner = {
  group: Entity;
  /** Display names of the users the leadership names, by ref. */
  names: Map<string, string>;
};

/**
 * The groups that own the domains (in k8s-infra, sig-k8s-infra), with the users their
 * leadership names. A domain's owner is who answers for everything in it.
 */
function useOwners() {
  const catalog = useApi(catalogApiRef);
  return useAsync(async (): Promise<Owner[]> => {
    const { items: domains } = await catalog.getEntities({
      filter: { kind: 'domain' },
      fields: ['spec.owner'],
    });
    const ownerRefs = [
      ...new Set(
        domains.flatMap(d => {
          const owner = (d.spec as { owner?: string } | undefined)?.owner;
          return owner
            ? [
                stringifyEntityRef(
                  parseEntityRef(owner, { defaultKind: 'group' }),
                ),
              ]
            : [];
        }),
      ),
    ];
    if (ownerRefs.length === 0) return [];
    const { items } = await catalog.getEntitiesByRefs({
      entityRefs: ownerRefs,
    });
    const groups = items.filter((g): g is Entity => !!g);
    const leaderRefs = [
      ...new Set(
        groups.flatMap(g => {
          const lead = leadershipOf(g);
          return [...(lead?.chairs ?? []), ...(lead?.techLeads ?? [])];
        }),
      ),
    ];
    const { items: leaders } = leaderRefs.length
      ? await catalog.getEntitiesByRefs({
          entityRefs: leaderRefs,
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'spec.profile.displayName',
          ],
        })
      : { items: [] };
    const names = new Map(
      leaders.flatMap(u =>
        u ? [[stringifyEntityRef(u), entityTitle(u)]] : [],
      ),
    );
    return groups.map(group => ({ group, names }));
  }, [catalog]);
}

function People(props: {
  label: string;
  refs: string[] | undefined;
  names: Map<string, string>;
}) {
  if (!props.refs?.length) return null;
  return (
    <Typography variant="body2" component="div">
      {props.label}:{' '}
      {props.refs.map((ref, i) => (
        <span key={ref}>
          {i > 0 && ', '}
          <EntityRefLink
            entityRef={ref}
            title={props.names.get(ref) ?? parseEntityRef(ref).name}
          />
        </span>
      ))}
    </Typography>
  );
}

/** sigs.yaml gives a mailing list as a Google Groups URL or as an address. */
function mailingListUrl(list: string): string | undefined {
  if (/^https?:\/\//.test(list)) return list;
  if (list.includes('@')) return `mailto:${list}`;
  return undefined;
}

/** Where to talk to a group: its Slack channel and mailing list, from sigs.yaml. */
function Channels(props: { group: Entity }) {
  const { annotations = {}, links = [] } = props.group.metadata;
  const slack = annotations[ANNOTATIONS.slackChannel];
  const list = annotations[ANNOTATIONS.mailingList];
  // The provider links the channel in the group's workspace; the annotation has only its name.
  const slackUrl = links.find(l => l.title === `Slack #${slack}`)?.url;
  const listUrl = list && mailingListUrl(list);
  return (
    <>
      {slack && (
        <Typography variant="body2" component="div">
          Slack: {slackUrl ? <Link to={slackUrl}>#{slack}</Link> : `#${slack}`}
        </Typography>
      )}
      {list && (
        <Typography variant="body2" component="div">
          Mailing list:{' '}
          {listUrl ? <Link to={listUrl}>{lastSegment(list)}</Link> : list}
        </Typography>
      )}
    </>
  );
}

function OwnerList(props: { owners: Owner[] }) {
  if (props.owners.length === 0) {
    return (
      <Typography variant="body2">
        No domain names its owner yet. A Domain's <code>spec.owner</code> says
        who answers for it.
      </Typography>
    );
  }
  return (
    <>
      {props.owners.map(({ group, names }) => {
        const lead = leadershipOf(group);
        return (
          <section
            key={stringifyEntityRef(group)}
            aria-label={entityTitle(group)}
            style={{ marginBottom: 12 }}
          >
            <Typography variant="subtitle1" component="h3">
              <EntityRefLink entityRef={group} title={entityTitle(group)} />
            </Typography>
            {group.metadata.description && (
              <Typography variant="body2" color="textSecondary" paragraph>
                {firstSentence(group.metadata.description)}
              </Typography>
            )}
            <People label="Chairs" refs={lead?.chairs} names={names} />
            <People label="Tech leads" refs={lead?.techLeads} names={names} />
            <Channels group={group} />
          </section>
        );
      })}
    </>
  );
}

/** Whom to ask: the owning groups, their leads and where they talk. */
export function ContactsWidget() {
  const state = useOwners();
  return (
    <AnswerState {...state}>
      {owners => <OwnerList owners={owners} />}
    </AnswerState>
  );
}
