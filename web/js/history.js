// The last 100 statements run, newest first, kept in the browser
// (localStorage "claimgraph.history"); Alt+Up/Down in the editor walks them.
const KEY = 'claimgraph.history';
const MAX = 100;

export class History {
  constructor() {
    this.cursor = -1;
    try {
      const saved = JSON.parse(localStorage.getItem(KEY) || '[]');
      this.items = Array.isArray(saved) ? saved.filter((s) => typeof s === 'string').slice(0, MAX) : [];
    } catch {
      this.items = [];
    }
  }

  add(statement) {
    const s = statement.trim();
    if (!s) return;
    this.items = [s, ...this.items.filter((x) => x !== s)].slice(0, MAX);
    this.cursor = -1;
    try {
      localStorage.setItem(KEY, JSON.stringify(this.items));
    } catch {
      // Storage full or disabled: the history lives for this page only.
    }
  }

  // delta -1 = older, +1 = newer; returns the statement or null past either end.
  step(delta) {
    const next = this.cursor - delta;
    if (next < 0) {
      this.cursor = -1;
      return null;
    }
    if (next >= this.items.length) return null;
    this.cursor = next;
    return this.items[next];
  }
}
