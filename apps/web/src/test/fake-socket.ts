import type { FamilyCatchUp, FamilyEvent, JoinFamily, JoinFamilyAck, Presence } from '@yhdessa/shared';
import type { AppSocket } from '../lib/socket-client';

type Listener = (...args: unknown[]) => void;

/** Just enough of a socket.io client to drive the realtime path without a server. */
export class FakeSocket {
  connected = false;
  /** Whether the client wants the connection: false only after it was closed on purpose. */
  active = false;
  /** Lost (`drop`) and not back yet. */
  private reconnecting = false;
  readonly joined: string[] = [];
  /** Each join's position in the family's log: undefined for a screen's first join. */
  readonly joinedAfter: (number | undefined)[] = [];
  /** What the next join replays; a test sets it to play what the server's log holds. */
  catchUp: FamilyCatchUp = { headSeq: 0, events: [], complete: true };
  readonly left: string[] = [];
  /** What a `presence:request` is answered with. */
  presence: Presence | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();

  on(event: string, listener: Listener): this {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)?.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  emit(event: string, payload: JoinFamily, ack?: (result: unknown) => void): this {
    if (event === 'family:join') {
      this.joined.push(payload.familyId);
      this.joinedAfter.push(payload.afterSeq);
      const catchUp = this.catchUp;
      const joinedAck: JoinFamilyAck = { ok: true, catchUp };
      queueMicrotask(() => ack?.(joinedAck));
    }
    if (event === 'presence:request') queueMicrotask(() => ack?.(this.presence));
    if (event === 'family:leave') this.left.push(payload.familyId);
    return this;
  }

  /** As socket.io's: while a lost connection is being tried again, asking to connect changes nothing. */
  connect(): this {
    if (!this.connected && !this.reconnecting) this.reconnect();
    return this;
  }

  /** The connection is made, or comes back after `drop`. */
  reconnect(): void {
    this.reconnecting = false;
    this.connected = true;
    this.active = true;
    this.fire('connect');
  }

  /** Closed on purpose: no longer tried again either. */
  disconnect(): this {
    this.reconnecting = false;
    this.active = false;
    if (this.connected) {
      this.connected = false;
      this.fire('disconnect', 'io client disconnect');
    }
    return this;
  }

  /** The connection is lost (network, server gone): the client keeps trying to reconnect. */
  drop(): void {
    this.connected = false;
    this.reconnecting = true;
    this.fire('disconnect', 'transport close');
  }

  /** What the server pushes into a family room. */
  receive(event: FamilyEvent): void {
    this.fire('family:event', event);
  }

  fire(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }

  asAppSocket(): AppSocket {
    return this as unknown as AppSocket;
  }
}
