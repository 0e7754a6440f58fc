import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  DriftResponse,
  InventoryClient,
  InventoryRequestError,
  StatusResponse,
} from '@infra-atlas/inventory-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import { inventoryApiRef } from '../../api';
import { DRIFT_KIND_TITLES } from '../inventoryLabels';
import { DriftPage } from './DriftPage';

const report: DriftResponse = {
  generatedAt: '2026-11-26T09:40:00.000Z',
  counts: { 'missing-secret': 1, 'undeclared-project': 2 },
  findings: [
    {
      kind: 'undeclared-project',
      subject: 'k8s-infra-oci-proxy',
      message:
        'Project k8s-infra-oci-proxy exists in GCP but is declared in no infra.yaml',
      entities: ['resource:default/gcp-project--k8s-infra-oci-proxy'],
      evidence: [
        {
          kind: 'observed',
          source: '//cloudresourcemanager.googleapis.com/projects/1234',
          url: 'https://console.cloud.google.com/home/dashboard?project=k8s-infra-oci-proxy',
        },
      ],
    },
    {
      kind: 'missing-secret',
      subject:
        'resource:default/gcp-secret--kubernetes-public--k8s-infra-prow-sa-key',
      message:
        'prow uses secret gcp-secret--kubernetes-public--k8s-infra-prow-sa-key, which Secret Manager does not have',
      entities: [
        'component:default/k8s-app--kubernetes-public--us-central1--aaa--prow',
        'resource:default/gcp-project--kubernetes-public',
      ],
      evidence: [
        {
          kind: 'declared',
          url: 'https://github.com/kubernetes/k8s.io/blob/main/apps/prow/secrets.yaml#L7',
          line: 7,
        },
      ],
    },
    {
      kind: 'undeclared-project',
      subject: 'k8s-staging-foo',
      message:
        'Project k8s-staging-foo exists in GCP but is declared in no infra.yaml',
      entities: ['resource:default/gcp-project--k8s-staging-foo'],
      evidence: [],
    },
  ],
};

const status: StatusResponse = {
  index: { entities: 0, relations: 0, links: 0, ambiguous: 0 },
  providers: [],
};

/** Shows the page's query string, to check that the filters are in the URL. */
function Location() {
  return <output aria-label="Location">{useLocation().search}</output>;
}

