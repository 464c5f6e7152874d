import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { lazy, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../lib/i18n';
import fi from '../../../locales/fi.json';
import { PlanSectionPanel, type PlanSectionId } from './plan-sections';

/** A section whose code never arrives: what the panel shows meanwhile. */
const NeverLoaded = lazy(() => new Promise<{ default: () => ReactNode }>(() => undefined));

function renderPanel(current: PlanSectionId) {
  const view = (shown: PlanSectionId) => (
    <I18nextProvider i18n={createI18n('fi', { fi })}>
      <MantineProvider env="test">
        <PlanSectionPanel section="notes" current={shown}>
          <p>Kirjausten sisältö</p>
          <NeverLoaded />
        </PlanSectionPanel>
      </MantineProvider>
    </I18nextProvider>
  );
  const { rerender } = render(view(current));
  return { show: (shown: PlanSectionId) => rerender(view(shown)) };
}

describe('a section panel of the plan', () => {
  it('when its section has not been shown, then nothing of it is drawn', () => {
    renderPanel('overview');
    expect(screen.getByRole('tabpanel', { hidden: true })).toBeEmptyDOMElement();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('when its section is shown while its code loads, then it says so, and it stays drawn once another is chosen', () => {
    const { show } = renderPanel('overview');
    show('notes');
    expect(screen.getByRole('status')).toHaveTextContent('Ladataan…');
    show('overview');
    expect(screen.getByRole('status')).toHaveTextContent('Ladataan…');
  });
});
