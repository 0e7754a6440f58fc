import { SignInPage } from '@backstage/core-components';
import {
  createFrontendModule,
  githubAuthApiRef,
} from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { z } from 'zod/v4';

const githubProvider = {
  id: 'github-auth-provider',
  title: 'GitHub',
  message: 'Sign in with your GitHub account',
  apiRef: githubAuthApiRef,
};

/**
 * Replaces the app's guest-only sign-in page with one whose providers come from
 * configuration: `guest` in the demo, `github` in production (app-config.production.yaml).
 */
const configurableSignInPage = SignInPageBlueprint.makeWithOverrides({
  configSchema: {
    providers: z.array(z.enum(['guest', 'github'])).default(['guest']),
  },
  factory(originalFactory, { config }) {
    const providers = config.providers.map(p =>
      p === 'github' ? githubProvider : p,
    );
    return originalFactory({
      loader: async () => props =>
        <SignInPage {...props} providers={providers} />,
    });
  },
});

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [configurableSignInPage],
});
