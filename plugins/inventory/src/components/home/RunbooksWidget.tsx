import { Entity } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  CATALOG_FILTER_EXISTS,
  catalogApiRef,
} from '@backstage/plugin-catalog-react';
import { BACKSTAGE_ANNOTATIONS } from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { AnswerState } from '../AnswerState';
import { byTitle } from '../format';
import { docsPath, firstSentence } from '../links';

/** The annotation that gives an entity a TechDocs site. */

/** The Systems with a TechDocs site: each system's runbook, in title order. */
function useRunbooks() {
  const catalog = useApi(catalogApiRef);
  return useAsync(async () => {
    const { items } = await catalog.getEntities({
      filter: {
        kind: 'system',
        [`metadata.annotations.${BACKSTAGE_ANNOTATIONS.techdocsRef}`]:
          CATALOG_FILTER_EXISTS,
      },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'metadata.description',
      ],
    });
    return items.sort(byTitle);
  }, [catalog]);
}

function RunbookList(props: { systems: Entity[] }) {
  if (props.systems.length === 0) {
    return (
      <Typography variant="body2">
        No system has a runbook yet. A System with a{' '}
        <code>{BACKSTAGE_ANNOTATIONS.techdocsRef}</code> annotation gets one
        under <Link to="/docs">Docs</Link>.
      </Typography>
    );
  }
  return (
    <ul aria-label="Runbooks" style={{ margin: 0, paddingLeft: 20 }}>
      {props.systems.map(system => (
        <li key={`${system.metadata.namespace}/${system.metadata.name}`}>
          <Link to={docsPath(system)}>
            {system.metadata.title ?? system.metadata.name}
          </Link>
          {system.metadata.description && (
            <Typography variant="body2" color="textSecondary">
              {firstSentence(system.metadata.description)}
            </Typography>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Each system's runbook: what it is, where it runs, how to get access and recover it. */
export function RunbooksWidget() {
  const state = useRunbooks();
  return (
    <AnswerState {...state}>
      {systems => <RunbookList systems={systems} />}
    </AnswerState>
  );
}
