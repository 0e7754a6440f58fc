import {
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  InventoryRequestError,
  OwnershipResponse,
  OwnershipRole,
} from '@infra-atlas/inventory-common';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { inventoryApiRef } from '../api';
import { EntityName } from './Evidence';
import { plural } from './format';
import { GroupMembers } from './ownership/GroupMembers';
import { PAGE_SIZE } from './ownership/MorePages';
import { OwnershipEvidenceProvider } from './ownership/OwnershipEvidence';
import { RoleSections } from './ownership/RoleSections';

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

/** Who the answer is about, and the answer in a few sentences, before any list. */
function Summary(props: { answer: OwnershipResponse }) {
  const { answer } = props;
  return (
    <section aria-label="Summary">
      <Typography variant="h5" component="h2">
        {answer.identities.map((identity, i) => (
          <span key={identity.entity.ref}>
            {i > 0 && ' ≈ '}
            <EntityName entity={identity.entity} />
          </span>
        ))}
      </Typography>
      <ul>
        {answer.summary.map(line => (
          <li key={line}>
            <Typography variant="body1">{line}</Typography>
          </li>
        ))}
      </ul>
      {answer.notes.map(note => (
        <Typography key={note} variant="body2" color="textSecondary">
          {note}
        </Typography>
      ))}
    </section>
  );
}

function Answer(props: { answer: OwnershipResponse }) {
  const { answer } = props;
  // Sections come in the order answers are read: what a person does by name first.
  const roles = [...new Set(answer.sections.map(s => s.role))];
  return (
    <OwnershipEvidenceProvider answer={answer}>
      <Summary answer={answer} />
      <GroupMembers answer={answer} />
      {roles.map(role => (
        <section
          key={role}
          aria-label={ROLE_TITLES[role]}
          style={{ marginTop: 24 }}
        >
          <Typography variant="h6">
            {ROLE_TITLES[role]} —{' '}
            {plural(answer.entityCounts[role] ?? 0, 'entity', 'entities')}
          </Typography>
          <RoleSections
            query={answer.query}
            sections={answer.sections.filter(s => s.role === role)}
          />
        </section>
      ))}
    </OwnershipEvidenceProvider>
  );
}

function Lookup(props: { query: string }) {
  const inventory = useApi(inventoryApiRef);
  const { loading, error, value } = useAsync(
    // The page reads `sections`; the flat `items` list is for older callers, kept to one.
    () => inventory.ownership(props.query, { limit: 1, pageSize: PAGE_SIZE }),
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
            sig-k8s-infra, a service account&apos;s address or serviceAccount:…,
            user:…, group:… and domain:… as IAM prints them.
          </Typography>
        )}
      </Content>
    </Page>
  );
}
