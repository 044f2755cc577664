// A claimgraphd of a test's own, on an empty store without tokens (every
// caller is the local admin): for the tests that kill it, or start it late.
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function ownServer({ port = 0, flags = [] } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'node_client_test.'));
  const exe = path.join(process.env.CLAIMGRAPH_BINARY_DIR, 'server', 'claimgraphd');
  const proc = spawn(exe, ['serve', '--data', path.join(dir, 'data'), '--listen', `127.0.0.1:${port}`, ...flags],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const said = new Promise((resolve, reject) => {
    const read = (chunk) => {
      log += chunk;
      const m = /\(port (\d+)\)/.exec(log);
      if (m) resolve(Number(m[1]));
    };
    proc.stdout.on('data', read);
    proc.stderr.on('data', read);
    proc.on('exit', (code) => reject(new Error(`claimgraphd exited with ${code}:\n${log}`)));
    setTimeout(() => reject(new Error(`claimgraphd did not say its port in 30 s:\n${log}`)), 30000).unref();
  });
  const actual = await said;
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  return {
    address: `127.0.0.1:${actual}`,
    kill: async () => { proc.kill('SIGKILL'); await exited; },
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A self-signed certificate for 127.0.0.1 and localhost in `dir`: {cert, key} paths.
export function makeCertificate(dir, name = 'server') {
  const cert = path.join(dir, `${name}.crt`);
  const key = path.join(dir, `${name}.key`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' });
  return { cert, key };
}
