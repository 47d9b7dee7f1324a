import http from 'node:http';
import type net from 'node:net';
import { freePort } from './server.js';

/**
 * A round-robin HTTP load balancer on 127.0.0.1 for multi-instance tests: each request goes to
 * the next instance, so one sign-in's steps land on different instances sharing one database.
 */
export async function startBalancer() {
  const port = await freePort();
  const targets: number[] = [];
  let next = 0;

  const server = http.createServer((request, response) => {
    const targetPort = targets[next++ % targets.length];
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: targetPort,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (upstreamResponse) => {
        response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(response);
      },
    );
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${port}`,
    addTarget(targetPort: number) {
      targets.push(targetPort);
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
