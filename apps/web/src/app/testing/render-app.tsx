import { mergeThemeOverrides, Popover } from '@mantine/core';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppProviders, createAppQueryClient } from '../providers';
import { createAppRoutes } from '../routes';
import { createI18n } from '../../lib/i18n';
import fi from '../../locales/fi.json';
import { FakeSocket } from '../../test/fake-socket';
import { theme } from '../../lib/theme';

/**
 * jsdom lays nothing out: every element measures 0 × 0, which floating-ui reads as a target scrolled
 * out of view, and Mantine hides an open dropdown (display: none) as soon as it is placed. A test
 * then sees a menu only if it looks before that, which a busy machine decides.
 */
const layoutlessTheme = mergeThemeOverrides(theme, {
  components: { Popover: Popover.extend({ defaultProps: { hideDetached: false } }) },
});

/** The whole app at one address, as a user would meet it: router, providers, real queries against msw. */
export function renderApp(path: string, { socket = new FakeSocket() } = {}) {
  const queryClient = createAppQueryClient();
  const router = createMemoryRouter(createAppRoutes(queryClient), { initialEntries: [path] });
  const user = userEvent.setup();
  render(
    <AppProviders queryClient={queryClient} i18n={createI18n('fi', { fi })} socket={socket.asAppSocket()} theme={layoutlessTheme}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router, socket, queryClient, user };
}
