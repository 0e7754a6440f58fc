import { CloudBillingClient } from '@google-cloud/billing';
import { status } from '@grpc/grpc-js';
import { GoogleAuth, googleAuthLibrary, grpc } from 'google-gax';
import { GcpEstate } from '../gcp/estate';
import { failure, ONCE } from '../gcp/__testUtils__/clients';
import { smallEstate } from '../gcp/__testUtils__/estates';
import { loadK8sInfraGcpEstate } from '../gcp/k8sInfraSeed';
import { GcpEmulator, startGcpEmulator } from '../gcp/server';
import { generateSyntheticGcpEstate } from '../gcp/syntheticEstate';

jest.setTimeout(60_000);

const PAID = 'billingAccounts/0A0A0A-000001-000001';
const SUB = 'billingAccounts/0A0A0A-000002-000002';
const OTHER_ORG = 'billingAccounts/0B0B0B-000003-000003';

/** The small estate, with a parent account, its subaccount and another organization's. */
function billedEstate(): GcpEstate {
  const estate = smallEstate();
  const account = (name: string, projects: string[], extra = {}) => ({
    name,
    displayName: name.slice(-6),
    open: true,
    parent: 'organizations/1',
    masterBillingAccount: '',
    currencyCode: 'EUR',
    projects,
    ...extra,
  });
  return {
    ...estate,
    billingAccounts: [
      account(
        PAID,
        estate.projects.slice(0, 20).map(p => p.projectId),
      ),
      account(SUB, ['p-20'], { masterBillingAccount: PAID }),
      account(OTHER_ORG, ['deep-project'], {
        parent: 'organizations/2',
        restricted: true,
      }),
    ],
  };
}

function clientFor(emulator: GcpEmulator) {
  return new CloudBillingClient({
    apiEndpoint: '127.0.0.1',
    port: emulator.port,
    sslCreds: grpc.credentials.createInsecure(),
    auth: new GoogleAuth({
      authClient: new googleAuthLibrary.PassThroughClient(),
    }),
  });
}

