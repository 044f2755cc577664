// The audit state, always in the header: "audit ok up to tx N" or "chain
// broken at tx K: problem". It runs AUDIT VERIFY through /v1/query (open to
// every role, unlike POST /v1/audit/verify) when the page loads and after
// every write.
import * as V from './values.js';

export class AuditBadge {
  constructor(el, api) {
    this.el = el;
    this.api = api;
  }

  async refresh() {
    this.el.className = 'badge pending';
    this.el.textContent = 'audit: verifying…';
    try {
      const { columns, rows, trailer } = await this.api.queryAll('AUDIT VERIFY');
      const row = rows[0] ? rows[0].values : [];
      const get = (name) => row[columns.indexOf(name)];
      const ok = V.text(get('ok')) === 'true';
      const txs = V.text(get('transactions'));
      if (ok) {
        this.el.className = 'badge ok';
        this.el.textContent = `audit ok up to tx ${txs}`;
      } else {
        this.el.className = 'badge bad';
        this.el.textContent = `chain broken at tx ${V.text(get('first_bad_tx')) || '?'}: ${V.text(get('problem'))}`;
      }
      this.el.title = trailer.message || '';
      this.el.dataset.ok = String(ok);
      this.el.dataset.tx = txs;
    } catch (err) {
      this.el.className = 'badge unknown';
      this.el.textContent = `audit unknown: ${err.status || ''} ${err.message}`.trim();
      delete this.el.dataset.ok;
    }
  }
}
