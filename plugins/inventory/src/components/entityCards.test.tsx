import {
  DriftResponse,
  ImpactResponse,
  InventoryRequestError,
  OwnersFilesResponse,
  RunbookResponse,
} from '@infra-atlas/inventory-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderCard as render, summary } from '../__testUtils__/cards';
import { DriftCard } from './DriftCard';
import { ImpactCard } from './ImpactCard';
import { OwnersFilesCard } from './OwnersFilesCard';
import { RunbookCard } from './RunbookCard';

const GCSWEB =
  'component:default/k8s-app--kubernetes-public--us-central1--aaa--gcsweb';
const blob = (path: string) =>
  `https://github.com/kubernetes/k8s.io/blob/main/${path}`;

const never = () => new Promise<never>(() => {});
const notFound = () =>
  Promise.reject(new InventoryRequestError('failed with 404', 404));
const boom = () => Promise.reject(new Error('boom'));

/** Every card shares these states; each is checked on every card. */
describe.each([
  ['impact', <ImpactCard />],
  ['drift', <DriftCard />],
  ['ownersFiles', <OwnersFilesCard />],
  ['runbook', <RunbookCard />],
] as const)('%s card states', (method, card) => {
  it('shows progress while the inventory answers', async () => {
    await render(card, { [method]: jest.fn(never) });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('says the entity is not indexed yet on a 404', async () => {
    await render(card, { [method]: jest.fn(notFound) });
    expect(
      await screen.findByText('Not in the inventory yet'),
    ).toBeInTheDocument();
  });

  it('shows other errors as errors', async () => {
    await render(card, { [method]: jest.fn(boom) });
    expect((await screen.findAllByText(/boom/)).length).toBeGreaterThan(0);
  });
});

describe('ImpactCard', () => {
  const via = (from: string, to: string) => ({
    from,
    relation: 'runsOn',
    to,
    provenance: { kind: 'observed' as const, source: 'gke' },
  });
  const answer: ImpactResponse = {
    entity: summary('resource:default/aaa', 'aaa'),
    direction: 'dependents',
    depth: 3,
    relations: ['runsOn'],
    total: 3,
    distances: [
      { distance: 1, total: 2 },
      { distance: 2, total: 1 },
    ],
    offset: 0,
    nodes: [
      {
        entity: summary('resource:default/ns-gcsweb', 'gcsweb'),
        distance: 1,
        owner: 'group:default/sig-k8s-infra',
        via: via('resource:default/ns-gcsweb', 'resource:default/aaa'),
      },
      {
        entity: summary('resource:default/ns-prow', 'prow'),
        distance: 1,
        owner: 'group:default/sig-k8s-infra',
        via: via('resource:default/ns-prow', 'resource:default/aaa'),
      },
      {
        entity: summary(GCSWEB, 'gcsweb app'),
        distance: 2,
        via: via(GCSWEB, 'resource:default/ns-gcsweb'),
      },
    ],
    ownersTotal: 2,
    ownersOffset: 0,
    owners: [
      {
        owner: summary('group:default/sig-k8s-infra', 'sig-k8s-infra'),
        contacts: [
          { kind: 'slack', value: '#sig-k8s-infra' },
          {
            kind: 'mailing-list',
            value: 'https://groups.google.com/g/kubernetes-sig-k8s-infra',
          },
          { kind: 'email', value: 'sig-k8s-infra@kubernetes.io' },
        ],
        total: 2,
        entities: ['resource:default/ns-gcsweb', 'resource:default/ns-prow'],
      },
      {
        owner: summary('unowned', 'unowned', false),
        contacts: [],
        total: 1,
        entities: [GCSWEB],
      },
    ],
    cutOff: { depthReached: true, nodeLimitReached: false, frontier: 43 },
  };

  it('counts what breaks by distance, says whom to tell and where the walk stopped', async () => {
    const impact = jest.fn().mockResolvedValue(answer);
    await render(<ImpactCard />, { impact });
    expect(
      await screen.findByText('3 entities break within 3 hops.'),
    ).toBeInTheDocument();
    expect(impact).toHaveBeenCalledWith(GCSWEB);
    const byDistance = screen.getByRole('list', { name: 'By distance' });
    expect(byDistance).toHaveTextContent('2 entities at distance 1');
    expect(byDistance).toHaveTextContent('1 entity at distance 2');
    const tell = screen.getByRole('list', { name: 'Whom to tell' });
    expect(tell).toHaveTextContent(
      'sig-k8s-infra — 2 entities: Slack #sig-k8s-infra',
    );
    expect(
      within(tell).getByRole('link', { name: /mailing list/ }),
    ).toHaveAttribute(
      'href',
      'https://groups.google.com/g/kubernetes-sig-k8s-infra',
    );
    expect(
      within(tell).getByRole('link', { name: /sig-k8s-infra@kubernetes.io/ }),
    ).toHaveAttribute('href', 'mailto:sig-k8s-infra@kubernetes.io');
    expect(tell).toHaveTextContent('No owner — 1 entity');
    expect(
      screen.getByText(/Stopped at depth 3: 43 more relations lead further/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open the blast radius graph' }),
    ).toHaveAttribute(
      'href',
      // The card's walk went 3 deep; the graph must draw the same walk, not its own default.
      '/inventory/graph?entity=resource%3Adefault%2Faaa&mode=blast-radius&depth=3',
    );
  });

  it('lists the first page of a distance and asks for the rest as the reader wants it', async () => {
    const node = (i: number) => ({
      entity: summary(`resource:default/dns-${i}`, `dns-${i}`),
      distance: 1,
      via: via(`resource:default/dns-${i}`, 'resource:default/aaa'),
    });
    const nodes = Array.from({ length: 23 }, (_, i) => node(i));
    const impact = jest
      .fn()
      .mockResolvedValueOnce({
        ...answer,
        total: 23,
        distances: [{ distance: 1, total: 23 }],
        nodes: nodes.slice(0, 20),
      })
      .mockResolvedValueOnce({ ...answer, offset: 20, nodes: nodes.slice(20) });
    await render(<ImpactCard />, { impact });
    const byDistance = await screen.findByRole('list', { name: 'By distance' });
    expect(byDistance).toHaveTextContent('23 entities at distance 1');
    expect(byDistance).toHaveTextContent('dns-19');
    expect(byDistance).not.toHaveTextContent('dns-20');
    fireEvent.click(screen.getByRole('button', { name: 'Show 3 more of 3' }));
    expect(
      (await within(byDistance).findAllByText('dns-22')).length,
    ).toBeGreaterThan(0);
    expect(impact).toHaveBeenLastCalledWith('resource:default/aaa', {
      direction: 'dependents',
      depth: 3,
      relations: ['runsOn'],
      distance: 1,
      offset: 20,
      pageSize: 10,
    });
    expect(
      screen.queryByRole('button', { name: /Show .* more/ }),
    ).not.toBeInTheDocument();
  });

  it('lists the first ten owners to tell and asks for the others as the reader wants them', async () => {
    const group = (i: number) => `group:default/team-${i}`;
    const owners = Array.from({ length: 13 }, (_, i) => ({
      owner: summary(group(i), `team-${i}`),
      contacts: [{ kind: 'slack' as const, value: `#team-${i}` }],
      total: 13 - i,
      entities: [`resource:default/r-${i}`],
    }));
    const impact = jest
      .fn()
      .mockResolvedValueOnce({
        ...answer,
        ownersTotal: 13,
        owners: owners.slice(0, 10),
      })
      .mockResolvedValueOnce({
        ...answer,
        nodes: [],
        ownersTotal: 13,
        ownersOffset: 10,
        owners: owners.slice(10),
      });
    await render(<ImpactCard />, { impact });
    const tell = await screen.findByRole('list', { name: 'Whom to tell' });
    expect(within(tell).getAllByRole('listitem')).toHaveLength(10);
    expect(tell).toHaveTextContent('team-9 — 4 entities: Slack #team-9');
    expect(tell).not.toHaveTextContent('team-10');
    fireEvent.click(
      screen.getByRole('button', { name: 'Show 3 more owners of 3' }),
    );
    expect(await within(tell).findByText('team-12')).toBeInTheDocument();
    expect(within(tell).getAllByRole('listitem')).toHaveLength(13);
    expect(tell).toHaveTextContent('team-12 — 1 entity: Slack #team-12');
    expect(impact).toHaveBeenLastCalledWith('resource:default/aaa', {
      direction: 'dependents',
      depth: 3,
      relations: ['runsOn'],
      list: 'owners',
      offset: 10,
      pageSize: 10,
    });
    expect(
      screen.queryByRole('button', { name: /Show .* more/ }),
    ).not.toBeInTheDocument();
    // The distances' lists are untouched by the owners' page.
    expect(screen.getByRole('list', { name: 'By distance' })).toHaveTextContent(
      '2 entities at distance 1',
    );
  });

  it('says when nothing depends on it and the walk is complete', async () => {
    await render(<ImpactCard />, {
      impact: jest.fn().mockResolvedValue({
        ...answer,
        total: 0,
        distances: [],
        nodes: [],
        ownersTotal: 0,
        owners: [],
        cutOff: { depthReached: false, nodeLimitReached: false, frontier: 0 },
      }),
    });
    expect(
      await screen.findByText(/Nothing the inventory knows runs on it/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Complete: nothing further depends on it.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'By distance' }),
    ).not.toBeInTheDocument();
  });

  it('says when the node limit cut the walk', async () => {
    await render(<ImpactCard />, {
      impact: jest.fn().mockResolvedValue({
        ...answer,
        cutOff: { depthReached: false, nodeLimitReached: true, frontier: 12 },
      }),
    });
    expect(
      await screen.findByText(/Stopped at the node limit: 12 more dependents/),
    ).toBeInTheDocument();
  });
});

describe('DriftCard', () => {
  const answer: DriftResponse = {
    generatedAt: '2026-11-26T09:40:00.000Z',
    counts: { 'missing-secret': 1 },
    findings: [
      {
        kind: 'missing-secret',
        subject: 'resource:default/gcp-secret--kubernetes-public--sa-key',
        message:
          'gcsweb uses secret sa-key, which Secret Manager does not have',
        entities: [GCSWEB, 'resource:default/gcp-project--kubernetes-public'],
        evidence: [
          {
            kind: 'declared',
            url: 'https://github.com/kubernetes/k8s.io/tree/main/apps/gcsweb',
          },
        ],
      },
    ],
  };

  it('lists the findings that name the entity with kind, evidence and the other entities', async () => {
    const drift = jest.fn().mockResolvedValue(answer);
    await render(<DriftCard />, { drift });
    const list = await screen.findByRole('list', { name: 'Drift findings' });
    expect(drift).toHaveBeenCalledWith({ entity: GCSWEB });
    expect(list).toHaveTextContent(
      "An app's ExternalSecret names a Secret Manager secret that does not exist",
    );
    expect(list).toHaveTextContent('missing-secret');
    expect(list).toHaveTextContent('gcsweb uses secret sa-key');
    expect(
      within(list).getByRole('link', {
        name: /github.com\/kubernetes\/k8s.io\/tree\/main\/apps\/gcsweb/,
      }),
    ).toBeInTheDocument();
    // The other entity is linked; the page's own is not repeated.
    const also = within(list).getByText(/Also concerns/);
    expect(also).toHaveTextContent('gcp-project--kubernetes-public');
    expect(also).not.toHaveTextContent('gcsweb');
  });

  it('says when no drift names it', async () => {
    await render(<DriftCard />, {
      drift: jest
        .fn()
        .mockResolvedValue({ ...answer, counts: {}, findings: [] }),
    });
    expect(await screen.findByText(/No drift found/)).toBeInTheDocument();
  });
});

describe('OwnersFilesCard', () => {
  const person = (login: string, file: string, aliases: string[] = []) => ({
    person: summary(`user:default/${login}`, login, login !== 'ixdy'),
    login,
    file: blob(file),
    aliases: aliases.map(a =>
      summary(
        `group:default/kubernetes--k8s.io--${a}`,
        `${a} (kubernetes/k8s.io)`,
      ),
    ),
  });
  const answer: OwnersFilesResponse = {
    entity: summary(GCSWEB, 'gcsweb'),
    repository: summary(
      'component:default/kubernetes--k8s.io',
      'kubernetes/k8s.io',
    ),
    directory: 'apps/gcsweb',
    files: [blob('apps/gcsweb/OWNERS'), blob('apps/OWNERS'), blob('OWNERS')],
    approvers: [
      person('ameukam', 'OWNERS', ['sig-k8s-infra-leads']),
      person('spiffxp', 'apps/OWNERS'),
    ],
    reviewers: [],
    emeritus: [person('ixdy', 'apps/gcsweb/OWNERS')],
    labels: ['area/apps/gcsweb'],
  };

  it('lists approvers and emeritus as linked people with the file that names them', async () => {
    const ownersFiles = jest.fn().mockResolvedValue(answer);
    await render(<OwnersFilesCard />, { ownersFiles });
    const approvers = await screen.findByRole('list', { name: 'Approvers' });
    expect(ownersFiles).toHaveBeenCalledWith(GCSWEB);
    expect(
      within(approvers).getByRole('link', { name: 'ameukam' }),
    ).toHaveAttribute('href', '/catalog/default/user/ameukam');
    expect(
      within(approvers).getByRole('link', { name: /^apps\/OWNERS/ }),
    ).toHaveAttribute('href', blob('apps/OWNERS'));
    // The alias without its repository, which the card already names.
    expect(
      within(approvers).getByRole('link', { name: 'sig-k8s-infra-leads' }),
    ).toBeInTheDocument();
    // Nearest first.
    expect(
      within(screen.getByRole('list', { name: 'OWNERS files' }))
        .getAllByRole('link')
        .map(link => link.getAttribute('href')),
    ).toEqual(answer.files);
    expect(screen.getByText('Reviewers (0)')).toBeInTheDocument();
    const emeritus = screen.getByRole('list', { name: 'Emeritus' });
    // Not in the catalog: named, not linked.
    expect(emeritus).toHaveTextContent('ixdy');
    expect(
      within(emeritus).queryByRole('link', { name: 'ixdy' }),
    ).not.toBeInTheDocument();
    expect(
      within(emeritus).getByLabelText('ixdy is emeritus: no longer an owner'),
    ).toBeInTheDocument();
  });

  it('says when no OWNERS file governs it', async () => {
    await render(<OwnersFilesCard />, {
      ownersFiles: jest.fn().mockResolvedValue({
        entity: answer.entity,
        files: [],
        approvers: [],
        reviewers: [],
        emeritus: [],
        labels: [],
      }),
    });
    expect(
      await screen.findByText(/No OWNERS file governs it/),
    ).toBeInTheDocument();
  });
});

describe('RunbookCard', () => {
  const answer: RunbookResponse = {
    entity: summary(GCSWEB, 'gcsweb'),
    techdocs: [
      {
        entity: summary(GCSWEB, 'gcsweb'),
        via: 'self',
        techdocsRef:
          'url:https://github.com/kubernetes/k8s.io/tree/main/apps/gcsweb',
        steps: [],
      },
      {
        entity: summary('system:default/gcsweb', 'gcsweb'),
        via: 'system',
        techdocsRef: 'dir:.',
        steps: [
          {
            from: GCSWEB,
            relation: 'partOf',
            to: 'system:default/gcsweb',
            provenance: {
              kind: 'declared',
              url: 'https://github.com/x/infra-atlas/blob/main/docs/runbooks/gcsweb/catalog-info.yaml',
            },
          },
        ],
      },
    ],
    links: [
      {
        url: 'https://example.org/gcsweb-oncall',
        title: 'On-call runbook',
        entity: summary(GCSWEB, 'gcsweb'),
      },
    ],
  };

  it('links its own docs, its system’s runbook with why, and runbook links', async () => {
    const runbook = jest.fn().mockResolvedValue(answer);
    await render(<RunbookCard />, { runbook });
    const sites = await screen.findByRole('list', { name: 'TechDocs' });
    expect(runbook).toHaveBeenCalledWith(GCSWEB);
    expect(
      within(sites).getByRole('link', { name: 'Its own docs' }),
    ).toHaveAttribute(
      'href',
      '/docs/default/component/k8s-app--kubernetes-public--us-central1--aaa--gcsweb',
    );
    expect(
      within(sites).getByRole('link', {
        name: 'Runbook of the gcsweb system',
      }),
    ).toHaveAttribute('href', '/docs/default/system/gcsweb');
    expect(within(sites).getByText('Why this one')).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Runbook links' })).getByRole(
        'link',
        { name: /On-call runbook/ },
      ),
    ).toHaveAttribute('href', 'https://example.org/gcsweb-oncall');
  });

  it('says in plain words where it looked and whom to ask when there is none', async () => {
    await render(<RunbookCard />, {
      runbook: jest
        .fn()
        .mockResolvedValue({ ...answer, techdocs: [], links: [] }),
    });
    const help = await screen.findByText(/No runbook found/);
    expect(help).toHaveTextContent(
      'neither this, nor a system it is part of, nor the repository it comes from',
    );
    expect(help).toHaveTextContent('Who owns it, who has access');
    // Readers are not told about catalog annotations or metadata fields.
    expect(help).not.toHaveTextContent(/annotation|metadata|techdocs-ref/);
  });
});