describe('Cloud Billing on the GCP emulator, with the official client', () => {
  let emulator: GcpEmulator;
  let client: CloudBillingClient;

  beforeAll(async () => {
    emulator = await startGcpEmulator({ estate: billedEstate() });
    client = clientFor(emulator);
  });
  afterAll(async () => {
    await client.close();
    await emulator.stop();
  });

  it('lists the accounts the caller can see, paged, and the subaccounts of one', async () => {
    const [first, , firstPage] = await client.listBillingAccounts(
      { pageSize: 1 },
      ONCE,
    );
    expect(first.map(a => a.name)).toEqual([PAID]);
    expect(first[0]).toMatchObject({ open: true, currencyCode: 'EUR' });
    const [second, , secondPage] = await client.listBillingAccounts(
      { pageSize: 1, pageToken: firstPage!.nextPageToken },
      ONCE,
    );
    // The other organization's account is restricted: never listed.
    expect(second.map(a => a.name)).toEqual([SUB]);
    expect(secondPage!.nextPageToken).toBe('');

    const [subaccounts] = await client.listBillingAccounts(
      { filter: `master_billing_account=${PAID}` },
      ONCE,
    );
    expect(subaccounts.map(a => a.name)).toEqual([SUB]);
    const [inOtherOrg] = await client.listBillingAccounts(
      { parent: 'organizations/2' },
      ONCE,
    );
    expect(inOtherOrg).toEqual([]);
  });

  it('refuses a filter the real API does not support', async () => {
    const error = await failure(
      client.listBillingAccounts({ filter: 'open=true' }, ONCE),
    );
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(error.details).toContain('master_billing_account');
  });

  it("lists an account's projects in pages of at most 100, with billing enabled", async () => {
    const names: string[] = [];
    let pageToken = '';
    let pages = 0;
    do {
      const [infos, , response] = await client.listProjectBillingInfo(
        { name: PAID, pageSize: 7, pageToken },
        ONCE,
      );
      names.push(...infos.map(i => i.projectId!));
      expect(
        infos.every(i => i.billingEnabled && i.billingAccountName === PAID),
      ).toBe(true);
      pageToken = response!.nextPageToken ?? '';
      pages += 1;
    } while (pageToken);
    expect(pages).toBe(3);
    expect(names).toEqual(billedEstate().billingAccounts![0].projects);

    const [clamped] = await client.listProjectBillingInfo(
      { name: PAID, pageSize: 1000 },
      ONCE,
    );
    expect(clamped).toHaveLength(20);
    expect(clamped[0].name).toBe(
      `projects/${clamped[0].projectId}/billingInfo`,
    );
  });

  it("answers each project's billing, with or without an account", async () => {
    const [paid] = await client.getProjectBillingInfo(
      { name: 'projects/p-00' },
      ONCE,
    );
    expect(paid).toMatchObject({
      billingAccountName: PAID,
      billingEnabled: true,
    });
    const [unbilled] = await client.getProjectBillingInfo(
      { name: 'projects/p-24' },
      ONCE,
    );
    expect(unbilled).toMatchObject({
      billingAccountName: '',
      billingEnabled: false,
    });
    // The project-level permission shows the account even if the account is not readable.
    const [elsewhere] = await client.getProjectBillingInfo(
      { name: 'projects/deep-project' },
      ONCE,
    );
    expect(elsewhere.billingAccountName).toBe(OTHER_ORG);
  });

  it('answers NOT_FOUND, PERMISSION_DENIED and INVALID_ARGUMENT as the real API', async () => {
    const codeOf = async (promise: Promise<unknown>) =>
      (await failure(promise)).code;
    expect(
      await codeOf(
        client.getBillingAccount(
          { name: 'billingAccounts/FFFFFF-FFFFFF-FFFFFF' },
          ONCE,
        ),
      ),
    ).toBe(status.NOT_FOUND);
    expect(
      await codeOf(client.getBillingAccount({ name: OTHER_ORG }, ONCE)),
    ).toBe(status.PERMISSION_DENIED);
    expect(
      await codeOf(
        client.listProjectBillingInfo(
          { name: 'billingAccounts/FFFFFF-FFFFFF-FFFFFF' },
          ONCE,
        ),
      ),
    ).toBe(status.PERMISSION_DENIED);
    expect(
      await codeOf(client.listProjectBillingInfo({ name: OTHER_ORG }, ONCE)),
    ).toBe(status.PERMISSION_DENIED);
    expect(
      await codeOf(
        client.getBillingAccount({ name: 'billingAccounts/x' }, ONCE),
      ),
    ).toBe(status.INVALID_ARGUMENT);
    expect(
      await codeOf(
        client.getProjectBillingInfo({ name: 'projects/nope' }, ONCE),
      ),
    ).toBe(status.NOT_FOUND);
  });

  it('fails and counts calls like every other served method', async () => {
    emulator.resetCounts();
    emulator.setFaults([
      {
        method: 'CloudBilling/ListProjectBillingInfo',
        code: 'UNAVAILABLE',
        times: 1,
      },
    ]);
    expect(
      (await failure(client.listProjectBillingInfo({ name: PAID }, ONCE))).code,
    ).toBe(status.UNAVAILABLE);
    const [after] = await client.listProjectBillingInfo({ name: PAID }, ONCE);
    expect(after).toHaveLength(20);
    expect(
      emulator.requestCounts()['CloudBilling/ListProjectBillingInfo'],
    ).toBe(2);
    emulator.setFaults([]);
  });
});

describe('billing accounts of the seeds', () => {
  it('k8s-infra: one open account pays for all but four projects; two are disabled, two unbilled', () => {
    const estate = loadK8sInfraGcpEstate();
    const [main, legacy] = estate.billingAccounts!;
    expect(main.open).toBe(true);
    expect(main.parent).toBe(estate.organizations[0].name);
    expect(main.projects).toHaveLength(estate.projects.length - 4);
    expect(main.projects).toContain('k8s-artifacts-prod');
    expect(legacy).toMatchObject({ open: false });
    expect(legacy.projects).toHaveLength(2);
    const linked = new Set([...main.projects, ...legacy.projects]);
    expect(estate.projects.filter(p => !linked.has(p.projectId))).toHaveLength(
      2,
    );
  });

  it('synthetic estates: 1–3 accounts by seed, subaccounts of the first, every 17th project unbilled', () => {
    const counts = [1, 2, 3].map(seed => {
      const estate = generateSyntheticGcpEstate({
        projects: 60,
        seed,
        assetsPerProject: 1,
      });
      const accounts = estate.billingAccounts!;
      expect(
        accounts
          .slice(1)
          .every(a => a.masterBillingAccount === accounts[0].name),
      ).toBe(true);
      const linked = accounts.flatMap(a => a.projects);
      expect(new Set(linked).size).toBe(linked.length);
      expect(linked).toHaveLength(60 - Math.floor(60 / 17));
      return accounts.length;
    });
    expect(counts.sort()).toEqual([1, 2, 3]);
  });
});
