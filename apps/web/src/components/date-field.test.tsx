import { MantineProvider } from '@mantine/core';
import type { Language } from '@yhdessa/shared';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, languageLoaded } from '../lib/i18n';
import { DateField } from './date-field';

/** A form's state around one field: what the form would submit is written out beside it. */
function Form({ initial, ...props }: { initial: string; min?: string; max?: string; required?: boolean }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField label="Päivä" value={value} onChange={setValue} {...props} />
      <output aria-label="value">{value}</output>
    </>
  );
}

async function renderField(language: Language, props: { initial?: string; min?: string; max?: string; required?: boolean } = {}) {
  const user = userEvent.setup();
  const i18n = createI18n(language);
  await languageLoaded(i18n);
  render(
    <I18nextProvider i18n={i18n}>
      {/* The test environment: no layout in jsdom, so a dropdown must not hide as if scrolled away. */}
      <MantineProvider env="test">
        <Form initial={props.initial ?? ''} {...props} />
      </MantineProvider>
    </I18nextProvider>,
  );
  return { user, input: screen.getByLabelText(/Päivä/), value: () => screen.getByLabelText('value').textContent };
}

describe('DateField', () => {
  it.each([
    ['fi', '27.11.2026', '2026-11-27'],
    ['fi', '1.3.2026', '2026-03-01'],
    ['sv', '27.11.2026', '2026-11-27'],
    ['en', '27 Nov 2026', '2026-11-27'],
    ['en', '1 march 2026', '2026-03-01'],
    ['en', '27/11/2026', '2026-11-27'],
    ['en', '7 Sept 2026', '2026-09-07'],
    ['fi', '2026-11-27', '2026-11-27'],
  ] as const)('in %s, typing %s gives the form %s', async (language, typed, iso) => {
    const { user, input, value } = await renderField(language);
    await user.type(input, typed);
    await user.tab();
    expect(value()).toBe(iso);
    expect(input).toHaveValue(typed);
    expect(input).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('shows a saved day as the language writes it', async () => {
    expect((await renderField('fi', { initial: '2026-02-10' })).input).toHaveValue('10.2.2026');
  });

  it('shows a saved day in English with the month by name', async () => {
    expect((await renderField('en', { initial: '2026-02-10' })).input).toHaveValue('10 Feb 2026');
  });

  it.each([
    ['fi', '31.4.2026'],
    ['fi', '27 Nov 2026'],
    ['en', '27.11.2026'],
    ['en', '27 Foo 2026'],
  ] as const)(
    'in %s, %s is no day: the form gets the text to refuse, not the old day nor an empty field, and the field says how to write it',
    async (language, typed) => {
      const { user, input, value } = await renderField(language, { initial: '2026-01-05' });
      await user.clear(input);
      await user.type(input, typed);
      await user.tab();
      expect(value()).toBe(typed);
      expect(input).toHaveValue(typed);
      expect(input).toHaveAccessibleDescription(
        language === 'en' ? 'Write the date as 27 Nov 2026.' : 'Kirjoita päivä muodossa 27.11.2026.',
      );
    },
  );

  it('refuses a day before the first allowed, and names that day', async () => {
    const { user, input, value } = await renderField('fi', { min: '2026-01-10' });
    await user.type(input, '9.1.2026');
    await user.tab();
    // The form gets the day and refuses it by its own rule; an empty value would clear an optional date.
    expect(value()).toBe('2026-01-09');
    expect(input).toHaveAccessibleDescription('Päivä voi olla aikaisintaan 10.1.2026.');

    await user.clear(input);
    await user.type(input, '10.1.2026');
    await user.tab();
    expect(value()).toBe('2026-01-10');
    expect(input).not.toHaveAccessibleDescription();
  });

  it('refuses a day after the last allowed', async () => {
    const { user, input, value } = await renderField('en', { max: '2026-01-10' });
    await user.type(input, '11 Jan 2026');
    await user.tab();
    expect(value()).toBe('2026-01-11');
    expect(input).toHaveAccessibleDescription('The date can be 10 Jan 2026 at the latest.');
  });

  it('an optional day is cleared with its button, named in the language', async () => {
    const { user, value } = await renderField('sv', { initial: '2026-01-05' });
    await user.click(screen.getByRole('button', { name: 'Töm datumet' }));
    expect(value()).toBe('');
  });

  it('a required day has no clear button, but emptying its text leaves the form without a day', async () => {
    const { user, input, value } = await renderField('fi', { initial: '2026-01-05', required: true });
    expect(screen.queryByRole('button', { name: 'Tyhjennä päivä' })).not.toBeInTheDocument();
    await user.clear(input);
    await user.tab();
    expect(value()).toBe('');
    expect(input).toBeRequired();
  });

  it('opens a calendar in the language, whose days are named in full and pick the day', async () => {
    const { user, input, value } = await renderField('fi', { initial: '2026-02-10', max: '2026-02-20' });
    await user.click(input);
    expect(await screen.findByRole('button', { name: 'Edellinen kuukausi' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Valitse kuukausi' })).toHaveTextContent('helmikuu 2026');
    expect(screen.getByRole('button', { name: 'lauantaina 21. helmikuuta 2026' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'torstaina 12. helmikuuta 2026' }));
    expect(value()).toBe('2026-02-12');
    expect(input).toHaveValue('12.2.2026');
  });
});
