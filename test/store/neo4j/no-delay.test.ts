import * as net from 'net';
import { noDelayForDriverSockets } from '../../../src/store/neo4j/no-delay';

describe('the driver sockets without Nagle', () => {
  test('a socket asking for keep-alive (as the Bolt driver does) is set to no delay, and keep-alive still applies', async () => {
    noDelayForDriverSockets();
    noDelayForDriverSockets(); // twice: installed once
    // another copy of the module (jest loads one per test file in a worker; the prototype is shared)
    await jest.isolateModulesAsync(async () => {
      (await import('../../../src/store/neo4j/no-delay')).noDelayForDriverSockets();
    });
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    try {
      const calls: boolean[] = [];
      const setNoDelay = socket.setNoDelay.bind(socket);
      socket.setNoDelay = (noDelay?: boolean) => {
        calls.push(noDelay ?? true);
        return setNoDelay(noDelay);
      };
      expect(socket.setKeepAlive(true)).toBe(socket);
      expect(calls).toEqual([true]);
      socket.setKeepAlive(false);
      expect(calls).toEqual([true]);
    } finally {
      socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
