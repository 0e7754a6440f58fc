import { SignInPage } from '@backstage/core-components';
import {
  IdentityApi,
  configApiRef,
  createFrontendModule,
  githubAuthApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

const githubProvider = {
  id: 'github-auth-provider',
  title: 'GitHub',
  message: 'Sign in with your GitHub account',
  apiRef: githubAuthApiRef,
};

/**
 * The sign-in page with the providers `app.signInProviders` names: `guest` in the demo,
 * `github` in production. A top-level setting rather than the extension's own config, because
 * configuration files replace lists: a production file that set `app.extensions` for the
 * sign-in page would drop every other extension setting of app-config.yaml (page layouts,
 * card order).
 */
function ConfiguredSignInPage(props: {
  onSignInSuccess(identityApi: IdentityApi): void;
}) {
  const names = useApi(configApiRef).getOptionalStringArray(
    'app.signInProviders',
  ) ?? ['guest'];
  const providers = names.map(name =>
    name === 'github' ? githubProvider : ('guest' as const),
  );
  return <SignInPage {...props} providers={providers} />;
}

const configuredSignInPage = SignInPageBlueprint.make({
  params: { loader: async () => ConfiguredSignInPage },
});

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [configuredSignInPage],
});
