import { act, render, screen } from '@testing-library/react';
import { FakeSocket } from '../test/fake-socket';
import { SocketProvider, useSocket, type AppSocket } from './socket-client';

function SocketUser() {
  const socket = useSocket();
  return <p>{socket ? 'socket ready' : 'socket on its way'}</p>;
}

describe('the socket on demand', () => {
  it('when no screen uses the socket, then its code is not fetched', () => {
    const load = jest.fn(() => Promise.resolve(new FakeSocket().asAppSocket()));
    render(<SocketProvider source={load}>nothing live here</SocketProvider>);
    expect(load).not.toHaveBeenCalled();
  });

  it('when screens use the socket, then its code is fetched once and they all get the same socket', async () => {
    const socket = new FakeSocket().asAppSocket();
    let arrive: (value: AppSocket) => void = () => undefined;
    const load = jest.fn(() => new Promise<AppSocket>((resolve) => (arrive = resolve)));
    render(
      <SocketProvider source={load}>
        <SocketUser />
        <SocketUser />
      </SocketProvider>,
    );
    expect(screen.getAllByText('socket on its way')).toHaveLength(2);
    arrive(socket);
    expect(await screen.findAllByText('socket ready')).toHaveLength(2);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('when its code could not be fetched, then the next screen that needs it asks again', async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(new FakeSocket().asAppSocket());
    const { rerender } = render(
      <SocketProvider source={load}>
        <SocketUser key="first" />
      </SocketProvider>,
    );
    expect(screen.getByText('socket on its way')).toBeInTheDocument();
    await act(async () => undefined);
    rerender(
      <SocketProvider source={load}>
        <SocketUser key="second" />
      </SocketProvider>,
    );
    expect(await screen.findByText('socket ready')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