const render = (url: string, drift: () => Promise<DriftResponse>) =>
  renderInTestApp(
    <>
      <DriftPage />
      <Location />
    </>,
    {
      initialRouteEntries: [url],
      apis: [
        [
          inventoryApiRef,
          { drift, status: async () => status } as unknown as InventoryClient,
        ],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );

/** The kinds the page has a section for, in order (the test app has other regions). */
const sectionNames = () =>
  screen
    .queryAllByRole('region')
    .map(section => section.getAttribute('aria-label') ?? '')
    .filter(name => name in DRIFT_KIND_TITLES);

/** The live count of findings shown (the test app has other status regions). */
const shownCount = () => screen.getByText(/findings, computed/);

describe('DriftPage', () => {
  it('counts the findings per kind and lists them grouped, with the entity to fix and the evidence', async () => {
    await render('/', async () => report);
    const kinds = await screen.findByRole('group', { name: 'Finding kinds' });
    expect(
      within(kinds)
        .getAllByRole('button')
        .map(b => b.textContent),
    ).toEqual(['undeclared-project: 2', 'missing-secret: 1']);
    expect(sectionNames()).toEqual(['undeclared-project', 'missing-secret']);

    const secret = screen.getByRole('region', { name: 'missing-secret' });
    expect(secret).toHaveTextContent(
      'missing-secret — 1 finding' +
        "An app's ExternalSecret names a Secret Manager secret that does not exist",
    );
    expect(secret).toHaveTextContent(
      'Subject: resource:default/gcp-secret--kubernetes-public--k8s-infra-prow-sa-key — Fix in k8s-app--kubernetes-public--us-central1--aaa--prow, also gcp-project--kubernetes-public',
    );
    const links = within(secret).getAllByRole('link');
    expect(links.map(l => l.getAttribute('href'))).toEqual([
      '/catalog/default/component/k8s-app--kubernetes-public--us-central1--aaa--prow',
      '/catalog/default/resource/gcp-project--kubernetes-public',
      'https://github.com/kubernetes/k8s.io/blob/main/apps/prow/secrets.yaml#L7',
    ]);
    // A file in git reads as repository, path and line; a resource by its full name, linked
    // to its console page.
    expect(secret).toHaveTextContent(
      'evidence: kubernetes/k8s.io/apps/prow/secrets.yaml:7',
    );
    const project = screen.getByRole('region', { name: 'undeclared-project' });
    expect(
      within(project).getByRole('link', {
        name: /^\/\/cloudresourcemanager.googleapis.com\/projects\/1234/,
      }),
    ).toHaveAttribute(
      'href',
      'https://console.cloud.google.com/home/dashboard?project=k8s-infra-oci-proxy',
    );
    expect(shownCount()).toHaveTextContent(
      '3 of 3 findings, computed 2026-11-26 09:40 UTC.',
    );
  });

  it('names the subject only when it is not the entity to fix', async () => {
    const ref = 'resource:default/gcp-service-account--dns-pusher';
    await render('/', async () => ({
      ...report,
      counts: { 'workload-identity-orphan': 1 },
      findings: [
        {
          kind: 'workload-identity-orphan',
          subject: ref,
          message: `${ref} trusts namespace bart-test, which no app declares`,
          entities: [ref],
          evidence: [],
        },
      ],
    }));
    const section = await screen.findByRole('region', {
      name: 'workload-identity-orphan',
    });
    expect(section).toHaveTextContent(
      'which no app declaresFix in gcp-service-account--dns-pusher',
    );
    expect(section).not.toHaveTextContent('Subject:');
  });

  it('shows only the kinds chosen in the URL, and toggles kinds into the URL', async () => {
    await render('/?kind=missing-secret', async () => report);
    const chip = await screen.findByRole('button', {
      name: 'missing-secret: 1',
    });
    expect(chip).toHaveAttribute('aria-pressed', 'true');
    expect(sectionNames()).toEqual(['missing-secret']);

    fireEvent.click(
      screen.getByRole('button', { name: 'undeclared-project: 2' }),
    );
    expect(sectionNames()).toEqual(['undeclared-project', 'missing-secret']);
    expect(screen.getByLabelText('Location')).toHaveTextContent(
      '?kind=missing-secret&kind=undeclared-project',
    );

    // Chips are buttons: the keyboard toggles them too.
    fireEvent.keyDown(chip, { key: 'Enter' });
    expect(sectionNames()).toEqual(['undeclared-project']);
    fireEvent.click(screen.getByRole('button', { name: 'All kinds' }));
    expect(sectionNames()).toEqual(['undeclared-project', 'missing-secret']);
    expect(screen.getByLabelText('Location')).toHaveTextContent(/^$/);
  });

  it('filters by text in any field, with the text in the URL', async () => {
    await render('/?q=STAGING', async () => report);
    expect(
      await screen.findByRole('region', { name: 'undeclared-project' }),
    ).toHaveTextContent('undeclared-project — 1 finding');
    expect(shownCount()).toHaveTextContent('1 of 3 findings');

    fireEvent.change(screen.getByLabelText('Filter findings'), {
      target: { value: 'apps/prow' },
    });
    expect(sectionNames()).toEqual(['missing-secret']);
    expect(screen.getByLabelText('Location')).toHaveTextContent(
      '?q=apps%2Fprow',
    );

    fireEvent.change(screen.getByLabelText('Filter findings'), {
      target: { value: 'nothing like this' },
    });
    expect(
      screen.getByText('No finding matches the filter.'),
    ).toBeInTheDocument();
  });

  it('says when there is no drift', async () => {
    await render('/', async () => ({
      generatedAt: report.generatedAt,
      counts: {},
      findings: [],
    }));
    expect(await screen.findByText('No drift')).toBeInTheDocument();
  });

  it('says when the index is still being built', async () => {
    await render('/', async () => {
      throw new InventoryRequestError('building', 503);
    });
    expect(
      await screen.findByText('The inventory is still being built'),
    ).toBeInTheDocument();
  });

  it('shows other failures as errors', async () => {
    await render('/', async () => {
      throw new InventoryRequestError('drift failed with 500', 500);
    });
    expect(
      (await screen.findAllByText(/drift failed with 500/))[0],
    ).toBeInTheDocument();
  });
});
