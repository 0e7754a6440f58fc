import {
  Content,
  EmptyState,
  Link,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  InventoryRequestError,
  OwnershipItem,
  OwnershipResponse,
  OwnershipRole,
  OwnershipRule,
} from '@infra-atlas/inventory-common';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { inventoryApiRef } from '../api';
import { EntityName, EvidenceChain } from './Evidence';
import { plural } from './format';

/** What a person does by name first, then what they hold through groups. */
const ROLE_ORDER: OwnershipRole[] = [
  'leads',
  'approves',
  'reviews',
  'code-owns',
  'administers',
  'holds',
  'owns',
  'emeritus',
];

/** Items shown per role; `counts` says how many there are. */
const PER_ROLE = 200;

const ROLE_TITLES: Record<OwnershipRole, string> = {
  leads: 'Leads (sigs.yaml)',
  approves: 'Approves (OWNERS)',
  reviews: 'Reviews (OWNERS)',
  'code-owns': 'Code owner (CODEOWNERS)',
  emeritus: 'Emeritus',
  administers: 'Administers (IAM)',
  holds: 'Holds other roles (IAM)',
  owns: 'Owns',
};

/** Where an OWNERS or CODEOWNERS rule says it, and what it covers. */
function RuleSummary(props: { rule: OwnershipRule }) {
  const { rule } = props;
  return (
    <>
      {rule.pattern ? ` (paths matching ${rule.pattern})` : ''}
      {rule.except?.length
        ? ` except ${rule.except.map(d => `${d}/`).join(', ')}`
        : ''}
      {' — '}
      <Link to={rule.url}>
        {rule.file} line {rule.line}
      </Link>
      {rule.alias && (
        <>
          {' through '}
          <Link to={rule.alias.definedAt.url}>{rule.alias.name}</Link>
        </>
      )}
    </>
  );
}

function RoleSection(props: {
  role: OwnershipRole;
  items: OwnershipItem[];
  count: number;
  entities: number;
}) {
  const { role, items, count, entities } = props;
  return (
    <section aria-label={ROLE_TITLES[role]} style={{ marginTop: 24 }}>
      <Typography variant="h6">
        {ROLE_TITLES[role]} — {plural(count, 'item', 'items')},{' '}
        {plural(entities, 'entity', 'entities')}
      </Typography>
      <ul>
        {items.map((item, i) => (
          <li key={i}>
            <details>
              <summary>
                <EntityName entity={item.entity} />
                {item.path ? ` — ${item.path}` : ''}
                {item.grant ? ` — ${item.grant}` : ''}
                {item.rule && <RuleSummary rule={item.rule} />}
                {item.role === 'leads' || item.role === 'emeritus'
                  ? ` — ${item.steps[item.steps.length - 1]?.note ?? ''}`
                  : ''}
              </summary>
              <EvidenceChain steps={item.steps} />
            </details>
          </li>
        ))}
      </ul>
      {count > items.length && (
        <Typography variant="caption">
          and {count - items.length} more
        </Typography>
      )}
    </section>
  );
}

function Answer(props: { answer: OwnershipResponse }) {
  const { answer } = props;
  const byRole = (role: OwnershipRole) =>
    answer.items.filter(item => item.role === role);
  return (
    <>
      <Typography variant="body1">
        {answer.identities.map((identity, i) => (
          <span key={identity.entity.ref}>
            {i > 0 && ' ≈ '}
            <EntityName entity={identity.entity} />
          </span>
        ))}
        {answer.groups.length > 0 &&
          ` — member of ${plural(answer.groups.length, 'group', 'groups')}`}
      </Typography>
      <div aria-label="Counts" style={{ marginTop: 8 }}>
        {ROLE_ORDER.filter(role => answer.counts[role]).map(role => (
          <Chip
            key={role}
            size="small"
            label={`${role}: ${plural(
              answer.entityCounts[role] ?? 0,
              'entity',
              'entities',
            )}${
              answer.counts[role] === answer.entityCounts[role]
                ? ''
                : ` in ${answer.counts[role]} items`
            }`}
            style={{ marginRight: 8 }}
          />
        ))}
      </div>
      {answer.notes.map(note => (
        <Typography key={note} variant="body2" color="textSecondary">
          {note}
        </Typography>
      ))}
      {ROLE_ORDER.filter(role => answer.counts[role]).map(role => (
        <RoleSection
          key={role}
          role={role}
          items={byRole(role)}
          count={answer.counts[role] ?? 0}
          entities={answer.entityCounts[role] ?? 0}
        />
      ))}
    </>
  );
}

function Lookup(props: { query: string }) {
  const inventory = useApi(inventoryApiRef);
  const { loading, error, value } = useAsync(
    () => inventory.ownership(props.query, { limit: PER_ROLE }),
    [inventory, props.query],
  );
  if (loading) return <Progress />;
  if (error instanceof InventoryRequestError && error.status === 404) {
    return (
      <EmptyState
        missing="data"
        title={`Nobody and no group matches “${props.query}”`}
        description="Try a GitHub login, a full e-mail address, a service account, an IAM member such as group:k8s-infra-gcp-auditors@kubernetes.io, or a group such as sig-k8s-infra."
      />
    );
  }
  if (error instanceof InventoryRequestError && error.status === 403) {
    return (
      <EmptyState
        missing="info"
        title="Looking people up by e-mail needs permission"
        description="Ask by GitHub login instead, or ask an administrator for inventory.personal-details.read."
      />
    );
  }
  if (error) return <ResponseErrorPanel error={error} />;
  return value ? <Answer answer={value} /> : null;
}

/**
 * Who holds what: for a GitHub login, an e-mail address, a Google Group, a catalog group, a
 * service account or an IAM member (`serviceAccount:…`, `user:…`, `group:…`, `domain:…`),
 * everything owned, administered, held, approved, reviewed or led, with the evidence. The query is
 * in the URL (`?q=`), so an answer can be shared.
 */
export function OwnershipLookupPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };
  return (
    <Page themeId="tool">
      <Header
        title="Who holds what"
        subtitle="Everything a person or group owns, administers, approves or leads — and why"
      />
      <Content>
        <form
          onSubmit={submit}
          role="search"
          style={{ display: 'flex', gap: 8 }}
        >
          <TextField
            id="ownership-query"
            label="GitHub login, e-mail address, group or IAM member"
            value={draft}
            onChange={event => setDraft(event.target.value)}
            variant="outlined"
            size="small"
            style={{ minWidth: 420 }}
          />
          <Button type="submit" variant="contained" color="primary">
            Look up
          </Button>
        </form>
        {query ? (
          <div style={{ marginTop: 24 }}>
            <Lookup query={query} />
          </div>
        ) : (
          <Typography variant="body2" style={{ marginTop: 24 }}>
            For example ameukam, k8s-infra-gcp-org-admins@kubernetes.io,
            group:default/sig-k8s-infra, a service account&apos;s address or
            serviceAccount:…, user:…, group:… and domain:… as IAM prints them.
          </Typography>
        )}
      </Content>
    </Page>
  );
}
