import { fireEvent, screen, waitFor, within } from '@testing-library/react';

const activePanel = () => document.querySelector<HTMLElement>('[role="tabpanel"][data-active]');

/** Until the section shown has its code and its reads: no loading state left in it. */
async function settled() {
  await waitFor(() => expect(activePanel()?.textContent ?? '').not.toContain('Ladataan…'));
}

/**
 * A part of the plan by its heading, found as a reader finds it: in the section shown, or by
 * choosing the sections in turn until it is drawn (a section is drawn when first shown).
 */
export async function findPlanRegion(name: string | RegExp): Promise<HTMLElement> {
  const menu = await screen.findByRole('tablist', { name: 'Suunnitelman osat' });
  const drawn = () => screen.queryByRole('region', { name });
  await settled();
  const here = drawn();
  if (here) return here;
  for (const tab of within(menu).getAllByRole('tab')) {
    if (tab.getAttribute('aria-selected') === 'true') continue;
    fireEvent.click(tab);
    await waitFor(() => expect(tab).toHaveAttribute('aria-selected', 'true'));
    await settled();
    const found = drawn();
    if (found) return found;
  }
  throw new Error(`No part of the plan is named ${String(name)}`);
}

/** Every section shown once, as a reader going through the menu would: then all of them are drawn, and stay. */
export async function showEverySection(): Promise<void> {
  const menu = await screen.findByRole('tablist', { name: 'Suunnitelman osat' });
  const tabs = within(menu).getAllByRole('tab');
  const first = tabs.find((tab) => tab.getAttribute('aria-selected') === 'true');
  for (const tab of [...tabs, ...(first ? [first] : [])]) {
    fireEvent.click(tab);
    await waitFor(() => expect(tab).toHaveAttribute('aria-selected', 'true'));
    await settled();
  }
}
