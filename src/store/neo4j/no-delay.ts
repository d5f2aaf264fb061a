// Turns Nagle's algorithm off on the Neo4j driver's sockets (TCP_NODELAY), which the driver leaves on.
import * as net from 'net';

/**
 * Marks `net.Socket.prototype` once patched: the prototype is shared by every copy of this module a
 * process loads (jest loads one per test file in the same worker), a module-level flag is not.
 */
const INSTALLED = Symbol.for('cablegraph.neo4j.noDelay');

/**
 * neo4j-driver (5.28) configures each Bolt socket with `setKeepAlive(true)` and nothing else, so
 * Nagle's algorithm holds a message written while the previous one is unacknowledged until the
 * server's delayed ACK (40 ms on Linux): measured at 10,000 cables, a viewer query the server
 * answered in 1–2 ms came back 40–50 ms later, one round trip in several (README, Neo4j at
 * scale). The driver has no option for it; this adds `setNoDelay(true)` where it sets keep-alive
 * (only sockets that ask for keep-alive are touched, and no delay is what HTTP sockets use).
 */
export function noDelayForDriverSockets(): void {
  const prototype = net.Socket.prototype as net.Socket & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  prototype[INSTALLED] = true;
  const keepAlive = Object.getOwnPropertyDescriptor(prototype, 'setKeepAlive')!.value as (
    this: net.Socket,
    enable?: boolean,
    initialDelay?: number,
  ) => net.Socket;
  prototype.setKeepAlive = function (this: net.Socket, enable?: boolean, initialDelay?: number) {
    if (enable) this.setNoDelay(true);
    return keepAlive.call(this, enable, initialDelay);
  };
}
