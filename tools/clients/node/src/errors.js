// The one error the client throws, whatever went wrong: the gRPC status code
// (a number, and its name), the server's message (meant for a person) and,
// when the message names a position in the statement, its line and column
// (1-based, in characters). The Python client's ClaimgraphError has the same
// fields.
import grpc from '@grpc/grpc-js';

const POSITION = /^line (\d+):(\d+)/;
const NAMES = Object.fromEntries(Object.entries(grpc.status).map(([name, code]) => [code, name]));

export class ClaimgraphError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'ClaimgraphError';
    this.code = code;
    this.codeName = NAMES[code] ?? 'UNKNOWN';
    const m = POSITION.exec(message);
    this.line = m ? Number(m[1]) : undefined;
    this.column = m ? Number(m[2]) : undefined;
  }

  toString() {
    return `${this.codeName}: ${this.message}`;
  }
}

// grpc-message travels percent-encoded. grpc-js decodes it with
// decodeURIComponent, and when that throws -- a message quoting a statement's
// invalid UTF-8 -- hands over the encoded text ("line 1:2: ...%0AM%FF%0A").
// Decoded here byte by byte, an invalid byte becoming U+FFFD. A message with
// a newline was decoded already (every server message with a caret has one).
function decodedDetails(details) {
  if (details.includes('\n') || !/%[0-9A-Fa-f]{2}/.test(details)) return details;
  return details.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'));
}

// A grpc-js error (it carries code and details) as a ClaimgraphError.
// grpc-js reports a connection that drops mid-call (the server killed, a
// reset) as CANCELLED, where gRPC's C core, and so the Python client, says
// UNAVAILABLE. The client never surfaces a cancel it asked for, and the
// server answers CANCELLED only to a client that went away: a CANCELLED
// that arrives here is a lost connection, and is reported as the other
// clients report it (and retried as they retry it).
export function fromGrpcError(e) {
  if (e instanceof ClaimgraphError) return e;
  const code = typeof e?.code === 'number' ? e.code : grpc.status.UNKNOWN;
  const details = decodedDetails(e?.details || e?.message || NAMES[code]);
  if (code === grpc.status.CANCELLED) {
    return new ClaimgraphError(grpc.status.UNAVAILABLE, `the connection to the server was lost (${details})`);
  }
  return new ClaimgraphError(code, details);
}

export function invalidArgument(message) {
  return new ClaimgraphError(grpc.status.INVALID_ARGUMENT, message);
}

export { grpc };
