// Typed relations read from one cable: roles, affiliations and meetings, each with its evidence passage.
/** Typed relations read from one cable: roles, affiliations and meetings, each with its evidence passage. */

/** A person named in the cable: a PERSON mention, with its resolved entity when known. */
export interface PersonRef {
  /** Surface form, `cable.text.slice(start, end) === text`. */
  text: string;
  start: number;
  end: number;
  /** Canonical name and id of the resolved entity (absent when relations run without resolution). */
  name?: string;
  entityId?: string;
}

/** An embassy officer known only by function: "the Ambassador", "Poloff", "the DCM". */
export interface OfficerRef {
  /** Normalized function: `Ambassador`, `DCM`, `Charge d'Affaires`, `Poloff`, `Econoff`, `Political Counselor` … */
  role: string;
  /** The post the officer serves at, e.g. `Embassy Paris`. */
  post: string;
  /** Display label, e.g. `Ambassador (Embassy Paris)`. */
  label: string;
}

/** One side of a meeting: a named person, or an officer of the post when the cable does not name them. */
export type Party = ({ kind: 'person' } & PersonRef) | ({ kind: 'officer' } & OfficerRef);

/** The passage a relation was read from. */
export interface Evidence {
  /** The sentence, whitespace collapsed. */
  text: string;
  /** Offsets of the sentence in `cable.text`. */
  start: number;
  end: number;
}

/** A person holding a title, and the country or organization the title belongs to. */
export interface Role {
  person: PersonRef;
  /** Normalized title: `Foreign Minister`, `President`, `Deputy Foreign Minister`, `Director`, `Desk Officer` … */
  title: string;
  /** The title phrase as written (`French FM`, `MFA Iraq desk officer`). */
  titleText: string;
  /** Country the office belongs to (`France`), when known. */
  country?: string;
  /** Organization the office belongs to (`Ministry of Foreign Affairs`, `United Nations`), when named. */
  organization?: string;
  /** Department, desk or posting within the owner when written (`Iraq` in "MFA Iraq desk officer"). */
  unit?: string;
  /** `explicit`: the text names the country or organization; `implied`: by the posting country, or by a title only the US uses (A/S, DAS). */
  basis: 'explicit' | 'implied';
  /** The text qualifies the title as past ("former", "ex-"). */
  former?: boolean;
  /** Offsets of the whole title phrase with the name. */
  start: number;
  end: number;
  paragraph?: number;
  evidence: Evidence;
}

/** A person's membership of an organization stated without a title ("X of the MFA", "X (MFA)"). */
export interface Affiliation {
  person: PersonRef;
  organization: string;
  country?: string;
  start: number;
  end: number;
  paragraph?: number;
  evidence: Evidence;
}

/** Two parties who met, by one of the cables' meeting forms. */
export interface Meeting {
  a: Party;
  b: Party;
  /** ISO date `YYYY-MM-DD`: a date written in the sentence, else the cable's date. */
  date?: string;
  dateSource: 'text' | 'cable';
  /** The form that matched: `met`, `met-with`, `told`, `meeting-with`, `called-on` … */
  form: string;
  paragraph?: number;
  evidence: Evidence;
}

export interface CableRelations {
  roles: Role[];
  affiliations: Affiliation[];
  meetings: Meeting[];
}
