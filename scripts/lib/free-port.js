'use strict';

const net = require('node:net');

/** A TCP port free on 127.0.0.1 right now (the system picks it; the probe is closed again). */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

module.exports = { freePort };
