import { fireEvent, render, screen } from '@testing-library/react';
import { lazy, useState } from 'react';
import { useMarkFirstScreenDrawn } from '../lib/first-screen';
import { AfterFirstScreen } from './after-first-screen';

let fetched = 0;
const Menu = lazy(async () => {
  fetched += 1;
  return { default: () => <button type="button">Valikko</button> };
});

/** A screen that is drawn once asked to (its data and code arrived). */
function Screen() {
  const [settled, setSettled] = useState(false);
  useMarkFirstScreenDrawn(settled);
  return (
    <>
      <button type="button" onClick={() => setSettled(true)}>
        Valmis
      </button>
      <AfterFirstScreen placeholder={<p>Valikon paikka</p>}>
        <Menu />
      </AfterFirstScreen>
    </>
  );
}

describe('what comes after the first screen', () => {
  it('when the first screen is not drawn yet, then its placeholder stands there and its code is not fetched; once it is drawn, the component comes', async () => {
    render(<Screen />);
    expect(screen.getByText('Valikon paikka')).toBeInTheDocument();
    expect(fetched).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Valmis' }));
    expect(await screen.findByRole('button', { name: 'Valikko' })).toBeInTheDocument();
    expect(screen.queryByText('Valikon paikka')).not.toBeInTheDocument();
    expect(fetched).toBe(1);
  });
});
