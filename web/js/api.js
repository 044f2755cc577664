// The HTTP/JSON API of claimgraphd (docs/api.md): protobuf's JSON mapping of the
// claimgraph.v1 messages. uint64 fields (ids, transactions, counts) arrive as
// JSON strings; the page keeps ids as strings and turns counts into Numbers.

const TIMEOUT_MS = 30000;

// An error as the server reports it: {code, status, message, line?, column?, length?}.
export class ApiError extends Error {
  constructor(obj, httpStatus) {
    super(obj.message || `HTTP ${httpStatus}`);
    this.name = 'ApiError';
    this.code = obj.code ?? 2;
    this.status = obj.status || 'UNKNOWN';
    this.line = obj.line;
    this.column = obj.column;
    this.length = obj.length;
    this.httpStatus = httpStatus;
  }
}

export class Api {
  // tokenSource() returns the bearer token or '' (a server without --auth-file ignores it).
  constructor(tokenSource) {
    this.tokenSource = tokenSource;
  }

  headers(json) {
    const h = {};
    const token = this.tokenSource();
    if (token) h.Authorization = `Bearer ${token}`;
    if (json) h['Content-Type'] = 'application/json';
    return h;
  }

  async fail(response) {
    let obj;
    try {
      obj = await response.json();
    } catch {
      obj = { code: 2, status: 'UNKNOWN', message: `${response.status} ${response.statusText}` };
    }
    if (obj && obj.error) obj = obj.error;
    throw new ApiError(obj || {}, response.status);
  }

  async get(path, signal) {
    const response = await fetch(path, { headers: this.headers(false), signal, cache: 'no-store' });
    if (!response.ok) await this.fail(response);
    return response.json();
  }

  async post(path, body, signal) {
    const response = await fetch(path, {
      method: 'POST', headers: this.headers(true), body: JSON.stringify(body), signal, cache: 'no-store',
    });
    if (!response.ok) await this.fail(response);
    return response.json();
  }

  claim(id, signal) { return this.get(`/v1/claims/${encodeURIComponent(id)}`, signal); }
  history(id, signal) { return this.get(`/v1/claims/${encodeURIComponent(id)}/history`, signal); }
  source(key, includeText, signal) {
    return this.get(`/v1/sources/${encodeURIComponent(key)}${includeText ? '?include_text=true' : ''}`, signal);
  }
  stats(byPredicate, signal) { return this.get(`/v1/stats${byPredicate ? '?by_predicate=true' : ''}`, signal); }
  explain(statement, asOfTx, signal) {
    const body = { statement, timeout_ms: TIMEOUT_MS };
    if (asOfTx) body.as_of_tx = String(asOfTx);
    return this.post('/v1/explain', body, signal);
  }

  // Claims by id, in the order asked, 1000 a request (the endpoint's limit).
  async claims(ids, signal) {
    const out = [];
    for (let i = 0; i < ids.length; i += 1000) {
      const answer = await this.post('/v1/claims:batchGet', { ids: ids.slice(i, i + 1000).map(String) }, signal);
      out.push(...(answer.claims || []));
    }
    return out;
  }

  // Runs one statement and streams its answer: onHeader(header) once, onRows(rows)
  // per batch as it arrives, and resolves with the trailer. A statement error
  // (the stream's last line {"error": …}) or an HTTP error rejects with ApiError;
  // aborting `signal` closes the connection, which cancels the query server-side.
  async query(statement, { asOfTx, batchRows = 500, signal, onHeader, onRows } = {}) {
    // integers: COUNTs, ids, integer literals come as int_value ({"int_value": "4"}), not 4.0.
    const body = { statement, batch_rows: batchRows, timeout_ms: TIMEOUT_MS, integers: true };
    if (asOfTx) body.as_of_tx = String(asOfTx);
    const response = await fetch('/v1/query', {
      method: 'POST', headers: this.headers(true), body: JSON.stringify(body), signal, cache: 'no-store',
    });
    if (!response.ok) await this.fail(response);
    let trailer = null;
    const handle = (line) => {
      if (!line.trim()) return;
      const msg = JSON.parse(line);
      if (msg.error) throw new ApiError(msg.error, response.status);
      if (msg.header && onHeader) onHeader(msg.header);
      if (msg.batch && msg.batch.rows && msg.batch.rows.length && onRows) onRows(msg.batch.rows);
      if (msg.trailer) trailer = msg.trailer;
    };
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let pending = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      pending += decoder.decode(value, { stream: true });
      let nl;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        handle(line);
      }
    }
    pending += decoder.decode();
    handle(pending);
    if (!trailer) throw new ApiError({ code: 14, status: 'UNAVAILABLE', message: 'the answer ended before its trailer' }, 200);
    return trailer;
  }

  // A statement's whole answer: {columns, rows, trailer, truncated}. With
  // options.maxRows, reading stops (and the query is cancelled) once that many
  // rows are in; trailer is then null and truncated true.
  async queryAll(statement, options = {}) {
    let columns = [];
    const rows = [];
    const controller = new AbortController();
    if (options.signal) options.signal.addEventListener('abort', () => controller.abort());
    const max = options.maxRows || Infinity;
    try {
      const trailer = await this.query(statement, {
        ...options,
        signal: controller.signal,
        onHeader: (h) => { columns = h.columns || []; },
        onRows: (r) => {
          rows.push(...r);
          if (rows.length >= max) controller.abort();
        },
      });
      return { columns, rows, trailer, truncated: false };
    } catch (err) {
      if (rows.length >= max && !(options.signal && options.signal.aborted)) {
        return { columns, rows: rows.slice(0, max), trailer: null, truncated: true };
      }
      throw err;
    }
  }
}
