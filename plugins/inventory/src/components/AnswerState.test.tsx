import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  InventoryClient,
  InventoryRequestError,
} from '@infra-atlas/inventory-common';
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { inventoryApiRef } from '../api';
import { AnswerState, EntityAnswerCard } from './AnswerState';

const notFound = new InventoryRequestError('failed with 404', 404);

describe('AnswerState', () => {
  it('says an entity is not indexed yet on a 404 by default', async () => {
    await renderInTestApp(
      <AnswerState loading={false} error={notFound}>
        {() => null}
      </AnswerState>,
    );
    expect(screen.getByText('Not in the inventory yet')).toBeInTheDocument();
    expect(screen.getByText(/try again shortly/)).toBeInTheDocument();
  });

  it('says what the caller says a 404 means', async () => {
    await renderInTestApp(
      <AnswerState
        loading={false}
        error={notFound}
        notFoundTitle="No such entity"
        notFoundDescription="Check the ref in the address."
      >
        {() => null}
      </AnswerState>,
    );
    expect(screen.getByText('No such entity')).toBeInTheDocument();
    expect(
      screen.getByText('Check the ref in the address.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/try again shortly/)).not.toBeInTheDocument();
  });
});

describe('EntityAnswerCard', () => {
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'gcsweb', namespace: 'default' },
  };

  it('asks again when its question changes', async () => {
    const first = jest.fn().mockResolvedValue('first answer');
    const second = jest.fn().mockResolvedValue('second answer');
    function Switching() {
      const [ask, setAsk] = useState(() => first);
      return (
        <EntityProvider entity={entity}>
          <button onClick={() => setAsk(() => second)}>Ask another</button>
          <EntityAnswerCard title="Card" ask={ask}>
            {answer => <p>{answer as string}</p>}
          </EntityAnswerCard>
        </EntityProvider>
      );
    }
    await renderInTestApp(<Switching />, {
      apis: [[inventoryApiRef, {} as InventoryClient]],
    });
    expect(await screen.findByText('first answer')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Ask another' }));
    expect(await screen.findByText('second answer')).toBeInTheDocument();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledWith({}, 'component:default/gcsweb');
  });
});
