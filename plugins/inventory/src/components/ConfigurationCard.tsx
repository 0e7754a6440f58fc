import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  describeConfiguration,
  entityConfiguration,
} from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { explorerRouteRef } from '../routes';
import { plural } from './format';

/** A project's enabled APIs, each a link to the explorer filtered to the projects enabling it. */
function EnabledServices(props: { services: string[] }) {
  const explorerPath = useRouteRef(explorerRouteRef);
  const { services } = props;
  return (
    <>
      <Typography variant="body1" gutterBottom>
        {plural(services.length, 'API enabled', 'APIs enabled')}
        {services.length === 0 && ' (none)'}
      </Typography>
      <ul aria-label="Enabled APIs" style={{ paddingLeft: 20, marginTop: 0 }}>
        {services.map(service => (
          <li key={service}>
            {explorerPath ? (
              <Link
                to={`${explorerPath()}?${new URLSearchParams({
                  setting: `api=${service}`,
                })}`}
              >
                {service}
              </Link>
            ) : (
              service
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The resource's configuration as the crawl read it, in plain words, the most asked-about
 * setting first ("Retention: 10 years, locked"). It reads the entity the page already has: the
 * GCP provider writes the configuration on it, so there is nothing to ask the inventory.
 */
export function ConfigurationCard() {
  const { entity } = useEntity();
  const { configuration, enabledServices } = entityConfiguration(entity);
  const type = String(entity.spec?.type ?? '');
  const [lead, ...rest] = configuration
    ? describeConfiguration(type, configuration)
    : [];
  return (
    <InfoCard title="Configuration">
      {enabledServices && <EnabledServices services={enabledServices} />}
      {lead && (
        <>
          <Typography variant="body1" gutterBottom>
            <strong>{lead.label}:</strong> {lead.text}
          </Typography>
          <dl aria-label="Settings" style={{ margin: 0 }}>
            {rest.map(line => (
              <Typography key={line.label} variant="body2" component="div">
                <dt style={{ display: 'inline', fontWeight: 500 }}>
                  {line.label}:
                </dt>{' '}
                <dd style={{ display: 'inline', margin: 0 }}>{line.text}</dd>
              </Typography>
            ))}
          </dl>
        </>
      )}
    </InfoCard>
  );
}
