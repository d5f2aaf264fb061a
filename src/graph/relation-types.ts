/** The typed relation edges of the graph (HOLDS_ROLE, AFFILIATED_WITH, MET) as a build records them per cable. */

/**
 * One role statement of one cable, its person and owner as graph nodes. HOLDS_ROLE is the
 * aggregate of these over cables: one edge per person, title and owner, dates spanning the cables.
 */
export interface RoleRow {
  /** Node of the cable, of the person (a Person entity). */
  cable: number;
  person: number;
  /** Normalized title (`Foreign Minister`) and the phrase as written (`French FM`). */
  title: string;
  titleText: string;
  /** What the title belongs to, as read: the country, the organization, the unit inside it. */
  country?: string;
  organization?: string;
  unit?: string;
  /** The owner's node (Place of the country, Organization, or Post for a post's officers); absent when the graph has no node of that name. */
  owner?: number;
  /** The owner's name (the node's name, or the name read when there is no node). */
  ownerName: string;
  basis: 'explicit' | 'implied';
  former: boolean;
  /** The cable's date (YYYY-MM-DD), what firstDate/lastDate span. */
  date?: string;
  paragraph?: number;
  /** The sentence the role was read from, and its offsets in the cable text. */
  evidence: string;
  start: number;
  end: number;
}

/** One membership stated without a title ("X of the MFA"): AFFILIATED_WITH aggregates these per person and organization. */
export interface AffiliationRow {
  cable: number;
  person: number;
  organization: string;
  /** The organization's node, when the graph has one of that name. */
  owner?: number;
  country?: string;
  date?: string;
  paragraph?: number;
  evidence: string;
  start: number;
  end: number;
}

/**
 * One MET edge: one per pair and cable. `a` and `b` are Person nodes; an embassy officer the cable
 * does not name ("the Ambassador", "Poloff") is kept as the role at the post: the edge then starts
 * at the Post node and `aRole` names the function (`(Post)-[:MET {role}]->(Person)`).
 */
export interface MeetingRow {
  cable: number;
  /** Person node, or the Post node when `aRole` is set. */
  a: number;
  aRole?: string;
  b: number;
  /** The date written nearest the pair in the cable, else the cable's date. */
  date?: string;
  dateSource: 'text' | 'cable';
  form: string;
  paragraph?: number;
  evidence: string;
  start: number;
  end: number;
}

export interface CableRelationRows {
  roles: RoleRow[];
  affiliations: AffiliationRow[];
  meetings: MeetingRow[];
}
