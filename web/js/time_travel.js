// Time travel: re-run the current statement as of any transaction (the
// request's as_of_tx, so the statement text and the server's line:column stay
// as typed). The slider and the number field are one value; empty = latest.
export class TimeTravel {
  constructor(root, { onRun }) {
    this.range = root.querySelector('#asof-range');
    this.input = root.querySelector('#asof-input');
    this.runButton = root.querySelector('#asof-run');
    this.latest = root.querySelector('#asof-latest');
    this.range.addEventListener('input', () => { this.input.value = this.range.value; });
    this.input.addEventListener('input', () => { if (this.input.value) this.range.value = this.input.value; });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') { e.preventDefault(); onRun(performance.now()); }
    });
    this.runButton.addEventListener('click', () => onRun(performance.now()));
    this.latest.addEventListener('click', () => {
      this.input.value = '';
      this.range.value = this.range.max;
      onRun(performance.now());
    });
  }

  // The newest transaction (Stats.transactions).
  setMax(tx) {
    const n = Math.max(1, Number(tx) || 1);
    this.range.max = this.input.max = String(n);
    if (!this.input.value) this.range.value = String(n);
  }

  // The transaction asked for, or 0 for the latest.
  get value() {
    const n = Number.parseInt(this.input.value, 10);
    return Number.isFinite(n) && n > 0 ? n : 0;
  }
}
