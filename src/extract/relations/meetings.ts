// Meetings: the cables' fixed forms ("the Ambassador met X", "X told Poloff", "X and Y met").
/** Meetings: the cables' fixed forms ("the Ambassador met X", "X told Poloff", "in a meeting with X", "X and Y met"). */
import { SHORT_FORM } from './aliases';
import { attendeeMeetings } from './attendees';
import { speakerMeetings } from './speakers';
import { bareTitlesIn } from './bare-titles';
import { betweenPairs, COMPANIONS_LEAD, groupPairs } from './groups';
import { classifiedByTitle, evidenceOf } from './roles';
import { pronounPairs } from './pronouns';
import { subjectMeetings } from './subject';
import { writerOf, writerWordsIn } from './writer';
import type { RelationContext } from './context';
import { countryOf, dateIn } from './text';
import { isTitleWordForm } from './titles';
import type { Meeting, Party, Role } from './types';
import type { Mention } from '../../model';

/** The first "on <date>" in `s`, as dateIn reads it. */
function onDateIn(s: string, cableDate: string | undefined): string | undefined {
  const on = /\bon\s+(?=(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+\d{0,2})/.exec(s);
  return on ? dateIn(s.slice(on.index, on.index + 40), cableDate) : undefined;
}

/** The date of "during a January 11 meeting" written before the pair. */
function meetingDateIn(s: string, cableDate: string | undefined): string | undefined {
  const m = MEETING_DATE.exec(s);
  return m ? dateIn(m[1], cableDate) : undefined;
}

/** Embassy officers written by function, and their normalized name. */
const OFFICERS: Array<[RegExp, string]> = [
  [/^(?:the\s+)?deputy\s+ambassador$/i, 'Deputy Ambassador'],
  [/^(?:the\s+)?(?:ambassador|amb\.?)$/i, 'Ambassador'],
  [/^(?:the\s+)?(?:RSO|regional\s+security\s+officer)$/i, 'RSO'],
  [/^(?:the\s+)?(?:pol\/mil|pol-mil|political-military)\s+counsel+or$/i, 'Pol-Mil Counselor'],
  [/^(?:the\s+)?(?:econ\s+counsel+or)$/i, 'Economic Counselor'],
  [/^(?:the\s+)?(?:polcounselor|pol\s+counsel+or)$/i, 'Political Counselor'],
  [/^(?:the\s+)?(?:pol(?:itical)?\s+minister[\s-]+counsel+or|PolMinCouns)$/i, 'Political Counselor'],
  [/^(?:the\s+)?(?:econ(?:omic)?\s+minister[\s-]+counsel+or|EconMinCouns)$/i, 'Economic Counselor'],
  [/^us$/i, 'Embassy Officer'],
  [/^(?:the\s+)?(?:DCM|deputy\s+chief\s+of\s+mission)$/i, 'DCM'],
  [/^(?:the\s+)?(?:charg[eé](?:\s+d['’]affaires)?|CDA)$/i, "Charge d'Affaires"],
  [/^(?:the\s+)?(?:PolCouns|political\s+counselor|pol\s+couns)$/i, 'Political Counselor'],
  [/^(?:the\s+)?(?:EconCouns|economic\s+counselor|econ\s+couns)$/i, 'Economic Counselor'],
  [/^(?:PolMilOffs?|pol-?mil\s+off(?:icer)?s?)$/i, 'Pol-Mil Officer'],
  [/^(?:Poloffs?|pol\s*off(?:icer)?s?|political\s+officers?|pol\/econ\s*offs?)$/i, 'Poloff'],
  [/^(?:Econoffs?|econ\s*off(?:icer)?s?|economic\s+officers?)$/i, 'Econoff'],
  // ("Embassy Tel Aviv officers": the post's own officers by its city)
  [/^(?:Emboffs?|embassy\s+(?:[A-Z][a-z]+\s+){0,2}officers?|embassy\s+officials?)$/i, 'Embassy Officer'],
  [/^(?:Conoffs?|consular\s+officers?)$/i, 'Conoff'],
  [/^(?:COS|chief\s+of\s+station)$/i, 'COS'],
  [/^(?:the\s+)?(?:DATT|defen[cs]e\s+attach[eé])$/i, 'DATT'],
  // (the FBI's Legal Attache, whom the cables call by the acronym: "LEGATT and Embassy FSN Legal Advisor met …")
  [/^(?:the\s+)?(?:LEGATT|legal\s+attach[eé])$/i, 'LEGATT'],
];
/** US agencies whose officers a post hosts, by the acronym the cables write before "Attache" or "officers" ("DHS-ICE Attache", "PRT officers"). */
const AGENCY = String.raw`(?:DHS|ICE|DEA|FBI|CBP|USAID|TSA|FAA|USDA|FAS|FCS|PRT|INL|ODC)`;
/** "DHS-ICE Attache", "the PRT officers": the agency's officer, labelled as written ("DHS-ICE Attache", "PRT Officer"). */
const AGENCY_OFFICER = new RegExp(
  String.raw`^(?:the\s+)?(${AGENCY}(?:[-/]${AGENCY})?)\s+([Aa]ttach[eé]|[Oo]fficers?)$`,
);
const AGENCY_RE = new RegExp(String.raw`\b${AGENCY}(?:[-/]${AGENCY})?\s+(?:[Aa]ttach[eé]|[Oo]fficers?)(?![\w/-])`, 'g');
const OFFICER_RE =
  /\b(?:the\s+)?(?:deputy\s+ambassador|RSO|regional\s+security\s+officer|ambassador|amb\.|DCM|deputy\s+chief\s+of\s+mission|charg[eé](?:\s+d['’]affaires)?|CDA|pol(?:itical)?\s+minister[\s-]+counsel+or|PolMinCouns|econ(?:omic)?\s+minister[\s-]+counsel+or|EconMinCouns|PolCouns|political\s+counselor|EconCouns|economic\s+counselor|PolMilOffs?|pol-?mil\s+off(?:icer)?s?|Poloffs?|pol\s*off(?:icer)?s?|political\s+officers?|pol\/econ\s*offs?|Econoffs?|econ\s*off(?:icer)?s?|economic\s+officers?|Emboffs?|embassy\s+(?:[a-z]+\s+){0,2}?officers?|embassy\s+officials?|Conoffs?|consular\s+officers?|COS|chief\s+of\s+station|DATT|defen[cs]e\s+attach[eé]|LEGATT|legal\s+attach[eé])(?![\w/-])/gi;

/** What after "Ambassador" makes it another post's: "to Iraq", "of Chile", "in Baghdad" (a place, not "in a meeting", "in March"). */
const AMBASSADOR_ELSEWHERE =
  /^\s+(?:to|of)\b|^\s+in\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|[A-Z][a-z]*day)\b)[A-Z]/;
/** An officer written by an office outside the list above, capitalized: "Science Counselor", "Global Affairs Officer", "Pol/Mil Counselor". */
const GENERIC_OFFICER_RE =
  /\b(?:[A-Z][a-z]+(?:\/[A-Z][a-z]+)?\s+){1,2}(?:Counselor|Counsellor|Attache|Officer)(?![\w/-])/g;
/** "told us", "met with us": the embassy's officer, as the cable's own voice. */
const US_RE = /\b(?:told|informed|briefed|assured|reminded|warned|with|to)\s+(us)\b/g;
/** A name withheld by redaction ("XXXXXXXXXXXX"). */
export const REDACTED = /^X{4,}$/i;
/** Honorifics whose period does not end a phrase ("met with Dr. X"). */
const HONORIFIC_DOT = /\b(Dr|Mr|Mrs|Ms|Mme|Gen|Col|Lt|Capt|Prof|Sen|Rep|Gov|Amb|St)\./g;

const VERB_MET =
  /^\s*(?:had\s+)?(?:also\s+|later\s+|separately\s+|again\s+|first\s+|subsequently\s+|recently\s+|briefly\s+|privately\s+|already\s+)?(?:met|meets|meeting)(?:\s+(?:separately|privately|again|briefly))?(?:\s+(?:on\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+))?\s+with\s+((?:(?:the|a|an|his|her|their)\s+[^⟦.;:,]{0,60},\s*)?[^⟦.;:,]{0,70}?)$|^\s*(?:also\s+|later\s+|separately\s+)?met\s+([^⟦.;:,]{0,70}?)$|^\s*and\s+(?:the\s+|his\s+|her\s+)?[^⟦.;:,]{1,60}?\s+(?:also\s+)?met\s+(?:with\s+)?([^⟦.;:,]{0,40}?)$/;
/** More verbs of speech said to someone ("Eggert argued to us", "Migranyan judged to us", "X revealed to PolCouns"). */
const SPOKE_TO = String.raw`suggested|commented|argued|judged|claimed|remarked|indicated|asserted|maintained|outlined|predicted|conceded|revealed|hinted|opined|cautioned|proposed|recounted|signall?ed|joked`;
/** "X expressed (his) (strong) concern to Y": a feeling voiced to someone present (not thanks, often sent to the absent: "Dai expressed appreciation to President Obama, Secretary Clinton …"). */
const EXPRESSED_TO = String.raw`expressed\s+(?:(?:his|her|their|its)\s+)?(?:(?:strong|deep|grave|serious|great|sincere|particular)\s+)?(?:concerns?|frustration|regrets?|disappointment|surprise|skepticism|dismay|displeasure)\s+to`;
const VERB_TOLD = new RegExp(
  String.raw`^\s*(?:had\s+|has\s+|have\s+)?(?:also\s+|later\s+|separately\s+|privately\s+|then\s+|recently\s+|already\s+|once\s+|both\s+)?(?:told|telling|informed|advised|briefed|assured|reassured|reminded|warned|(?:confided|explained|stressed|emphasized|said|complained|repeated|underlined|underscored|noted|stated|reiterated|conveyed|expressed|described|mentioned|speculated|admitted|acknowledged|insisted|confirmed|lamented|related|pointed\s+out|made\s+clear|${SPOKE_TO})\s+to|${EXPRESSED_TO})\s+(?!on\s)(?:[^⟦.;:]{0,10}?)$`,
);
const VERB_CALLED =
  /^\s*(?:had\s+)?(?:also\s+|later\s+|recently\s+|already\s+)?(?:called\s+on|(?:raised|double-tracked)\s+[^⟦.;:]{0,80}?\s+with|paid\s+(?:(?:a|an|his|her|their)\s+)?(?:(?:courtesy|initial|introductory|farewell|first|last|final)\s+)?calls?(?:\s+(?:on\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+))?\s+on|hosted|received|demarched|approached|(?:spoke|talked|consulted)\s+(?:with|to)|discussed\s+(?:[^⟦.;:]{0,80}?\s+)?with|(?:delivered|presented|conveyed|passed)\s+[^⟦.;:,]{0,90}?\s+to)\s+([^⟦.;:,]{0,60}?)$/;
const MEETING_WITH =
  /\b(?:in|during|at|after|following)\s+(?:(?:a|an|the|his|her|their|its|our)\s+(?:[^⟦.;:]{0,50}?\s)?)?(?:meeting|conversation|discussion|call|lunch|dinner|breakfast)s?(?:\s+on\s+[^⟦.;:,]{0,25}?|\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+))?\s+with\s+([^⟦.;:]{0,70}?)$/i;
/** "At a March 11 dinner hosted by the Ambassador at his residence, X responded …": the host right after "hosted by". */
const HOSTED_BY =
  /\b(?:in|during|at|after|following)\s+(?:a|an|the|his|her|their|its|our)\s+(?:[^⟦.;:,]{0,50}?\s)?(?:meeting|lunch|luncheon|dinner|breakfast|reception)s?\s+hosted\s+by\s+$/i;
/** The meeting phrase opens the sentence ("In meetings with A and B, C remained …"): only the paragraph's number and classification before it. */
const SENTENCE_OPENING = /^(?:\d+\.\s*)?(?:\([A-Z/ ]+\)\s*)?(?:(?:Summary|Comment)\s*:\s*)?$/i;
/** Between the last one met and the clause's subject: the phrase's end, a comma, the subject's title (no verb). */
const TO_SUBJECT =
  /^[^⟦.;:,]{0,40}?,\s*(?:(?:the|of|for|and|on|to|at|in|de|del|la|visiting|former|acting|new)\s+|[A-Z(\d][^\s]*\s+){0,10}$/;
const CLAUSE_WORD =
  /\b(?:said|says|told|met|who|whom|which|that|when|after|before|where|while|is|was|were|are|has|had|have|will|would)\b/;
/** The subject's verb right after it ("C remained", "C underscored"), an apposition in parentheses allowed. */
const SUBJECT_VERB =
  /^\s*(?:\([^()]{0,30}\)\s*)?(?:also\s+|then\s+|later\s+|again\s+)?(?:[a-z]{3,}(?:ed|s)|was|were|had|said|told|gave|made|took|saw|felt|thought|knew|spoke|became|began|kept|left|held|sought|brought|led)\b/;
/** "X joined A and B for a dinner": a meal or meeting the subject came to. */
const VERB_JOINED = /^\s*(?:also\s+|later\s+|then\s+)?joined\s+(?:[^⟦.;:,]{0,60}?)$/;
const JOINED_FOR =
  /^\s*(?:\([A-Za-z]{2,5}\))?[^⟦.;:]{0,20}?\s*for\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:dinner|lunch|luncheon|breakfast|meeting|discussion|talks|conversation)\b/;
const POSSESSIVE_MEETING =
  /^['’]s?\s+(?:[^⟦.;:]{0,40}?\s)?(?:meeting|conversation|discussion|lunch|dinner|breakfast|call)s?(?:\s+(?:on\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+))?(?:\s+in\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?\s+with\s+([^⟦.;:,]{0,60}?)$/i;
/** "attended a meeting Gellet and Richier had with Araghchi": the meeting named before its subjects, then "had with". */
const MEETING_BEFORE_HAD =
  /\b(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:meeting|conversation|discussion|lunch|dinner|breakfast)s?\s+(?:that\s+)?$/i;
const HAD_WITH = /^\s+(?:had|held)\s+with\s+[^⟦.;:,]{0,60}?$/;
/** "During a call on X", "in a January 16 courtesy call on X": a visit to X (a call on someone is a visit, not a telephone call). */
const CALL_ON_LEAD =
  /\b(?:in|during|at|after|following)\s+(?:a|an|the|his|her|their|its|our)\s+(?:[^⟦.;:]{0,50}?\s)?calls?\s+on\s+(?:[^⟦.;:,]{0,50}?)$/i;
/** "paid a courtesy call November 18 on <a long title, parentheses in it> X": a visit, whatever the title's length. */
const PAID_CALL =
  /^\s*(?:had\s+)?(?:also\s+)?paid\s+(?:(?:a|an|his|her|their)\s+)?(?:[\w-]+\s+){0,2}calls?(?:\s+(?:on\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+))?\s+on\s+[^⟦.;:,]{0,130}?$/;
/** "delivered reftel demarche on the assassination of … Benazir Bhutto to Saudi FM X": a message whose topic names people, then its recipient. */
const TOPIC_VERB = /^\s*(?:had\s+)?(?:also\s+)?(?:delivered|presented|conveyed|passed|discussed)\s/;
const TOPIC_THEN_TO =
  /^\s*(?:had\s+)?(?:also\s+)?(?:delivered|presented|conveyed|passed|discussed)\s[^⟦.;:]{0,160}?\s(?:to|with)\s+(?:(?:[A-Z][^\s]*|of|for|the|and)\s+){0,10}$/;
/** "X offered|gave DCM and PolCouns a readout of …": a briefing given in person. */
const VERB_GAVE = /^\s*(?:had\s+)?(?:also\s+)?(?:offered|gave|provided)\s+$/;
const A_READOUT = /^\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?(?:readout|read-out|briefing|debrief)\b/i;
/** "a November 6 readout provided by X to the DCM": the giver after "by", the one given to after "to". */
const READOUT_BY =
  /\b(?:readout|read-out|briefing|debrief)\s+(?:provided|given|offered)\s+by\s+(?:[^⟦.;:,]{0,60}?\s)?$/i;
/** "X, accompanied by Y and Z, met with W": X met W (those who only accompany are not paired). */
const ACCOMPANIED_MET =
  /^\s*,\s*(?:who\s+was\s+)?accompanied\s+by\s+[^⟦.;:]{0,140}?,\s+(?:also\s+)?(?:met(?:\s+with)?|called\s+on|paid\s+[^⟦.;:,]{0,40}?\s+on|(?:conveyed|delivered|presented)\s+[^⟦.;:,]{0,90}?\s+to)\s+(?:(?:[A-Z(][^\s]*|of|for|the|and)\s+){0,10}$/;
/** An "accompanied/joined by" phrase still open, no verb after it: what follows only accompanies. */
const COMPANIONS_BEFORE =
  /,\s*(?:who\s+(?:was|were)\s+)?(?:accompanied|joined)\s+by\s(?:(?!\b(?:met|meets|said|says|told|with|later|then)\b)[^⟦.;:])*$/;
/** "X asked Y about …": a question put in a conversation (not "asked Y to …", a request that may be a letter). */
const VERB_ASKED = /^\s*(?:had\s+|also\s+|then\s+|later\s+|once\s+){0,2}asked\s+(?:[^⟦.;:,]{0,10}?)$/;
const ASKED_ABOUT =
  /^,?\s*(?:about|whether|what|how|why|when|where|who|if|for\s+(?:his|her|their|the|an?|U\.S\.|USG)\b)/;
/** An organization after a name, before its verb: "X of the Political Security Organization in Aden told …", "X, from DFID,s Humanitarian Operations Team told …" (the cables' comma for an apostrophe). */
const ORG_PHRASE =
  /^,?\s+(?:of|from|at|with)\s+(?:the\s+)?[A-Z][\w'’.&/-]*(?:,s)?(?:\s+(?:[A-Z][\w'’.&/-]*|of|the|in|for|and|on|at|de|du|des)){0,9}\s*,?(?=\s+(?:also\s+|had\s+|has\s+|once\s+)?(?:told|met|briefed|informed|assured|reassured|warned|advised|asked|(?:said|explained|stressed|confided)\s+to)\b)/;
/** Unnamed co-speakers after a subject, up to a verb of telling: "X and various of those present told Y". */
const AND_OTHERS =
  /^\s+and\s+(?:various|several|other|others|some|many)\b[^⟦.;:,]{0,40}?(?=\s+(?:have\s+|has\s+|had\s+)?(?:also\s+)?(?:told|informed|briefed|assured)\s)/;
/** What may stand before a clause's first subject: the paragraph's number and classification, one opening phrase, "Both", titles. */
const CLAUSE_LEAD =
  /^(?:\d+\.\s*)?(?:\([A-Z/ ]+\)\s*)?(?:(?:Summary|Comment)\s*:\s*)?(?:[^⟦,;:()]{0,60},\s*)?(?:[Bb]oth\s+)?(?:(?:[A-Z][\w.'’/&-]*|of|for|and|the)\s+){0,8}$/;
/** A meeting still to come: "X's planned meeting with Y", "X's upcoming call with Y". */
const NOT_YET =
  /\b(?:planned|upcoming|proposed|possible|expected|scheduled|next|future|forthcoming|requested|hoped-for)\b|\b(?:priorities|agenda|preparations?|objectives|goals)\s+for\b|\bahead\s+of\b|\bin\s+(?:advance\s+of|preparation\s+for)\b/i;
/** A word without which no meeting form above can match (the verbs and nouns they are built on). */
const MEETING_CUE =
  /\b(?:met|meets|meeting|visited|approached|expressed\s+(?:[\w-]+\s+){1,3}to|readout|read-out|briefing|debrief|asked|raised|double-tracked|told|telling|informed|advised|briefed|assured|reassured|reminded|warned|discussed|hosted|received|demarched|called|paid|spoke|talked|consulted|delivered|presented|conveyed|passed|conversation|discussion|call|lunch|dinner|breakfast|(?:confided|explained|stressed|emphasized|said|complained|repeated|underlined|underscored|noted|stated|reiterated|expressed|described|mentioned|speculated|admitted|acknowledged|insisted|confirmed|lamented|related|out|clear|suggested|commented|argued|judged|claimed|remarked|indicated|asserted|maintained|outlined|predicted|conceded|revealed|hinted|opined|cautioned|proposed|recounted|signall?ed|joked)\s+to)/gi;
/** "X said he had met (with) Y": the subject's own meeting, reported. */
const SAID_MET =
  /^\s*(?:also\s+)?(?:said|noted|recalled|reported|added|explained|mentioned|stated|related|recounted)\s+(?:that\s+)?(?:he|she)\s+(?:had\s+|has\s+)?(?:also\s+|recently\s+|just\s+|personally\s+)?(?:met\s+(?:with\s+)?|visited\s+)[^⟦.;:,]{0,50}?$/;
/** "Kayani recalled he told Admiral Mullen …": the subject's own telling, reported (he is the subject: no one between). */
const SAID_TOLD =
  /^\s*(?:also\s+)?(?:said|noted|recalled|reported|added|explained|mentioned|stated|related|recounted)\s+(?:that\s+)?(?:he|she)\s+(?:had\s+|has\s+)?(?:also\s+|recently\s+|personally\s+|once\s+|repeatedly\s+)?(?:told|assured|warned)\s+(?:[^⟦.;:,]{0,50}?)$/;
/** "X had a meeting with Y", "X reprised an earlier conversation with Y" (not a telephone one). */
const HAD_MEETING =
  /^\s*(?:also\s+)?(?:had|held|reprised|recalled|recounted|described)\s+(?:a|an|the|his|her|their)\s+(?:(?!(?:tele)?phone\b)[^⟦.;:,]{0,40}?\s)?(?:meeting|conversation|discussion|lunch|dinner|breakfast)s?\s+with\s+[^⟦.;:,]{0,60}?$/;
/** A sentence's subject pronoun that a meeting form may follow ("He told Jobim", "After …, he told us"). */
const SUBJECT_PRONOUN =
  /\b(?:He|She|he|she)\b(?=\s+(?:also\s+|later\s+|then\s+|had\s+|has\s+|privately\s+|separately\s+)?(?:met|told|informed|advised|briefed|assured|reassured|reminded|warned|called\s+on|hosted|received|reprised|held|had\s+a|stressed\s+to|said\s+to|explained\s+to|noted\s+to|repeated\s+to|conveyed|delivered|spoke\s+(?:with|to)|discussed)\b)/g;
/** What may open a sentence before its subject pronoun: the paragraph's number and classification, a connective. */
const PRONOUN_LEAD =
  /^(?:\d+\.\s*)?(?:\([A-Z/ ]+\)\s*)?(?:(?:But|And|However|Also|Later|Separately|Privately|Subsequently|Still|Nonetheless|Then)\s*,?\s+)?$/;
/** "X said" before "Y had told him": Y told X. */
/** (Y's own title between: "Sahlin said British Foreign Minister Miliband recently told her …") */
const SAID_BEFORE =
  /^\s*(?:also\s+)?(?:said|noted|recalled|reported|added|explained|mentioned)\s+(?:that\s+)?(?:(?:the\s+)?(?:[A-Z][\w'’./-]*\s+|(?:of|for)\s+){1,6})?$/;
const TOLD_HIM =
  /^\s+(?:had\s+|has\s+)?(?:also\s+|recently\s+|once\s+|previously\s+|later\s+)?(?:told|informed|briefed|assured)\s+(?:him|her)\b/;
/** "on March 14" between a subject and its verb. */
const LEADING_DATE = /^\s*on\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)(?:,?\s+\d{4})?,?(?=\s)/;
/** "During a January 11 meeting …" opening the sentence: the meeting's date, however far from its parties. */
const MEETING_DATE =
  /\b(?:in|during|at|after)\s+(?:a|an|the|their|his|her|its|our)\s+([^⟦.;:,]{3,30}?)\s+(?:meeting|conversation|discussion|lunch|luncheon|dinner|breakfast|call)s?\b/i;
/** A contact by telephone or video: the guideline counts no such call as a meeting ("a December 1 telephone call with X", "by phone"). */
const BY_PHONE =
  /\b(?:tele)?phon(?:e|ed|es|ing)(?:\s+(?:calls?|conversations?))?\b|\b(?:conference|video)[\s-]?calls?\b|\bvideo[\s-]?conferenc|\bVTC\b/i;
/** The passage says the contact was by phone, and not also in person ("in several phone calls and meetings"). */
function byPhone(text: string, from: number, to: number): boolean {
  const m = BY_PHONE.exec(text.slice(from, to));
  if (!m) return false;
  const after = from + m.index + m[0].length;
  return !/^(?:\s+(?:calls?|conversations?))?\s+(?:and|or)\s+(?:in[-\s]person\s+)?meetings?\b/.test(
    text.slice(after, after + 50),
  );
}
/** An adverb set off by commas between a subject and its verb, or a verb and its object: dropped ("X, met, separately, with Y"). */
const COMMA_ADVERB =
  /\s*,\s*(?:separately|however|also|later|then|in\s+turn|again|jointly|together|too|privately)\s*,\s*/g;
/** Words between a party and the verb that are its title or apposition (kept short so a clause cannot intervene). */
const LINKING = /^(?:,[^⟦.;:]{0,80},|\s*\([^()⟦]{0,40}\))?$/;
/** An apposition up to a meeting verb, commas and acronyms in parentheses inside it or not ("X, Head of A, B and C at Y told …", "X (protect), Deputy Head of … Office (FCO) told …"; a comma after parentheses only after "(protect)", not "(septel)," or "(ref),"). */
const LONG_APPOSITION =
  /^(?:\s*\([^()⟦]{0,40}\)|\s*\((?:strictly\s+|please\s+)?protect\)\s*,|,|\s+[-–—])\s+((?:[^⟦.;:()"“”]|\([A-Z][A-Za-z]{1,10}\)){2,140}?)(?:,|\s+[-–—])?(?=\s+(?:also\s+)?(?:told|met|briefed|informed|assured|reassured|warned|(?:said|explained|stressed|confided)\s+to)\b)/;
/** Words that make an apposition a clause of its own, whose verb may have another subject. */
const APPOSITION_CLAUSE =
  /\b(?:who|whom|which|that|said|says|told|met|when|while|after|before|because|as|if|however|have|has|had|was|were|is|are|all|both|and\s+(?:the|a|an)\s+(?![A-Z]))\b/;

/** A third-person pronoun that a pronoun form (pronouns.ts) may read as a party. */
const PRONOUN_CUE = /\b(?:him|her|his|His|Her)\b/;

/** A party written in a sentence, at its offsets in the cable's text. */
export interface Slot {
  party: Party;
  start: number;
  end: number;
}

/** Sees each sentence's parties as the forms do (persons, officers, the writer, bare titles, a subject pronoun). */
export type SlotObserver = (sentence: number, slots: readonly Slot[]) => void;

/**
 * The meetings the cable's forms state. `observe` (for scripts/relations/meet-ml.js, which learns from the same
 * parties) is shown the parties of every sentence that holds a meeting word; it does not change what is read.
 */
export function readMeetings(ctx: RelationContext, roles: Role[], observe?: SlotObserver): Meeting[] {
  const out: Meeting[] = [];
  const text = ctx.cable.text;
  const holders = officerHolders(ctx, roles);
  const titleStarts = new Map<number, number>();
  for (const r of roles) if (r.start < r.person.start) titleStarts.set(r.person.start, r.start);
  // an officer by function: the person the cable names as its holder, else the post's officer
  const post = ctx.post;
  const officerParty = (words: string): Party | undefined => {
    const role = post ? officerRole(words) : undefined;
    if (!role || !post) return undefined;
    const holder = holders.get(role);
    return holder
      ? {
          kind: 'person',
          text: words,
          start: 0,
          end: 0,
          name: holder.name,
          ...(holder.entityId ? { entityId: holder.entityId } : {}),
        }
      : { kind: 'officer', role, post, label: `${role} (${post})` };
  };
  // the people and the post's officers written in [start, end) (people from index `from` of the sorted mentions on)
  const partySlots = (from: number, start: number, end: number): Slot[] => {
    const slots: Slot[] = [];
    for (let j = from; j < ctx.persons.length && ctx.persons[j].start < end; j += 1) {
      const m = ctx.persons[j];
      if (REDACTED.test(m.text)) continue; // a source the cable withholds is nobody the graph can hold
      const ref = ctx.personRef(m);
      // an office's acronym the tagger took for a name ("MFA AF A/S-equivalent X"), unless it stands for someone named
      if (/^[A-Z]{1,3}$/.test(m.text) && (ref.name ?? m.text).toUpperCase() === m.text) continue;
      slots.push({ party: { kind: 'person', ...ref }, start: m.start, end: m.end });
    }
    if (ctx.post)
      for (const o of officersIn(text, start, end, slots, ctx.persons)) {
        const role = officerRole(o.text);
        if (!role) continue;
        const holder = holders.get(role);
        const party: Party = holder
          ? {
              kind: 'person',
              text: o.text,
              start: o.start,
              end: o.end,
              name: holder.name,
              ...(holder.entityId ? { entityId: holder.entityId } : {}),
            }
          : { kind: 'officer', role, post: ctx.post, label: `${role} (${ctx.post})` };
        slots.push({ party, start: o.start, end: o.end });
      }
    return slots;
  };
  const slotsIn = (start: number, end: number): Slot[] =>
    partySlots(firstStartingFrom(ctx.persons, start), start, end).sort((a, b) => a.start - b.start);
  // the chief of mission writing in the first person ("I met with …", "X told me"), when the cable says who writes
  const writer = post ? writerOf(ctx, officerParty) : undefined;
  let pi = 0;
  // most sentences hold no meeting form: the cue words, found in one pass over the text, spare them the party search
  const cues: number[] = [];
  MEETING_CUE.lastIndex = 0;
  for (let c = MEETING_CUE.exec(text); c; c = MEETING_CUE.exec(text)) cues.push(c.index);
  let ci = 0;
  for (let si = 0; si < ctx.sentences.length; si += 1) {
    const s = ctx.sentences[si];
    while (pi < ctx.persons.length && ctx.persons[pi].start < s.start) pi += 1;
    while (ci < cues.length && cues[ci] < s.start) ci += 1;
    if (ci >= cues.length || cues[ci] >= s.end) continue;
    const slots = partySlots(pi, s.start, s.end);
    if (writer)
      for (const w of writerWordsIn(ctx.cable, s.start, s.end))
        if (!slots.some((x) => w.start < x.end && w.end > x.start))
          slots.push({
            party:
              writer.kind === 'person'
                ? { ...writer, name: writer.name ?? writer.text, text: text.slice(w.start, w.end), ...w }
                : writer,
            ...w,
          });
    // "The Minister told the Ambassador …": the one person the cable named with that title
    for (const t of bareTitlesIn(text, s.start, s.end, roles, ctx.post)) {
      if (slots.some((x) => t.start < x.end && t.end > x.start)) continue;
      const p = t.holder.person;
      slots.push({
        party: {
          kind: 'person',
          text: t.text,
          start: t.start,
          end: t.end,
          name: p.name ?? p.text,
          ...(p.entityId ? { entityId: p.entityId } : {}),
        },
        start: t.start,
        end: t.end,
      });
    }
    const pronoun = subjectPronounIn(ctx, si, slots, titleStarts);
    if (pronoun) slots.push(pronoun);
    slots.sort((a, b) => a.start - b.start);
    observe?.(si, slots);
    const their = theirMeeting(ctx, si, slots, titleStarts);
    if (slots.length < 1 || (slots.length < 2 && !their && !PRONOUN_CUE.test(text.slice(s.start, s.end)))) continue;
    const read = [...pairsIn(text, s.start, slots, titleStarts), ...(their ? [their] : [])];
    // a pronoun for someone named before ("Putin and Lavrov told him", "his conversation with the Ambassador"), where
    // the forms above did not already pair the two
    if (PRONOUN_CUE.test(text.slice(s.start, s.end)))
      for (const [a, b, form] of pronounPairs(ctx, si, slots, titleStarts, slotsIn))
        if (
          !read.some(
            ([x, y]) =>
              (sameParty(x.party, a.party) && sameParty(y.party, b.party)) ||
              (sameParty(x.party, b.party) && sameParty(y.party, a.party)),
          )
        )
          read.push([a, b, form]);
    const pairs = withGroupPairs(text, s, slots, read);
    if (pairs.length === 0) continue;
    const ev = evidenceOf(ctx, s.start)!;
    for (const [a, b, form, listStart] of pairs) {
      if (sameParty(a.party, b.party)) continue;
      // a call the sentence says was by phone, before the pair or right after it ("X told Y by telephone"), is no meeting
      if (byPhone(text, s.start, Math.min(s.end, Math.max(a.end, b.end) + 25))) continue;
      // the date written nearest the pair ("In a December 16 meeting with the Ambassador, X …", "X told the Ambassador on April 4")
      // (a list's members share the date written before the list: "On 22 February 2009, A, B and C were met by …")
      const from = Math.max(s.start, Math.min(a.start, b.start, listStart ?? Infinity) - 90);
      // else a date the sentence gives with "on" after the pair ("… Deputy Governor Zamani, …, and others on September 10")
      // a meeting phrase right after the pair dates it before any date written earlier in the sentence ("<a clause
      // on the May 6 election>, X told the Ambassador in a February 16 meeting")
      const pairEnd = Math.max(a.end, b.end);
      const written =
        meetingDateIn(text.slice(pairEnd, Math.min(s.end, pairEnd + 45)), ctx.date) ??
        dateIn(text.slice(from, Math.min(s.end, Math.max(a.end, b.end) + 45)), ctx.date) ??
        onDateIn(text.slice(Math.max(a.end, b.end), s.end), ctx.date) ??
        meetingDateIn(text.slice(s.start, Math.min(a.start, b.start)), ctx.date);
      const meeting: Meeting = {
        a: a.party,
        b: b.party,
        dateSource: written ? 'text' : 'cable',
        form,
        paragraph: ev.paragraph,
        evidence: ev.evidence,
      };
      const date = written ?? ctx.date;
      if (date) meeting.date = date;
      if (meeting.paragraph === undefined) delete meeting.paragraph;
      out.push(meeting);
    }
  }
  // the meeting the subject line names ("AMBASSADOR'S MEETING WITH FM MORATINOS"), its officer by function
  out.push(...subjectMeetings(ctx, officerParty));
  // others present at the meeting told before ("X also attended the meeting")
  const isUs = (p: Party): boolean =>
    p.kind === 'officer' ||
    officerRole(p.text) !== undefined ||
    [...holders.values()].some((h) => h.name === p.name) ||
    roles.some((r) => r.country === 'United States' && (r.person.name ?? r.person.text) === (p.name ?? p.text));
  out.push(...attendeeMeetings(ctx, out, roles, isUs));
  // those who speak at the table of the cable's first meeting ("Interior Minister Atmar said …")
  out.push(...speakerMeetings(ctx, out, roles, isUs));
  return out;
}

/**
 * The adjacent forms' pairs, less those whose object owns the title of the one met ("met with FM Kouchner's
 * Counselor"), with the list-shaped meetings' pairs (groups.ts) added once each.
 */
function withGroupPairs(
  text: string,
  s: { start: number; end: number },
  slots: Slot[],
  pairs: Array<[Slot, Slot, string]>,
): Array<[Slot, Slot, string, number?]> {
  const out: Array<[Slot, Slot, string, number?]> = pairs.filter(
    ([, b]) => !(b.party.kind === 'person' && /^['’]s\s/.test(text.slice(b.end, b.end + 3))),
  );
  const seen = new Set(out.map(([a, b]) => `${a.start}|${b.start}`));
  for (const [a, b, form, listStart] of [
    ...groupPairs(text, s.start, s.end, slots),
    ...betweenPairs(text, s.start, slots),
  ]) {
    if (seen.has(`${a.start}|${b.start}`) || seen.has(`${b.start}|${a.start}`)) continue;
    seen.add(`${a.start}|${b.start}`);
    out.push([a, b, form, listStart]);
  }
  return out;
}

/**
 * The sentence's subject pronoun before a meeting verb ("He told Jobim …", "After researching the issue, he told
 * us …"), as the person it stands for: the subject of the nearest earlier sentence of the paragraph that has one.
 * Only where no party is written before it in the sentence (else "X said he told Y" is X's own form).
 */
function subjectPronounIn(
  ctx: RelationContext,
  si: number,
  slots: Slot[],
  titleStarts: Map<number, number>,
): Slot | undefined {
  const text = ctx.cable.text;
  const s = ctx.sentences[si];
  const sentence = text.slice(s.start, s.end);
  SUBJECT_PRONOUN.lastIndex = 0;
  const p = SUBJECT_PRONOUN.exec(sentence);
  if (!p) return undefined;
  const at = s.start + p.index;
  if (slots.some((x) => x.start < at)) return undefined;
  const lead = sentence.slice(0, p.index);
  if (!PRONOUN_LEAD.test(lead) && !/^[^⟦;:"“”]{0,120},\s*$/.test(lead)) return undefined;
  const subject = subjectBefore(ctx, si, titleStarts);
  if (!subject) return undefined;
  return { party: { kind: 'person', ...ctx.personRef(subject) }, start: at, end: at + p[0].length };
}

/** "in their (recent) meeting", not "their meeting with X" (a side of its own) nor one still to come. */
const THEIR_MEETING =
  /\btheir\s+(?:(?:recent|last|earlier|previous|first|latest|brief|long|lengthy|private|[A-Z][a-z]+\s+\d{1,2},?)\s+)*(?:meeting|conversation|discussion|talks|lunch|dinner)\b(?!\s+with\b)/;
const STILL_TO_COME = /\b(?:will|would|shall|likely|plans?\s+to|expects?\s+to|hopes?\s+to|upcoming|next|planned)\b/;

/**
 * "Patriota said that … A/S Valenzuela had agreed in their meeting the previous week", "He said he was encouraged by
 * X's openness in their recent meeting": the sentence's subject (a name that opens it, or its subject pronoun) and
 * the one named last before "their".
 */
function theirMeeting(
  ctx: RelationContext,
  si: number,
  slots: Slot[],
  titleStarts: Map<number, number>,
): [Slot, Slot, string] | undefined {
  const text = ctx.cable.text;
  const s = ctx.sentences[si];
  const sentence = text.slice(s.start, s.end);
  const m = THEIR_MEETING.exec(sentence);
  if (!m) return undefined;
  const at = s.start + m.index;
  if (STILL_TO_COME.test(sentence.slice(0, m.index)) || futureAfter(text, at + m[0].length)) return undefined;
  const before = slots.filter((x) => x.end <= at);
  const other = before[before.length - 1];
  if (!other || other.party.kind !== 'person') return undefined;
  let subject: Slot | undefined;
  const first = before[0];
  const lead = text.slice(s.start, titleStarts.get(first.start) ?? first.start);
  if (
    first !== other &&
    LEAD_WITH_CONNECTIVE.test(lead) &&
    /^\s*(?:also\s+)?(?:said|noted|told|explained|added|stated|was|is)\b/.test(text.slice(first.end, first.end + 20))
  )
    subject = first;
  else if (
    first === other &&
    /^(?:\d+\.\s*)?(?:\([A-Z/ ]+\)\s*)?(?:He|She)\s+(?:also\s+)?(?:said|noted|added|explained|stated)\b/.test(sentence)
  ) {
    const person = subjectBefore(ctx, si, titleStarts);
    const p = /\b(?:He|She)\b/.exec(sentence)!;
    if (person)
      subject = {
        party: { kind: 'person', ...ctx.personRef(person) },
        start: s.start + p.index,
        end: s.start + p.index + p[0].length,
      };
  }
  if (!subject || subject === other) return undefined;
  const subjectEnd = subject.end;
  // the text between the two holds no third party
  if (
    slots.some(
      (x) =>
        x.start > subjectEnd &&
        x.end < other.start &&
        x.party.kind === 'person' &&
        !/^['’]s/.test(text.slice(x.end, x.end + 2)),
    )
  )
    return undefined;
  return [subject, other, 'their-meeting'];
}

/** Before a sentence's subject: the paragraph mark, "Summary:", a connective ("However,", "Later"), a title. */
const LEAD_WITH_CONNECTIVE =
  /^(?:\d+\.\s*)?(?:\([A-Z/ ]+\)\s*)?(?:(?:Summary|Comment)\s*:\s*)?(?:(?:But|And|However|Also|Later|Separately|Meanwhile|Privately|Still)\s*,?\s+)?(?:the\s+)?(?:(?:[A-Z][\w.'’/&-]*|of|for|and|the)\s+){0,8}$/;
/** A sentence whose subject is the embassy's own officer or voice: a later "he" may be that officer, not a named person. */
const OFFICER_SUBJECT =
  /^(?:\d+\.\s*)?(?:\([A-Z/ ]+\)\s*)?(?:(?:But|And|However|Also|Later)\s*,?\s+)?(?:the\s+)?(?:Ambassador|Amb\.|DCM|Charg|CDA|Pol(?:off|Couns|couns)|Econ(?:off|Couns|couns)|Emboff|Conoff|RSO|DATT|We|I|They)\b/;
/** A sentence whose subject is a pronoun carries the earlier subject on. */
const PRONOUN_SUBJECT = /^(?:\d+\.\s*)?(?:\([A-Z/ ]+\)\s*)?(?:(?:But|And|However|Also|Later)\s*,?\s+)?(?:He|She)\b/;

/** The person the nearest earlier sentence of the same paragraph has as its subject; none when that sentence's subject is someone else or unnamed. */
function subjectBefore(ctx: RelationContext, si: number, titleStarts: Map<number, number>): Mention | undefined {
  const text = ctx.cable.text;
  const paragraph = ctx.sentences[si].paragraph;
  if (paragraph === undefined) return undefined;
  for (let k = si - 1; k >= 0 && si - k <= 4; k -= 1) {
    const s = ctx.sentences[k];
    if (s.paragraph !== paragraph) return undefined;
    const first = firstPersonIn(ctx.persons, s.start, s.end);
    const lead = text.slice(s.start, first ? (titleStarts.get(first.start) ?? first.start) : s.end);
    if (OFFICER_SUBJECT.test(lead)) return undefined;
    // a pronoun subject carries the earlier one on; a comment or note aside is the embassy's, not the story's
    if (!first || PRONOUN_SUBJECT.test(lead) || /^\(?(?:Comment|Note|End\s+(?:comment|note))\b/i.test(lead)) continue;
    if (REDACTED.test(first.text) || !LEAD_WITH_CONNECTIVE.test(lead)) return undefined;
    // "Jobim's candid comments …": a possessive is not the subject
    if (/^['’]s?\b/.test(text.slice(first.end, first.end + 2))) return undefined;
    return first;
  }
  return undefined;
}

/** Index of the first mention (sorted by start) that starts at or after `offset`; the length when none does. */
function firstStartingFrom(persons: Mention[], offset: number): number {
  let lo = 0;
  let hi = persons.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (persons[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first person mention inside [start, end) of the sorted mentions. */
function firstPersonIn(persons: Mention[], start: number, end: number): Mention | undefined {
  const k = firstStartingFrom(persons, start);
  return k < persons.length && persons[k].start < end ? persons[k] : undefined;
}

/** The mentions (sorted by start) that start in [from, to]: a binary search, not a scan of the cable's mentions for each officer. */
function personsStartingIn(persons: Mention[], from: number, to: number): Mention[] {
  const out: Mention[] = [];
  for (let k = firstStartingFrom(persons, from); k < persons.length && persons[k].start <= to; k += 1)
    out.push(persons[k]);
  return out;
}

/** Officers written by function in [start, end), outside person names and not owned by another country ("the French Ambassador"). */
function officersIn(
  text: string,
  start: number,
  end: number,
  slots: Slot[],
  persons: Mention[],
): Array<{ text: string; start: number; end: number }> {
  const out = [];
  // search the sentence alone: a search from `start` in the whole text would scan to its end for every sentence
  const sentence = text.slice(start, end);
  OFFICER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OFFICER_RE.exec(sentence))) {
    const s = start + m.index;
    const e = s + m[0].length;
    if (slots.some((x) => s < x.end && e > x.start)) continue;
    // "Ambassador Stapleton": the named person is the party
    const next = text.slice(e, e + 3);
    if (
      personsStartingIn(persons, e, e + 2).some((p) => !text.slice(e, p.start).includes(',')) ||
      (/^\s+[A-Z][a-z]/.test(next) &&
        !/^\s+(?:and|said|told|met|asked|noted|The|In|On|January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(
          text.slice(e, e + 12),
        ))
    )
      continue;
    // owned by another country or organization: "the French Ambassador", "Iraq's Ambassador", "UN Ambassador"
    const prev = text.slice(Math.max(start, s - 25), s);
    if (
      /(?:[A-Z][a-z]+(?:an|ese|ish|i|ic|ch)|['’]s|[A-Z]{2,})\s+$/.test(prev) &&
      !/\b(?:U\.S\.|US|American|Embassy|Mission)\s+$/.test(prev)
    )
      continue;
    if (/^charg/i.test(m[0]) && /\bin\s+$/i.test(text.slice(Math.max(start, s - 4), s))) continue; // "in charge of"
    // "Ambassador to Iraq", "the Ambassador in Baghdad" (not "told the Ambassador in a February 16 meeting")
    if (/\bambassador|amb\./i.test(m[0]) && AMBASSADOR_ELSEWHERE.test(text.slice(e, e + 40))) continue;
    out.push({ text: m[0].replace(/\s+/g, ' '), start: s, end: e });
  }
  // offices outside the list ("Science Counselor"), a US agency's ("DHS-ICE Attache", "PRT officers") and the cable's own "us"
  for (const re of [GENERIC_OFFICER_RE, AGENCY_RE, US_RE]) {
    re.lastIndex = 0;
    while ((m = re.exec(sentence))) {
      const word = re === US_RE ? m[1] : m[0];
      const s = start + m.index + m[0].length - word.length;
      const e = s + word.length;
      if (slots.some((x) => s < x.end && e > x.start) || out.some((x) => s < x.end && e > x.start)) continue;
      if (re !== US_RE) {
        // a named officer ("Officer Renato Leonardi", "Desk Officer, Wiebke Wacker") or another country's is a title, not the post's officer
        if (personsStartingIn(persons, e, e + 3).length > 0) continue;
        if (/^\s+[A-Z][a-z]/.test(text.slice(e, e + 3))) continue;
        const prev = text.slice(Math.max(start, s - 25), s);
        if (
          /(?:[A-Z][a-z]+(?:an|ese|ish|i|ic|ch)|['’]s|[A-Z]{2,}|[A-Z][a-z]+)\s+$/.test(prev) &&
          !/\b(?:U\.S\.|US|American|Embassy|Mission|the|The|and|with|by|to)\s+$/.test(prev)
        )
          continue;
        const first = word.split(/\s+/)[0];
        if (
          countryOf(first) !== undefined ||
          (/^(?:Desk|Embassy|Consular|Foreign|Chief|Senior|Liaison|Police|Military|Army|Press)$/.test(first) &&
            !/^Embassy\s+Officer/.test(word))
        )
          continue;
      }
      out.push({ text: word.replace(/\s+/g, ' '), start: s, end: e });
    }
  }
  return out;
}

/** The pairs that meeting forms join among the parties of one sentence. */
function pairsIn(
  text: string,
  sentenceStart: number,
  slots: Slot[],
  titleStarts: Map<number, number>,
): Array<[Slot, Slot, string]> {
  const out: Array<[Slot, Slot, string]> = [];
  for (let i = 0; i < slots.length; i += 1) {
    const a = slots[i];
    // coordinated objects: "met with X and Y", "met X, Y and Z"
    const objectsFrom = (j: number): Slot[] => {
      const objs = [slots[j]];
      let prevEnd = slots[j].end;
      for (let k = j + 1; k < slots.length; k += 1) {
        // ("Renan Calheiros (Senate President) and Aldo Rebelo": the member's own title in parentheses)
        const gap = text
          .slice(prevEnd, slots[k].start)
          .replace(SHORT_FORM, '')
          .replace(/^\s*\((?!(?:Ref|Reftel|Septel|Protect|Strictly)\b)[A-Z][^()⟦]{1,40}\)(?=\s*(?:,|and\s))/, '');
        // "A (MBZ) and B": the short form tagged in parentheses is A again
        if (/^\s*\($/.test(gap) && text[slots[k].end] === ')') {
          prevEnd = slots[k].end + 1;
          continue;
        }
        // "Amorim and Lula's foreign policy advisor, Marco Aurelio Garcia": the owner stands in the list for the one it
        // names (the owner's own pair is dropped), up to that one's title
        const owned =
          objs[objs.length - 1] === slots[k - 1] &&
          slots[k - 1].party.kind === 'person' &&
          slots[k].party.kind === 'person' &&
          // (the title ends the gap: a comma or a capitalized word, not "Villepin's cabinet in charge")
          /^['’]s\s+[^⟦.;:,]{0,60}?(?:,|[A-Z][\w.'’/-]*)\s$/.test(gap) &&
          !/\b(?:said|told|met|who|which|that)\b/.test(gap);
        // "met with A and B, and also had highly productive discussions with Justice Minister C": the same subject's list
        const moreMet =
          gap.includes(' with ') &&
          /^,?\s+and\s+(?:also\s+)?(?:had|held)\s+(?:[\w-]+\s+){0,3}(?:meetings|discussions|conversations|talks)\s+with\s+(?:[^⟦.;:,]{0,40}?\s)?$/.test(
            gap,
          );
        if (
          owned ||
          moreMet ||
          (/^(?:,\s*(?:and\s+)?|\s+and\s+)(?:[^⟦.;:,]{0,60}?\s)?$/.test(gap) &&
            // ("… meeting with Gueant and for several press leaks involving Aziz": a new phrase, not one more met;
            // "… meeting with Chancellor Merkel, according to UK DCM Hitchens": the source, who was not there)
            !/\b(?:said|told|met|who|involving|regarding|concerning|according)\b|\band\s+(?:for|about|on|over)\s/.test(
              gap,
            ))
        ) {
          objs.push(slots[k]);
          prevEnd = slots[k].end;
        } else break;
      }
      return objs;
    };
    // coordinated subjects: "X, Y, and Poloff met with Z"
    const subjectsTo = (j: number): Slot[] => {
      const subs = [slots[j]];
      for (let k = j - 1; k >= 0; k -= 1) {
        const gap = text.slice(slots[k].end, slots[k + 1].start);
        if (
          /^(?:,\s*(?:and\s+)?|\s+and\s+)(?:[^.;:,]{0,60}?\s)?$/.test(gap) &&
          // ("raising the request with President Lula, adding he knew that A/S Shannon had raised …": a new clause)
          !/\b(?:said|told|met|who|with|that|which|he|she|they|knew|adding|noting)\b/.test(gap)
        )
          subs.unshift(slots[k]);
        else break;
      }
      return subs;
    };
    // "The Ambassador, accompanied by PolCouns (notetaker) met with X": one who only accompanies is no subject of "met"
    // (the first development set pairs those who accompany a message conveyed: "X, accompanied by Econoff, conveyed …")
    // "X and Y, accompanied by the Ambassador and Staff Director Z, met with W", "The group, joined by A, B and C, met
    // with W": a run of subjects that a comma-led "accompanied/joined by" opens holds only those who accompany, to the end
    const metSubjectsTo = (j: number): Slot[] => {
      const subs = subjectsTo(j);
      // (the phrase may open before the run: "Jones, joined by U/S Tauscher, Defense U/S for Acquisitions, Technology and
      // Logistics Carter, and …": the commas of a title end the run, not the phrase)
      const first = COMPANIONS_BEFORE.test(text.slice(sentenceStart, subs[0].start))
        ? 0
        : subs.findIndex((x) => COMPANIONS_LEAD.test(leadOf(slots.indexOf(x))));
      return (first < 0 ? subs : subs.slice(0, first)).filter(
        (x, n, kept) =>
          n === 0 || !/\baccompanied\s+by\s+(?:[^⟦.;:,]{0,40}?\s)?$/.test(text.slice(kept[n - 1].end, x.start)),
      );
    };
    // the text before slot j from its sentence's start or the party before it
    const leadOf = (j: number): string => text.slice(j === 0 ? sentenceStart : slots[j - 1].end, slots[j].start);
    // the subject of the clause after an opening phrase that ends with `last`: after a comma, only its title
    // between, a verb right after it ("…, Senior Civilian Representative (SCR) for the South Frank Ruggiero underscored")
    const subjectAfter = (last: Slot): Slot | undefined => {
      let next = slots.indexOf(last) + 1;
      // the short form in parentheses after the last one met is that person
      if (next < slots.length && text[slots[next].start - 1] === '(' && text[slots[next].end] === ')') next += 1;
      const subj = slots[next];
      if (!subj) return undefined;
      const gap = text.slice(last.end, titleStarts.get(subj.start) ?? subj.start);
      return TO_SUBJECT.test(gap) && !CLAUSE_WORD.test(gap) && SUBJECT_VERB.test(text.slice(subj.end, subj.end + 40))
        ? subj
        : undefined;
    };
    // the slot opens its clause: "Both X and Y have told …", "On NATO, X and Y discussed …" (not "related to X and Y, Z told us")
    const opensClause = (j: number): boolean =>
      CLAUSE_LEAD.test(text.slice(sentenceStart, titleStarts.get(slots[j].start) ?? slots[j].start)) &&
      slots.slice(0, j).every((x) => x.end <= sentenceStart);
    // "X and Y told Z": the subject before "and" when it opens the clause, else the one subject
    const jointSubjects = (j: number): Slot[] =>
      j > 0 &&
      /^\s+and\s+(?:[^⟦.;:,]{0,60}?\s)?$/.test(
        text.slice(slots[j - 1].end, titleStarts.get(slots[j].start) ?? slots[j].start),
      ) &&
      !/\b(?:said|told|met|who|with)\b/.test(leadOf(j)) &&
      opensClause(j - 1)
        ? [slots[j - 1], slots[j]]
        : [slots[j]];
    const b = slots[i + 1];
    if (b) {
      // the object's own title is not part of the verb phrase: "briefed MRE Environment Division Director X"
      const objectStart = Math.max(a.end, Math.min(b.start, titleStarts.get(b.start) ?? b.start));
      // (an adverb set off by commas is no apposition: "X, met, separately, with A and B", "X, however, told Y")
      const gap = text
        .slice(a.end, objectStart)
        .replace(/\s+/g, ' ')
        .replace(HONORIFIC_DOT, '$1')
        .replace(COMMA_ADVERB, ' ')
        .replace(/^,\s*(?=(?:also\s+|separately\s+|later\s+|then\s+)?met\b)/, ' ');
      // a party's own apposition between it and the verb: "X, the MFA's desk officer, told …"
      const split = /^(,[^.;:]{0,80},|\s*\([^()]{0,40}\))?(.*)$/s.exec(gap)!;
      const rest = split[2];
      let verbGap = (LINKING.test(split[1] ?? '') ? rest : gap).replace(/^,\s*/, ' ').replace(LEADING_DATE, '');
      // a longer apposition holding an office, closed or not: "X, Head of Middle East, CIS and Energy at HM Treasury told Econoff"
      const long = LONG_APPOSITION.exec(gap);
      if (
        long &&
        !APPOSITION_CLAUSE.test(long[1]) &&
        long[1].split(/[\s,]+/).some((w) => isTitleWordForm(w.replace(/['’]s$/, '')))
      )
        verbGap = gap.slice(long[0].length);
      const org = ORG_PHRASE.exec(gap);
      if (org) verbGap = gap.slice(org[0].length);
      // "Bakir Izetbegovic, who is a friend of Silajdzic, has suggested to us": a party inside a relative clause is not
      // the subject of the verb after the clause
      if (/^\s*,/.test(gap) && /,\s*(?:who|whose|which)\b[^,]*$/.test(leadOf(i))) verbGap = '';
      // "X and various of those present told Y", "X and others have told us": the others are no party
      const others = AND_OTHERS.exec(verbGap);
      if (others) verbGap = verbGap.slice(others[0].length);
      if (VERB_MET.test(verbGap))
        for (const s of metSubjectsTo(i)) for (const o of objectsFrom(i + 1)) out.push([s, o, 'met']);
      else if (VERB_CALLED.test(verbGap) || PAID_CALL.test(verbGap)) {
        // "called on Chancellor Merkel to start …" urges, it is no visit
        if (!(/\bcalled\s+on\s/.test(verbGap) && /^\s+to\s+["“'‘]?[a-z]/.test(text.slice(b.end, b.end + 14))))
          for (const s of subjectsTo(i)) for (const o of objectsFrom(i + 1)) out.push([s, o, 'called-on']);
      } else if (VERB_TOLD.test(verbGap))
        for (const s of jointSubjects(i)) for (const o of objectsFrom(i + 1)) out.push([s, o, 'told']);
      else if (VERB_ASKED.test(verbGap) && ASKED_ABOUT.test(text.slice(b.end, b.end + 20)))
        for (const s of jointSubjects(i)) out.push([s, b, 'asked']);
      else if (POSSESSIVE_MEETING.test(gap) && !NOT_YET.test(gap) && !futureAfter(text, b.end))
        for (const s of subjectsTo(i)) for (const o of objectsFrom(i + 1)) out.push([s, o, 'meeting-with']);
      else if (SAID_MET.test(verbGap)) for (const o of objectsFrom(i + 1)) out.push([a, o, 'met']);
      else if (SAID_TOLD.test(verbGap)) for (const o of objectsFrom(i + 1)) out.push([a, o, 'told']);
      else if (HAD_MEETING.test(verbGap)) for (const o of objectsFrom(i + 1)) out.push([a, o, 'meeting-with']);
      else if (HAD_WITH.test(verbGap)) {
        const subs = subjectsTo(i);
        if (MEETING_BEFORE_HAD.test(text.slice(sentenceStart, subs[0].start)))
          for (const s of subs) for (const o of objectsFrom(i + 1)) out.push([s, o, 'meeting-with']);
      } else if (SAID_BEFORE.test(verbGap) && TOLD_HIM.test(text.slice(b.end, b.end + 40))) out.push([b, a, 'told']);
      else if (VERB_GAVE.test(verbGap)) {
        const objs = objectsFrom(i + 1);
        const last = objs[objs.length - 1];
        // "Bourita, Director General … and Chief of Staff to Foreign Minister X, offered …": the one whose apposition names X
        const owned = i > 0 && /\b(?:to|of|for)\s+(?:[A-Z][^\s]*\s+){0,4}$/.test(leadOf(i));
        const inApposition =
          owned && /^,[^⟦.;:]{0,160}$/.test(leadOf(i)) && !/\b(?:said|told|who|which|that)\b/.test(leadOf(i));
        const subjects = owned ? (inApposition ? [slots[i - 1]] : []) : subjectsTo(i);
        if (A_READOUT.test(text.slice(last.end, last.end + 50)))
          for (const s of subjects) for (const o of objs) out.push([s, o, 'readout']);
      } else if (VERB_JOINED.test(verbGap)) {
        const objs = objectsFrom(i + 1);
        const last = objs[objs.length - 1];
        if (JOINED_FOR.test(text.slice(last.end, last.end + 80)))
          for (const s of subjectsTo(i)) for (const o of objs) out.push([s, o, 'met']);
      }
      // "X and Y met"
      const c = slots[i + 2];
      if (
        /^\s+and\s+$/.test(gap) &&
        (!c || c.start > b.end) &&
        /^\s*(?:also\s+)?met(?:\s+(?:on|in|at)\s+[^,.;]{0,30}?)?\s*(?:[.,;]|$)/.test(text.slice(b.end, b.end + 50))
      )
        out.push([a, b, 'met']);
      // "The Ambassador and X discussed Y" (not "In separate meetings, both X and Y discussed …")
      else if (
        /^\s+and\s+$/.test(gap) &&
        opensClause(i) &&
        !/\bseparate/i.test(text.slice(sentenceStart, a.start)) &&
        (!c || c.start > b.end) &&
        /^\s*(?:also\s+|then\s+|later\s+)?(?:discussed|talked\s+about|reviewed)\s/.test(text.slice(b.end, b.end + 30))
      )
        out.push([a, b, 'discussed']);
    }
    // "a readout provided by Trinidad Jimenez' Chief of Staff X to the DCM": the giver (not a possessive owner) and the one given to
    const byLead = text.slice(i === 0 ? sentenceStart : slots[i - 1].end, a.start);
    if (byLead.lastIndexOf(' by ') >= byLead.length - 70 && READOUT_BY.test(byLead)) {
      let g = i;
      while (g + 1 < slots.length && /^['’]s?\s/.test(text.slice(slots[g].end, slots[g].end + 3))) g += 1;
      const giver = slots[g];
      const to = slots[g + 1];
      if (
        giver.party.kind === 'person' &&
        to &&
        /^\s+to\s+(?:the\s+)?(?:[A-Z][^\s]*\s+){0,6}$/.test(
          text.slice(giver.end, Math.max(giver.end, Math.min(to.start, titleStarts.get(to.start) ?? to.start))),
        )
      )
        out.push([giver, to, 'readout']);
    }
    // "Petraeus, accompanied by Ambassador Wood and CENTCOM staff, met with President Karzai": the one accompanied and those met
    if (b && slots[i + 2] && /^\s*,\s*(?:who\s+was\s+)?accompanied\s+by\s/.test(text.slice(a.end, a.end + 40))) {
      for (let k = i + 2; k < Math.min(slots.length, i + 6); k += 1) {
        const c = slots[k];
        const cStart = Math.max(slots[k - 1].end, titleStarts.get(c.start) ?? c.start);
        if (ACCOMPANIED_MET.test(text.slice(a.end, cStart).replace(/\s+/g, ' '))) {
          for (const o of objectsFrom(k)) out.push([a, o, 'met']);
          break;
        }
      }
    }
    // "delivered reftel demarche on … Benazir Bhutto to Saudi FM X": the people of the topic skipped, up to the recipient
    if (b && slots[i + 2] && TOPIC_VERB.test(text.slice(a.end, a.end + 30)) && !out.some(([s]) => s === a)) {
      for (let k = i + 2; k < Math.min(slots.length, i + 4); k += 1) {
        const c = slots[k];
        const cStart = Math.max(slots[k - 1].end, titleStarts.get(c.start) ?? c.start);
        if (!TOPIC_THEN_TO.test(text.slice(a.end, cStart).replace(/\s+/g, ' '))) continue;
        // each one skipped stands in the topic (after "on", "of", "about", "regarding"), the recipient after the last
        const topic = text.slice(a.end, slots[i + 1].start);
        const tail = text.slice(slots[k - 1].end, cStart);
        if (
          // (or names a thing: "discussed the Cassirer claim with X")
          (/\b(?:on|of|about|regarding|concerning|over)\b/.test(topic.replace(/^\s*\S+/, '')) ||
            /^(?:['’]s)?\s+[a-z]/.test(text.slice(slots[i + 1].end, slots[i + 1].end + 4))) &&
          // "discussed … with", "delivered … to"; no second verb ("had discussed … in a speech … and presented … to Xi")
          (/^\s*(?:had\s+)?(?:also\s+)?discussed\b/.test(text.slice(a.end, a.end + 30))
            ? /\swith\s/.test(tail)
            : /\sto\s/.test(tail)) &&
          !/\b(?:said|told|who|which|that|and\s+(?:then\s+|also\s+)?[a-z]+ed)\b/.test(
            text.slice(a.end, cStart).replace(/^\s*(?:had\s+)?(?:also\s+)?\S+/, ''),
          )
        )
          out.push([a, c, 'delivered']);
        break;
      }
    }
    // "In a meeting with Poloff, X said …": the meeting's other side is the sentence's other party
    const lead = text.slice(i === 0 ? sentenceStart : slots[i - 1].end, a.start).replace(/\s+/g, ' ');
    if (i === 0 && HOSTED_BY.test(lead) && SENTENCE_OPENING.test(lead.slice(0, HOSTED_BY.exec(lead)!.index).trim())) {
      const subj = subjectAfter(a);
      if (subj) out.push([subj, a, 'hosted']);
    } else if (MEETING_WITH.test(lead) || CALL_ON_LEAD.test(lead)) {
      const others = slots.filter((x) => x !== a && (x.start > a.end || x.end < a.start));
      // the one other party is the meeting's other side, unless it is one of those met ("including Chavez and FM
      // Maduro") or the owner of something ("Foreign Secretary Miliband's speech")
      const lone =
        others.length === 1 &&
        !(
          objectsFrom(i).includes(others[0]) &&
          /\band\s/.test(text.slice(a.end, titleStarts.get(others[0].start) ?? others[0].start))
        ) &&
        !(others[0].party.kind === 'person' && /^['’]s?\s/.test(text.slice(others[0].end, others[0].end + 3))) &&
        // a withheld name between them is the one who met ("Hu Jintao could be compared … xxxxx, used the same analogy in a May 18 meeting with PolOffs")
        !/x{4,}/i.test(text.slice(Math.min(a.end, others[0].end), Math.max(a.start, others[0].start)));
      const m = (MEETING_WITH.exec(lead) ?? CALL_ON_LEAD.exec(lead))!;
      // "AF prefers not to include his staff in meetings with Embassy officials": meetings without an article,
      // inside a clause, are the habit, not one meeting
      const habitual = /^(?:in|at)\s+meetings\s/i.test(m[0]) && !SENTENCE_OPENING.test(lead.slice(0, m.index).trim());
      if (habitual) {
        // (nothing: no one meeting)
      } else if (lone) out.push([others[0], a, 'meeting-with']);
      else if (others.length === 1) {
        // (nothing: the one other party is not the other side)
      } else if (i === 0 && SENTENCE_OPENING.test(lead.slice(0, m.index).trim())) {
        // "In meetings with A and B, C remained …": each one met with the clause's subject after the phrase (the
        // list of those met may run on to it: it ends at the first comma)
        const listed = objectsFrom(i);
        let k = 1;
        while (k < listed.length && !/^[^⟦.;:]{0,40}?,/.test(text.slice(listed[k - 1].end, listed[k].start))) k += 1;
        const objs = listed.slice(0, k);
        const subj = subjectAfter(objs[objs.length - 1]);
        if (subj) for (const o of objs) out.push([subj, o, 'meeting-with']);
      } else if (i > 0) {
        // "Abiyev was now determined to move forward after a lengthy meeting with FM Mammadyarov": the clause's subject
        if (m.index <= 60 && !/[,;(]|\b(?:said|told|that|who|which)\b|\bx{4,}/i.test(lead.slice(0, m.index)))
          for (const o of objectsFrom(i)) out.push([slots[i - 1], o, 'meeting-with']);
      }
    }
  }
  return out;
}

/** The words after a meeting's last party say it is still to come ("… with Y will take place", "… is scheduled for"). */
function futureAfter(text: string, from: number): boolean {
  return /^[^⟦.;:,]{0,40}?\b(?:will|would|is\s+(?:scheduled|planned|expected)|are\s+(?:scheduled|planned|expected))\b/.test(
    text.slice(from, from + 60),
  );
}

/** The normalized function of an officer as written ("the Poloffs" → Poloff). */
function officerRole(written: string): string | undefined {
  const bare = written.replace(/^the\s+/i, '').replace(/\s+/g, ' ');
  const known = OFFICERS.find(([re]) => re.test(bare))?.[1];
  // "embassy political officer": the office after "embassy" names the officer (Poloff), as it would alone
  if (known === 'Embassy Officer') {
    const office = bare.replace(/^embassy\s+/i, '');
    return OFFICERS.find(([re]) => re.test(office))?.[1] ?? known;
  }
  if (known) return known;
  const agency = AGENCY_OFFICER.exec(bare);
  if (agency) return `${agency[1]} ${/^attach/i.test(agency[2]) ? 'Attache' : 'Officer'}`;
  // "Peshawar Principal Officer": the consulate's head, its city aside
  if (/^[A-Z][a-z]+\s+Principal\s+Officer$/.test(bare)) return 'Principal Officer';
  // a capitalized office outside the list, as written ("Science Counselor")
  return /^(?:[A-Z][a-z]+(?:\/[A-Z][a-z]+)?\s+){1,2}(?:Counselor|Counsellor|Attache|Officer)$/.test(bare)
    ? bare.replace(/Counsellor$/, 'Counselor')
    : undefined;
}

function sameParty(a: Party, b: Party): boolean {
  if (a.kind === 'officer' && b.kind === 'officer') return a.role === b.role;
  if (a.kind === 'person' && b.kind === 'person')
    return (
      (a.entityId ?? a.name ?? a.text) === (b.entityId ?? b.name ?? b.text) ||
      a.text.split(/\s+/).pop() === b.text.split(/\s+/).pop()
    );
  return false;
}

/** Who holds the post's offices, where the cable says: the Classified By line ("Ambassador Craig Stapleton") and roles read at the post. */
function officerHolders(ctx: RelationContext, roles: Role[]): Map<string, { name: string; entityId?: string }> {
  const out = new Map<string, { name: string; entityId?: string }>();
  const cb = ctx.cable.classifiedBy;
  if (cb?.name && cb.title) {
    const t = cb.title.replace(/^(?:the\s+)?(?:U\.S\.\s+)?/i, '');
    // (an acting officer holds the office: "Acting Deputy Chief of Mission X" is the cable's DCM)
    const found = officerRole(t) ?? classifiedByTitle(cb.title)?.title;
    const hit =
      (found ? ([/x/, found] as [RegExp, string]) : undefined) ??
      (/political\s+(?:minister[\s-]+)?counsel+or/i.test(t)
        ? ([/x/, 'Political Counselor'] as [RegExp, string])
        : undefined);
    if (hit) out.set(hit[1], { name: cb.name });
  }
  for (const r of roles) {
    if (r.organization === ctx.post && r.country === 'United States' && !r.former && !out.has(r.title)) {
      out.set(r.title, {
        name: r.person.name ?? r.person.text,
        ...(r.person.entityId ? { entityId: r.person.entityId } : {}),
      });
    }
  }
  return out;
}
