// claimgraph.v1.Value to JavaScript (docs/api.md, "Values"). int_value
// arrives as a decimal string (longs: String) and becomes a number: the
// server sends only whole numbers within 2^53, which a number holds exactly.
// Ids (entities, claims) are counters, far below 2^53: numbers too.

export class Entity {
  constructor(id, name) {
    this.kind = 'entity';
    this.id = id;
    this.name = name;
    Object.freeze(this);
  }

  toString() {
    return this.name;
  }
}

export class ClaimRef {
  constructor(id) {
    this.kind = 'claim';
    this.id = id;
    Object.freeze(this);
  }

  toString() {
    return `#${this.id}`;
  }
}

// A string literal as a claim's object (a plain string there names an entity).
export class Text {
  constructor(text) {
    this.kind = 'text';
    this.text = text;
    Object.freeze(this);
  }
}

// A date as a claim's object: "YYYY", "YYYY-MM" or "YYYY-MM-DD".
export class DateText {
  constructor(text) {
    this.kind = 'date';
    this.text = text;
    Object.freeze(this);
  }
}

export function fromValue(v) {
  switch (v?.kind) {
    case 'int_value': return Number(v.int_value);
    case 'number_value': return v.number_value;
    case 'bool_value': return v.bool_value;
    case 'string_value': return v.string_value;
    case 'date_value': return v.date_value;
    case 'predicate_value': return v.predicate_value;
    case 'entity_value': return new Entity(Number(v.entity_value.id), v.entity_value.name);
    case 'claim_value': return new ClaimRef(Number(v.claim_value));
    case 'list_value': return (v.list_value.values ?? []).map(fromValue);
    default: return null; // null_value, or a kind this client does not know
  }
}
