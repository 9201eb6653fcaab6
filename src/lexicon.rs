//! Word lists: the built-in general-English lexicon, and a user lexicon file
//! that adds story knowledge (aliases, loaded terms) without touching code.
//!
//! Everything built in is general English: reporting verbs, negation and
//! denial cues, hedges, modal words, framing markers, loaded labels, titles,
//! antonym groups ("concepts" with two poles) and presupposition triggers.
//! No list names a particular story's people, places or outlets; those come
//! from the texts themselves or from a user lexicon.
//!
//! # User lexicon file
//!
//! A UTF-8 text file, one entry per line, `kind: value`. Blank lines and
//! lines starting with `#` are ignored.
//!
//! ```text
//! # names of one referent, separated by `|`
//! alias: Tessa Bridge | Old Span | the span
//! # extra loaded labels, distancing and endorsing markers, denial cues, hedges
//! loaded: rioters
//! distancing: self-appointed
//! endorsing: documented
//! denial: fabricated
//! hedge: rumoured
//! # a reporting verb (base form)
//! reporting: grumble
//! # an antonym group: words of one pole | words of the other
//! antonyms: flooded, submerged | dry
//! ```
//!
//! ```
//! let lex = claimgraph::Lexicon::parse("my.lex", "alias: Old Span | Tessa Bridge\nloaded: rioters\n").unwrap();
//! assert_eq!(lex.aliases().len(), 1);
//! let err = claimgraph::Lexicon::parse("my.lex", "alias Old Span").unwrap_err();
//! assert_eq!(err.to_string(), "my.lex:1: invalid lexicon entry: expected `kind: value`, found `alias Old Span`");
//! ```

use std::path::Path;

use foldhash::HashSet;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::text::{normalize, stem};
use compact_str::CompactString;

/// How a reporting cue relates the speaker to what is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CueClass {
    /// "said", "told", "stated", "according to".
    Say,
    /// The outlet keeps its distance: "claimed", "alleged", "purported".
    Distancing,
    /// The outlet vouches for the content: "revealed", "confirmed", "showed".
    Endorsing,
    /// The speaker asserts the content is false: "denied", "rejected", "dismissed".
    Denial,
    /// The speaker blames someone: "accused", "blamed", "condemned".
    Accusation,
    /// The speaker asks for something: "urged", "called on", "demanded".
    Directive,
    /// The speaker holds, wants, intends or judges something rather than
    /// saying it: "wants", "plans", "supports", "praised", "questioned".
    /// Only [`Analyzer::attributions`](crate::Analyzer::attributions) gives
    /// this class; claims are attributed by the other cues alone.
    Attitude,
}

impl CueClass {
    /// The class's name, as in the JSON output: `say`, `distancing`,
    /// `endorsing`, `denial`, `accusation`, `directive` or `attitude`.
    ///
    /// ```
    /// assert_eq!(claimgraph::lexicon::CueClass::Attitude.as_str(), "attitude");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            CueClass::Say => "say",
            CueClass::Distancing => "distancing",
            CueClass::Endorsing => "endorsing",
            CueClass::Denial => "denial",
            CueClass::Accusation => "accusation",
            CueClass::Directive => "directive",
            CueClass::Attitude => "attitude",
        }
    }
}

/// The two poles of a concept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pole {
    /// The first pole (e.g. "blocked").
    A,
    /// The opposite pole (e.g. "open").
    B,
}

impl Pole {
    /// The other pole.
    pub fn flip(self) -> Pole {
        match self {
            Pole::A => Pole::B,
            Pole::B => Pole::A,
        }
    }
}

/// What a concept describes, which decides how claims about it are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConceptKind {
    /// A state of a named thing or of the story's topic (blocked / open,
    /// detained / free, dead / alive): claims about the same referent compare.
    State,
    /// An event acting on something (signed / rejected, started / ended):
    /// claims compare only when they act on the same thing.
    Event,
    /// An evaluation (legal / illegal, peaceful / violent): a label, left to
    /// the framing analysis rather than compared as fact.
    Evaluative,
}

/// A built-in concept: a state with two opposite poles, each expressed by
/// several words, matched by stem.
#[derive(Clone, Debug)]
pub struct Concept {
    /// Stable id, e.g. `closure`.
    pub id: String,
    /// How claims about it compare.
    pub kind: ConceptKind,
    /// Whether the concept is a state of people (detained, dead): its
    /// themes are people, never places, and unnamed people are one group.
    pub of_people: bool,
    /// Label of pole A, e.g. "blocked".
    pub a_label: String,
    /// Label of pole B, e.g. "open".
    pub b_label: String,
    /// Words of pole A.
    pub a: Vec<String>,
    /// Words of pole B.
    pub b: Vec<String>,
    /// Words of pole B that describe movement through something; a count of
    /// movers ("980 vehicles passed") then stands against pole A.
    pub movement: Vec<String>,
}

/// What a matched phrase means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A reporting verb of the given class.
    Cue(CueClass),
    /// A negation cue.
    Negation,
    /// A hedge ("reportedly", "apparently").
    Hedge,
    /// A modal or other non-factual marker ("would", "may", "if").
    Modal,
    /// A framing marker that distances the outlet from a term ("so-called").
    Distancing,
    /// A framing marker that endorses ("revealed", "in fact").
    Endorsing,
    /// A word calling something false ("false", "baseless", "fabricated").
    Falsity,
    /// A loaded label ("regime", "terrorists").
    Loaded,
    /// One pole of a concept (index into [`Lexicon::concepts`]).
    Pole {
        /// The concept's index.
        concept: usize,
        /// Which pole.
        pole: Pole,
        /// Whether the word describes movement (see [`Concept::movement`]).
        movement: bool,
    },
    /// A presupposition trigger: using it presupposes the concept was at `pole`.
    Presupposes {
        /// The concept's index.
        concept: usize,
        /// The presupposed pole.
        pole: Pole,
        /// Stems one of which the clause must contain for the trigger to
        /// apply (empty: always). "restore" presupposes a cut supply only
        /// when a supply is named ("restore water deliveries", not
        /// "restore order").
        requires: &'static [&'static str],
    },
    /// A personal or official title ("President", "spokeswoman").
    Title,
    /// A word that makes a name an organisation ("Ministry", "Court").
    OrgHead,
    /// An unnamed source ("officials", "witnesses").
    UnnamedSource,
}

pub(crate) const SAY: &[&str] = &[
    "say",
    "tell",
    "state",
    "add",
    "note",
    "report",
    "announce",
    "explain",
    "write",
    "mention",
    "remark",
    "comment",
    "declare",
    "respond",
    "reply",
    "tweet",
    "post",
    "testify",
    "stress",
    "emphasize",
    "emphasise",
    "underline",
    "underscore",
    "point out",
    "warn",
    "argue",
    "insist",
    "maintain",
    "contend",
    "suggest",
    "indicate",
    "recall",
    "predict",
    "estimate",
    "describe",
    "quote",
    "cite",
    "observe",
    "assure",
    "inform",
    "brief",
    "tell reporters",
    "reiterate",
    "affirm",
    "reaffirm",
    "clarify",
    "specify",
    "complain",
    "concede",
    "acknowledge",
    "admit",
    "hint",
    "speculate",
    "believe",
    "think",
    "fear",
    "hope",
    "expect",
    "promise",
    "pledge",
    "vow",
    "threaten",
    "assert",
    "consider",
    "noted",
    "recount",
    "conclude",
    "express",
];
/// Verbs of belief, wish, intent, evaluation and stance that attribute a
/// position to someone without reporting speech ("X wants Y", "X supports
/// Y", "X praised Y"), matched by stem; see [`CueClass::Attitude`]. General
/// English; the reporting verbs above are not repeated.
pub(crate) const ATTITUDE_CUES: &[&str] = &[
    "want",
    "wish",
    "plan",
    "intend",
    "seek",
    "propose",
    "support",
    "oppose",
    "endorse",
    "favor",
    "favour",
    "prefer",
    "praise",
    "welcome",
    "thank",
    "applaud",
    "commend",
    "hail",
    "laud",
    "tout",
    "blast",
    "knock",
    "question",
    "doubt",
    "wonder",
    "worry",
    "recognize",
    "recognise",
    "view",
    "regard",
    "decline",
    "refuse",
    "vote",
    "agree",
    "disagree",
    "anticipate",
    "assume",
    "suspect",
    "feel",
    "know",
    "realize",
    "realise",
    "remember",
    "imagine",
    "suppose",
    "reckon",
    "swear",
    "recommend",
    "advise",
    "advocate",
    "champion",
    "defend",
    "mock",
    "ridicule",
    "lament",
    "regret",
    "apologize",
    "apologise",
    "boast",
    "brag",
    "signal",
    "rebuke",
    "scold",
    "fault",
    "portray",
    "depict",
    "characterize",
    "characterise",
    "label",
    "brand",
    "dub",
    "embrace",
    "caution",
    "repeat",
    "echo",
    "refer",
    "speak",
    "shout",
    "exclaim",
    "crow",
    "bemoan",
    "interject",
    "muse",
    "mull",
    "debate",
    "highlight",
    "interpret",
    "invoke",
    "trumpet",
    "trust",
    "approve",
    "answer",
    "address",
    "detail",
    "publish",
    "appear",
    "seem",
    "offer",
    "present",
    "discuss",
    "joke",
    "quip",
    "back",
    // Judging someone or something harshly.
    "deride",
    "disparage",
    "belittle",
    "berate",
    "chide",
    "admonish",
    "upbraid",
    "reprimand",
    "censure",
    "excoriate",
    "eviscerate",
    "assail",
    "bash",
    "pillory",
    "vilify",
    "demonize",
    "demonise",
    "denigrate",
    "scorn",
    "taunt",
    "chastise",
    "skewer",
    "deplore",
    "snub",
    "disinvite",
    "spurn",
    "hammer",
    // Judging well of someone or something.
    "extol",
    "salute",
    "congratulate",
    "compliment",
    "acclaim",
    "celebrate",
    "admire",
    "credit",
    // Holding a view, a feeling or a doubt.
    "deem",
    "presume",
    "surmise",
    "calculate",
    "theorize",
    "theorise",
    "posit",
    "distrust",
    "mistrust",
    "dislike",
    "despise",
    "detest",
    "loathe",
    "resent",
    "dread",
    "fret",
    "grumble",
    "gripe",
    "moan",
    "groan",
    "sigh",
    "marvel",
    "rejoice",
    // Saying, in a manner or a medium.
    "retort",
    "counter",
    "proclaim",
    "opine",
    "aver",
    "insinuate",
    "imply",
    "concur",
    "protest",
    "plead",
    "beg",
    "exhort",
    "confess",
    "divulge",
    "retract",
    "retweet",
    "chant",
    "yell",
    "scream",
    "whisper",
    "mutter",
    "outline",
    "foresee",
    "envision",
    "envisage",
    // Striving and persuading.
    "strive",
    "aspire",
    "yearn",
    "persuade",
    "convince",
    "dissuade",
    "reassure",
    "veto",
    "attribute",
];
/// Nouns that attribute speech, a position or a feeling ("Lund's
/// allegations of …", "fears of a downturn", "his remarks about …"), with
/// the class of the verb they come from. General English, singular and
/// plural; a noun is a cue only before what it attributes ("that", "of",
/// "about", "on", "over", "for", "to", a colon).
pub(crate) const NOMINAL_CUES: &[(&str, CueClass)] = &[
    ("allegation", CueClass::Distancing),
    ("allegations", CueClass::Distancing),
    ("claim", CueClass::Distancing),
    ("claims", CueClass::Distancing),
    ("accusation", CueClass::Accusation),
    ("accusations", CueClass::Accusation),
    ("criticism", CueClass::Accusation),
    ("criticisms", CueClass::Accusation),
    ("condemnation", CueClass::Accusation),
    ("announcement", CueClass::Say),
    ("announcements", CueClass::Say),
    ("remarks", CueClass::Say),
    ("comments", CueClass::Say),
    ("statement", CueClass::Say),
    ("statements", CueClass::Say),
    ("news", CueClass::Say),
    ("rumor", CueClass::Say),
    ("rumors", CueClass::Say),
    ("rumour", CueClass::Say),
    ("rumours", CueClass::Say),
    ("speculation", CueClass::Say),
    ("warning", CueClass::Say),
    ("warnings", CueClass::Say),
    ("assurance", CueClass::Say),
    ("assurances", CueClass::Say),
    ("admission", CueClass::Say),
    ("complaint", CueClass::Say),
    ("complaints", CueClass::Say),
    ("suggestion", CueClass::Say),
    ("suggestions", CueClass::Say),
    ("promise", CueClass::Say),
    ("promises", CueClass::Say),
    ("pledge", CueClass::Say),
    ("pledges", CueClass::Say),
    ("denial", CueClass::Denial),
    ("denials", CueClass::Denial),
    ("refusal", CueClass::Denial),
    ("rejection", CueClass::Denial),
    ("demand", CueClass::Directive),
    ("demands", CueClass::Directive),
    ("request", CueClass::Directive),
    ("requests", CueClass::Directive),
    ("fear", CueClass::Attitude),
    ("fears", CueClass::Attitude),
    ("worry", CueClass::Attitude),
    ("worries", CueClass::Attitude),
    ("concern", CueClass::Attitude),
    ("concerns", CueClass::Attitude),
    ("hope", CueClass::Attitude),
    ("hopes", CueClass::Attitude),
    ("belief", CueClass::Attitude),
    ("beliefs", CueClass::Attitude),
    ("enthusiasm", CueClass::Attitude),
    ("praise", CueClass::Attitude),
    ("endorsement", CueClass::Attitude),
    ("endorsements", CueClass::Attitude),
    ("opposition", CueClass::Attitude),
    ("proposal", CueClass::Attitude),
    ("proposals", CueClass::Attitude),
    ("plan", CueClass::Attitude),
    ("plans", CueClass::Attitude),
    ("questions", CueClass::Attitude),
    ("indictment", CueClass::Accusation),
    ("indictments", CueClass::Accusation),
    ("encouragement", CueClass::Attitude),
    ("assumption", CueClass::Attitude),
    ("assumptions", CueClass::Attitude),
];
/// Light verbs that, with a noun of speech or attitude after them, make a
/// cue of the phrase ("made little mention of", "took note of",
/// "expressed concerns about", "issued a statement"); verb forms, matched
/// as written.
pub(crate) const LIGHT_VERBS: &[&str] = &[
    "make",
    "makes",
    "made",
    "making",
    "take",
    "takes",
    "took",
    "taken",
    "taking",
    "express",
    "expresses",
    "expressed",
    "expressing",
    "voice",
    "voices",
    "voiced",
    "voicing",
    "raise",
    "raises",
    "raised",
    "raising",
    "issue",
    "issues",
    "issued",
    "issuing",
    "give",
    "gives",
    "gave",
    "given",
    "giving",
    "draw",
    "draws",
    "drew",
    "drawn",
    "drawing",
    "offer",
    "offers",
    "offered",
    "offering",
    "lodge",
    "lodged",
    "file",
    "filed",
    "release",
    "releases",
    "released",
    "releasing",
    "pose",
    "poses",
    "posed",
    "posing",
    "deliver",
    "delivers",
    "delivered",
    "delivering",
    "send",
    "sends",
    "sent",
    "sending",
];
/// The nouns of [`LIGHT_VERBS`] phrases.
pub(crate) const LIGHT_NOUNS: &[&str] = &[
    "mention",
    "comment",
    "comments",
    "remark",
    "remarks",
    "reference",
    "case",
    "point",
    "claim",
    "claims",
    "statement",
    "statements",
    "note",
    "aim",
    "issue",
    "concern",
    "concerns",
    "support",
    "doubt",
    "doubts",
    "question",
    "questions",
    "hope",
    "hopes",
    "warning",
    "warnings",
    "opposition",
    "regret",
    "criticism",
    "praise",
    "confidence",
    "credit",
    "blame",
    "objection",
    "objections",
    "plea",
    "promise",
    "pledge",
    "vow",
    "argument",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "announcement",
    "apology",
    "defense",
    "defence",
    "endorsement",
    "complaint",
    "complaints",
    "assurance",
    "assurances",
    "denial",
    "message",
    "messages",
    "signal",
    "signals",
    "speech",
    "appeal",
    "decision",
];
const DISTANCING_CUES: &[&str] = &["claim", "allege", "purport", "profess", "pretend"];
const ENDORSING_CUES: &[&str] = &[
    "reveal",
    "confirm",
    "show",
    "prove",
    "demonstrate",
    "disclose",
    "establish",
    "expose",
    "verify",
    "find",
];
const DENIAL_CUES: &[&str] = &[
    "deny",
    "reject",
    "dismiss",
    "refute",
    "rebut",
    "dispute",
    "disavow",
    "repudiate",
    "contradict",
    "debunk",
    "brush aside",
    "play down",
    "downplay",
];
const ACCUSATION_CUES: &[&str] = &[
    "accuse",
    "blame",
    "charge",
    "condemn",
    "criticize",
    "criticise",
    "denounce",
    "decry",
    "slam",
    "lambast",
    "castigate",
    "attack",
    "call out",
];
const DIRECTIVE_CUES: &[&str] = &[
    "urge",
    "call on",
    "call upon",
    "call for",
    "demand",
    "ask",
    "appeal",
    "press",
    "implore",
    "request",
    "order",
    "instruct",
    "direct",
    "command",
    "compel",
    "require",
];

const NEGATION: &[&str] = &[
    "not",
    "n't",
    "never",
    "no",
    "no one",
    "none",
    "nobody",
    "nothing",
    "neither",
    "nor",
    "without",
    "cannot",
    "no longer",
    "not yet",
    "fail to",
    "failed to",
    "refuse to",
    "refused to",
];
const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "apparently",
    "purportedly",
    "supposedly",
    "possibly",
    "probably",
    "likely",
    "unlikely",
    "perhaps",
    "maybe",
    "seemingly",
    "unconfirmed",
    "unverified",
    "is said to",
    "are said to",
    "was said to",
    "were said to",
    "is believed to",
    "are believed to",
    "appears to",
    "appear to",
    "seems to",
    "seem to",
    "is thought to",
    "rumoured",
    "rumored",
];
const MODALS: &[&str] = &[
    "would",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "will",
    "if",
    "whether",
    "unless",
    "plan to",
    "intend to",
];
const DISTANCING_MARKERS: &[&str] = &[
    "so-called",
    "self-styled",
    "self-proclaimed",
    "self-described",
    "self-declared",
    "alleged",
    "purported",
    "supposed",
    "claiming to be",
    "claim to be",
    "claims to be",
    "calling themselves",
    "call themselves",
    "calls itself",
    "calling itself",
    "identified themselves as",
    "identify themselves as",
    "describe themselves as",
    "described themselves as",
    "portrayed as",
    "branded as",
    "labelled as",
    "labeled as",
    "dubbed",
    "interpreted as",
    "biasedly",
    "presented as",
    "passed off as",
];
const ENDORSING_MARKERS: &[&str] =
    &["in fact", "indeed", "undeniably", "undoubtedly", "clearly", "evidently", "it is clear", "proven"];
const FALSITY: &[&str] = &[
    "false",
    "untrue",
    "baseless",
    "groundless",
    "unfounded",
    "fabricated",
    "fabrication",
    "fake",
    "hoax",
    "myth",
    "bogus",
    "misleading",
    "disinformation",
    "misinformation",
    "lie",
    "lies",
    "nonsense",
    "incorrect",
    "inaccurate",
    "contrary to reports",
    "no evidence",
    "without evidence",
    "without offering proof",
];
const LOADED: &[&str] = &[
    "regime",
    "terrorist",
    "terrorists",
    "terrorism",
    "militants",
    "militant",
    "occupation",
    "occupied",
    "occupier",
    "occupiers",
    "aggression",
    "aggressor",
    "invasion",
    "invaders",
    "genocide",
    "ethnic cleansing",
    "massacre",
    "atrocity",
    "atrocities",
    "puppet",
    "junta",
    "thugs",
    "rioters",
    "mob",
    "propaganda",
    "provocation",
    "provocations",
    "illegal",
    "illegally",
    "criminal",
    "inhumane",
    "brutal",
    "barbaric",
    "heroic",
    "martyr",
    "martyrs",
    "liberated",
    "liberation",
    "separatist",
    "separatists",
    "insurgents",
    "freedom fighters",
    "extremists",
    "extremist",
    "radicals",
    "radical",
    "fascist",
    "fascists",
    "nazi",
    "bandits",
    "mercenaries",
    "hostage",
    "hostages",
    "siege",
    "so-called",
    "ominous",
    "disastrous",
    "absurd",
    "biasedly",
    "bloody",
    "forcibly",
    "zealots",
    "fanatics",
    "cronies",
    "henchmen",
];
/// Loaded labels and the neutral words outlets use instead for the same
/// people or things: (loaded, neutral alternatives).
pub const LOADED_PAIRS: &[(&str, &[&str])] = &[
    ("rioter", &["protester", "demonstrator", "farmer", "activist", "protestor"]),
    ("mob", &["crowd", "protester", "demonstrator"]),
    ("thug", &["protester", "supporter", "demonstrator"]),
    ("terrorist", &["militant", "fighter", "gunman", "insurgent", "rebel"]),
    ("regime", &["government", "administration", "authorities"]),
    ("junta", &["government", "military government", "military leaders"]),
    ("separatist", &["rebel", "independence supporter", "fighter"]),
    ("extremist", &["activist", "campaigner", "protester"]),
];

const TITLES: &[&str] = &[
    "president",
    "vice president",
    "prime minister",
    "minister",
    "foreign minister",
    "deputy",
    "secretary",
    "secretary of state",
    "secretary-general",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "chancellor",
    "governor",
    "mayor",
    "senator",
    "sen.",
    "representative",
    "rep.",
    "congressman",
    "congresswoman",
    "general",
    "gen.",
    "colonel",
    "col.",
    "lt.",
    "lieutenant",
    "commander",
    "chief",
    "director",
    "head",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "pope",
    "judge",
    "justice",
    "prosecutor",
    "attorney",
    "mr.",
    "mrs.",
    "ms.",
    "mr",
    "mrs",
    "ms",
    "dr.",
    "dr",
    "prof.",
    "professor",
    "analyst",
    "expert",
    "official",
    "envoy",
    "premier",
    "lawmaker",
    "mp",
    "officer",
    "sgt.",
    "sergeant",
    "captain",
    "capt.",
    "admiral",
    "rev.",
    "reverend",
    "ombudsman",
    "counterpart",
    "adviser",
    "advisor",
    "aide",
    "correspondent",
    "reporter",
    "editor",
    "economist",
    "researcher",
    "commissioner",
    "inspector",
    "manager",
    "founder",
    "owner",
    "resident",
    "mother",
    "father",
    "witness",
    "member",
    "speaker",
    "councillor",
    "councilor",
];
const ORG_HEADS: &[&str] = &[
    "ministry",
    "department",
    "office",
    "court",
    "committee",
    "council",
    "union",
    "service",
    "agency",
    "company",
    "corporation",
    "corp.",
    "inc.",
    "ltd.",
    "front",
    "party",
    "army",
    "forces",
    "government",
    "organization",
    "organisation",
    "commission",
    "bank",
    "fund",
    "institute",
    "university",
    "association",
    "federation",
    "alliance",
    "network",
    "group",
    "parliament",
    "assembly",
    "senate",
    "congress",
    "police",
    "guard",
    "embassy",
    "mission",
    "contingent",
    "authority",
    "authorities",
    "administration",
    "cabinet",
    "board",
    "bureau",
    "center",
    "centre",
    "foundation",
    "society",
    "cross",
    "crescent",
    "news",
    "times",
    "gazette",
    "post",
    "tribune",
    "herald",
    "tv",
    "radio",
    "channel",
    "daily",
    "press",
    "journal",
    "review",
    "observer",
    "monitor",
    "wire",
    "broadcaster",
    "nations",
    "command",
    "navy",
    "secretariat",
    "team",
    "club",
    "movement",
    "coalition",
    "trust",
    "council",
    "tribunal",
    "commission",
    "directorate",
    "inspectorate",
];
const UNNAMED: &[&str] = &[
    "officials",
    "official",
    "sources",
    "source",
    "witnesses",
    "witness",
    "residents",
    "reports",
    "experts",
    "analysts",
    "observers",
    "critics",
    "diplomats",
    "insiders",
    "people familiar",
    "a spokesperson",
    "a spokesman",
    "a spokeswoman",
    "the side",
    "side",
    "media",
    "media outlets",
    "local media",
    "activists",
    "protesters",
    "authorities",
    "government",
    "the government",
    "the ministry",
    "police",
    "the statement",
    "statement",
    "observers",
    "campaigners",
    "rescuers",
    "doctors",
    "medics",
    "locals",
    "survivors",
    "politician",
    "lawmaker",
    "deputy",
    "legislator",
    "diplomat",
    "analyst",
    "expert",
    "observer",
    "activist",
    "protester",
    "resident",
    "worker",
    "leader",
    "minister",
    "member",
    "campaigner",
    "critic",
    "supporter",
    "opponent",
    "relative",
    "family",
    "doctor",
    "nurse",
    "medic",
    "rescuer",
    "firefighter",
    "soldier",
    "troops",
    "officer",
    "investigator",
    "prosecutor",
    "scientist",
    "researcher",
    "economist",
    "organiser",
    "organizer",
    "farmer",
    "local",
    "survivor",
    "victim",
    "employee",
    "staff",
    "student",
    "teacher",
    "journalist",
    "reporter",
    "editor",
    "agent",
    "lawyer",
    "neighbour",
    "neighbor",
    "spokespeople",
    "insider",
    "negotiator",
    "mediator",
];

/// Built-in concepts: id, pole A label, pole B label, A words, B words, movement words (B).
/// A built-in concept row: id, pole A label, pole B label, A words, B words, movement words.
type ConceptRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

const CONCEPTS: &[ConceptRow] = &[
    (
        "closure",
        "blocked",
        "open",
        &[
            "block",
            "blockade",
            "blockage",
            "close",
            "closure",
            "shut",
            "shutdown",
            "shut down",
            "seal",
            "seal off",
            "cut off",
            "obstruct",
            "obstruction",
            "hinder",
            "impede",
            "barricade",
            "besiege",
            "halt traffic",
            "close off",
            "lock down",
            "lockdown",
        ],
        &[
            "open",
            "unimpeded",
            "passable",
            "accessible",
            "pass",
            "pass through",
            "travel",
            "cross",
            "transit",
            "move",
            "drive",
            "operate",
            "operating",
            "function normally",
            "run normally",
            "use freely",
            "allow passage",
            "reachable",
        ],
        &["pass", "pass through", "travel", "cross", "transit", "move", "drive", "use freely"],
    ),
    (
        "custody",
        "detained",
        "free",
        &[
            "detain",
            "detention",
            "arrest",
            "jail",
            "imprison",
            "custody",
            "abduct",
            "kidnap",
            "captive",
            "captivity",
            "take away",
            "take into custody",
            "round up",
        ],
        &["release", "free", "freed", "let go", "acquit"],
        &[],
    ),
    (
        "life",
        "dead",
        "alive",
        &["die", "kill", "dead", "death", "perish", "fatal", "fatally"],
        &["alive", "survive", "survivor", "unharmed", "uninjured", "unhurt"],
        &[],
    ),
    (
        "consent",
        "agreed",
        "rejected",
        &["agree", "accept", "approve", "endorse", "ratify", "sign"],
        &["reject", "refuse", "decline", "veto", "oppose", "turn down"],
        &[],
    ),
    (
        "direction",
        "rose",
        "fell",
        &["rise", "increase", "grow", "climb", "surge", "soar", "jump", "gain", "expand"],
        &["fall", "decrease", "decline", "drop", "shrink", "plunge", "plummet", "slump", "contract"],
        &[],
    ),
    (
        "supply",
        "cut",
        "maintained",
        &[
            "cut",
            "reduce",
            "curtail",
            "slash",
            "halve",
            "interrupt",
            "interruption",
            "suspend",
            "withhold",
            "ration",
            "cut off",
        ],
        &["continue", "maintain", "uninterrupted"],
        &[],
    ),
    (
        "outcome",
        "won",
        "lost",
        &["win", "victory", "triumph", "succeed", "success"],
        &["lose", "defeat", "fail", "failure"],
        &[],
    ),
    (
        "legality",
        "legal",
        "illegal",
        &["legal", "lawful", "legitimate"],
        &["illegal", "unlawful", "illegitimate", "illicit"],
        &[],
    ),
    (
        "violence",
        "peaceful",
        "violent",
        &["peaceful", "nonviolent", "calm"],
        &["violent", "riot", "clash", "unrest"],
        &[],
    ),
    (
        "truth",
        "true",
        "false",
        &["true", "accurate", "correct"],
        &["false", "untrue", "inaccurate", "incorrect", "wrong"],
        &[],
    ),
    (
        "presence",
        "present",
        "absent",
        &["present", "presence", "deploy", "station"],
        &["absent", "absence", "withdraw", "withdrawal", "pull out"],
        &[],
    ),
    (
        "guilt",
        "guilty",
        "innocent",
        &["guilty", "convict", "culpable"],
        &["innocent", "acquit", "exonerate"],
        &[],
    ),
    ("arrival", "arrived", "left", &["arrive", "enter", "reach"], &["depart", "leave", "exit"], &[]),
    (
        "start",
        "started",
        "ended",
        &["start", "begin", "launch", "commence", "resume"],
        &["end", "stop", "halt", "cease", "finish", "suspend"],
        &[],
    ),
];

/// Presupposition triggers: phrase, concept id, presupposed pole.
/// Stems of people who can be held, for the "release" trigger ("release of
/// the detained farmers", not "water releases").
const HELD: &[&str] = &[
    "detain",
    "prison",
    "prisoner",
    "hostag",
    "captiv",
    "suspect",
    "protest",
    "protestor",
    "farmer",
    "activist",
    "journalist",
    "peopl",
    "person",
    "worker",
    "civilian",
    "student",
    "soldier",
    "member",
    "leader",
    "arrest",
    "man",
    "men",
    "women",
    "woman",
    "child",
    "children",
    "citizen",
    "crew",
    "sailor",
    "resid",
    "opposit",
    "dissid",
];

/// Stems of things supplied, for the "restore" trigger.
const SUPPLIED: &[&str] = &[
    "water", "suppli", "deliveri", "releas", "power", "electr", "electric", "gas", "fuel", "food", "aid",
    "flow", "servic", "internet", "fund", "payment", "ration",
];

/// Presupposition triggers: phrase, concept id, presupposed pole, required stems.
const PRESUPPOSITIONS: &[(&str, &str, Pole, &[&str])] = &[
    ("reopen", "closure", Pole::A, &[]),
    ("reopening", "closure", Pole::A, &[]),
    ("unblock", "closure", Pole::A, &[]),
    ("unblocking", "closure", Pole::A, &[]),
    ("lift the blockade", "closure", Pole::A, &[]),
    ("end the blockade", "closure", Pole::A, &[]),
    ("end to the blockade", "closure", Pole::A, &[]),
    ("lift the siege", "closure", Pole::A, &[]),
    ("release", "custody", Pole::A, HELD),
    ("freed", "custody", Pole::A, HELD),
    ("restore", "supply", Pole::A, SUPPLIED),
    ("resume", "start", Pole::B, &[]),
    ("restart", "start", Pole::B, &[]),
    ("revive", "life", Pole::A, &[]),
];

/// A compiled lexicon: the built-in lists plus any user entries.
///
/// Phrases are matched on stems, so "blocked", "blocking" and "blocks" all
/// match the entry "block".
#[derive(Clone, Debug)]
pub struct Lexicon {
    /// First stem -> phrases starting with it: (stems, words, entry).
    /// Asked for every token, most of which it stops by the shapes of its
    /// keys before a hash lookup.
    phrases: crate::text::ShapedMap<String, Vec<Phrase>>,
    concepts: Vec<Concept>,
    aliases: Vec<Vec<String>>,
    functional: HashSet<&'static str>,
    max_phrase: usize,
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::builtin()
    }
}

/// A lexicon phrase: its words, their stems, and what it means.
#[derive(Clone, Debug)]
struct Phrase {
    stems: Vec<String>,
    words: Vec<String>,
    entry: Entry,
}

fn words_of(phrase: &str) -> Vec<String> {
    crate::text::tokenize(phrase, 0)
        .into_iter()
        .filter(|t| t.kind != crate::text::TokenKind::Punct || t.norm == "-")
        .map(|t| t.norm.into())
        .collect()
}

#[cfg(test)]
fn stems_of(phrase: &str) -> Vec<String> {
    words_of(phrase).iter().map(|w| stem(w)).collect()
}

/// Whether `token` is `base` or one of its inflections: plural or third
/// person "-s"/"-es"/"-ies", past "-d"/"-ed"/"-ied", "-ing" (with a dropped
/// "e" or a doubled consonant), or an irregular form ("said" of "say").
/// Derived words are not inflections: "operations" is not a form of
/// "operate", nor "indications" of "indicate".
pub fn inflects(token: &str, base: &str) -> bool {
    if token == base {
        return true;
    }
    if let Some(lemma) = crate::text::irregular(token)
        && (lemma == base || lemma == stem(base))
    {
        return true;
    }
    let Some(rest) = token.strip_prefix(base) else {
        // "-e" dropped: close -> closing; "-y" to "-i": deny -> denied, denies.
        if let Some(b) = base.strip_suffix('e')
            && let Some(r) = token.strip_prefix(b)
        {
            return matches!(r, "ing" | "ed");
        }
        if let Some(b) = base.strip_suffix('y')
            && !b.ends_with(['a', 'e', 'i', 'o', 'u'])
            && let Some(r) = token.strip_prefix(b)
        {
            return matches!(r, "ies" | "ied");
        }
        return false;
    };
    if matches!(rest, "s" | "es" | "d" | "ed" | "ing" | "'s") {
        return true;
    }
    // Doubled final consonant: ban -> banned, stop -> stopping.
    let last = base.chars().last();
    if let Some(c) = last
        && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'w' | 'x' | 'y')
        && let Some(r) = rest.strip_prefix(c)
    {
        return matches!(r, "ed" | "ing");
    }
    false
}

impl Lexicon {
    /// The built-in general-English lexicon.
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon {
            phrases: crate::text::ShapedMap::default(),
            concepts: Vec::new(),
            aliases: Vec::new(),
            functional: FUNCTION_WORDS.iter().copied().collect(),
            max_phrase: 1,
        };
        for (class, words) in [
            (CueClass::Say, SAY),
            (CueClass::Distancing, DISTANCING_CUES),
            (CueClass::Endorsing, ENDORSING_CUES),
            (CueClass::Denial, DENIAL_CUES),
            (CueClass::Accusation, ACCUSATION_CUES),
            (CueClass::Directive, DIRECTIVE_CUES),
        ] {
            for w in words {
                lex.add(w, Entry::Cue(class));
            }
        }
        for (entry, words) in [
            (Entry::Negation, NEGATION),
            (Entry::Hedge, HEDGES),
            (Entry::Modal, MODALS),
            (Entry::Distancing, DISTANCING_MARKERS),
            (Entry::Endorsing, ENDORSING_MARKERS),
            (Entry::Falsity, FALSITY),
            (Entry::Loaded, LOADED),
            (Entry::Title, TITLES),
            (Entry::OrgHead, ORG_HEADS),
            (Entry::UnnamedSource, UNNAMED),
        ] {
            for w in words {
                lex.add(w, entry.clone());
            }
        }
        for (id, a_label, b_label, a, b, movement) in CONCEPTS {
            let kind = match *id {
                "closure" | "custody" | "life" | "supply" => ConceptKind::State,
                "legality" | "violence" | "truth" => ConceptKind::Evaluative,
                _ => ConceptKind::Event,
            };
            lex.add_concept(Concept {
                id: id.to_string(),
                kind,
                of_people: matches!(*id, "custody" | "life"),
                a_label: a_label.to_string(),
                b_label: b_label.to_string(),
                a: a.iter().map(|s| s.to_string()).collect(),
                b: b.iter().map(|s| s.to_string()).collect(),
                movement: movement.iter().map(|s| s.to_string()).collect(),
            });
        }
        for (phrase, concept, pole, requires) in PRESUPPOSITIONS {
            let idx = lex.concepts.iter().position(|c| c.id == *concept).expect("built-in concept exists");
            lex.add(phrase, Entry::Presupposes { concept: idx, pole: *pole, requires });
        }
        lex
    }

    fn add(&mut self, phrase: &str, entry: Entry) {
        let words = words_of(phrase);
        let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
        let Some(first) = stems.first().cloned() else { return };
        self.max_phrase = self.max_phrase.max(stems.len());
        let list = self.phrases.entry(first).or_default();
        if !list.iter().any(|p| p.words == words && p.entry == entry) {
            list.push(Phrase { stems, words, entry });
        }
    }

    fn add_concept(&mut self, concept: Concept) {
        let idx = self.concepts.len();
        for w in &concept.a {
            self.add(w, Entry::Pole { concept: idx, pole: Pole::A, movement: false });
        }
        for w in &concept.b {
            let movement = concept.movement.contains(w);
            self.add(w, Entry::Pole { concept: idx, pole: Pole::B, movement });
        }
        self.concepts.push(concept);
    }

    /// Reads a user lexicon file and adds it to the built-in lexicon.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Lexicon> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => Error::NotFound { path: path.to_path_buf() },
            _ => Error::Io { path: path.to_path_buf(), source },
        })?;
        let origin = path.display().to_string();
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            let offset = e.valid_up_to();
            Error::InvalidUtf8 {
                origin: origin.clone(),
                offset,
                line: bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1,
            }
        })?;
        Lexicon::parse(&origin, text)
    }

    /// Parses user lexicon text (see the module docs for the format) and adds
    /// it to the built-in lexicon. `origin` names the source in errors.
    pub fn parse(origin: &str, text: &str) -> Result<Lexicon> {
        let mut lex = Lexicon::builtin();
        lex.extend(origin, text)?;
        Ok(lex)
    }

    /// Adds user lexicon text to this lexicon.
    pub fn extend(&mut self, origin: &str, text: &str) -> Result<()> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| Error::Lexicon { origin: origin.to_string(), line: i + 1, message };
            let Some((kind, value)) = line.split_once(':') else {
                return Err(err(format!("expected `kind: value`, found `{line}`")));
            };
            let (kind, value) = (kind.trim().to_ascii_lowercase(), value.trim());
            if value.is_empty() {
                return Err(err(format!("`{kind}` needs a value")));
            }
            let entry = match kind.as_str() {
                "alias" => {
                    let names: Vec<String> =
                        value.split('|').map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).collect();
                    if names.len() < 2 {
                        return Err(err("an alias line needs at least two names separated by `|`".into()));
                    }
                    self.aliases.push(names);
                    continue;
                }
                "antonyms" => {
                    let Some((a, b)) = value.split_once('|') else {
                        return Err(err("an antonyms line needs two poles separated by `|`".into()));
                    };
                    let words = |s: &str| -> Vec<String> {
                        s.split(',').map(|w| w.trim().to_string()).filter(|w| !w.is_empty()).collect()
                    };
                    let (a, b) = (words(a), words(b));
                    if a.is_empty() || b.is_empty() {
                        return Err(err("both poles of an antonyms line need at least one word".into()));
                    }
                    let id = format!("user-{}", self.concepts.len());
                    self.add_concept(Concept {
                        id,
                        kind: ConceptKind::State,
                        of_people: false,
                        a_label: a[0].clone(),
                        b_label: b[0].clone(),
                        a,
                        b,
                        movement: Vec::new(),
                    });
                    continue;
                }
                "loaded" => Entry::Loaded,
                "distancing" => Entry::Distancing,
                "endorsing" => Entry::Endorsing,
                "denial" => Entry::Falsity,
                "hedge" => Entry::Hedge,
                "reporting" => Entry::Cue(CueClass::Say),
                other => {
                    return Err(err(format!(
                        "unknown kind `{other}` (expected alias, antonyms, loaded, distancing, endorsing, denial, hedge or reporting)"
                    )));
                }
            };
            self.add(value, entry);
        }
        Ok(())
    }

    /// The concepts (antonym groups), built-in first.
    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    /// Alias groups from the user lexicon.
    pub fn aliases(&self) -> &[Vec<String>] {
        &self.aliases
    }

    /// Whether two words or short phrases are opposites: the two poles of a
    /// concept (built-in or from a user `antonyms:` line), or antonyms in
    /// WordNet, directly ("near" / "far") or through an adjective cluster
    /// ("giant" / "small"). Inflected forms count ("bought" / "sold").
    ///
    /// ```
    /// let lex = claimgraph::Lexicon::builtin();
    /// assert!(lex.are_antonyms("near", "far"));
    /// assert!(lex.are_antonyms("giant", "tiny"));
    /// assert!(!lex.are_antonyms("big", "large"));
    /// ```
    pub fn are_antonyms(&self, a: &str, b: &str) -> bool {
        let (a, b) = (normalize(a), normalize(b));
        let pole = |words: &[String], w: &str| words.iter().any(|x| inflects(w, x));
        self.concepts.iter().any(|c| (pole(&c.a, &a) && pole(&c.b, &b)) || (pole(&c.b, &a) && pole(&c.a, &b)))
            || crate::wordnet::get().antonyms(&a, &b)
    }

    /// Whether two words or short phrases mean the same: equal, named in one
    /// user alias group, or sharing a WordNet sense ("bought" / "purchased").
    ///
    /// ```
    /// let lex = claimgraph::Lexicon::builtin();
    /// assert!(lex.are_synonyms("car", "automobile"));
    /// assert!(!lex.are_synonyms("car", "boat"));
    /// ```
    pub fn are_synonyms(&self, a: &str, b: &str) -> bool {
        let (ka, kb) = (name_key(a), name_key(b));
        ka == kb
            || self.aliases.iter().any(|g| {
                let keys: Vec<String> = g.iter().map(|n| name_key(n)).collect();
                keys.contains(&ka) && keys.contains(&kb)
            })
            || crate::wordnet::get().synonyms(&ka, &kb)
    }

    /// If two nouns are different kinds of one specific thing, neither a kind
    /// of the other ("red" / "blue", "kitchen" / "bedroom"), the name of that
    /// thing from WordNet. Said of the same subject in the same sentence,
    /// they cannot both be true. Only the words' most frequent senses count:
    /// "harp" and "harmonica" are alternatives, though "harp" is also a rare
    /// name for a harmonica.
    ///
    /// ```
    /// let lex = claimgraph::Lexicon::builtin();
    /// assert!(lex.alternatives("kitchen", "bedroom").is_some());
    /// assert_eq!(lex.alternatives("dog", "animal"), None);
    /// ```
    pub fn alternatives(&self, a: &str, b: &str) -> Option<String> {
        if name_key(a) == name_key(b) {
            return None;
        }
        crate::wordnet::get().alternatives(&normalize(a), &normalize(b)).map(str::to_string)
    }

    /// Whether `norm` (a lowercased token) is a function word.
    pub fn is_function_word(&self, norm: &str) -> bool {
        self.functional.contains(norm)
    }

    /// Longest entry length, in tokens.
    pub fn max_phrase_len(&self) -> usize {
        self.max_phrase
    }

    /// Whether some entry's first word has the stem `stem` (a cheap test
    /// before [`Lexicon::lookup`]).
    pub fn starts_phrase(&self, stem: &str) -> bool {
        self.phrases_starting(stem).is_some()
    }

    /// The phrases whose first stem is `stem`. Inlined: left to itself the
    /// compiler made it a call, 11 million instructions more on the 1,012
    /// texts of BENCHMARKS.md (0.4%).
    #[inline]
    fn phrases_starting(&self, stem: &str) -> Option<&Vec<Phrase>> {
        self.phrases.get(stem)
    }

    /// All entries that match the tokens at the start of `norms` (lowercased
    /// tokens, with `stems` their stems), longest first. A token matches a
    /// lexicon word when it is that word or an inflection of it (see
    /// [`inflects`]). Returns `(length in tokens, entry)` pairs.
    pub fn lookup<S: AsRef<str>, T: AsRef<str>>(&self, norms: &[S], stems: &[T]) -> Vec<(usize, &Entry)> {
        let n = stems.len().min(norms.len());
        let mut out = Vec::new();
        self.lookup_into(&mut out, &stems[..n], |i| norms[i].as_ref());
        out
    }

    /// [`Lexicon::lookup`] appended to `out`, with the norms given by
    /// position: a caller whose first stem starts no phrase (nearly every
    /// word) pays one hash lookup and no allocation, and a caller that
    /// gathers the entries of many positions keeps them in one list.
    pub(crate) fn lookup_into<'l, 'a, T: AsRef<str>>(
        &'l self,
        out: &mut Vec<(usize, &'l Entry)>,
        stems: &[T],
        norm: impl Fn(usize) -> &'a str,
    ) {
        let Some(first) = stems.first() else { return };
        let Some(list) = self.phrases_starting(first.as_ref()) else { return };
        let from = out.len();
        out.extend(
            list.iter()
                .filter(|p| {
                    p.stems.len() <= stems.len()
                        && p.stems.iter().zip(stems).all(|(p, s)| p == s.as_ref())
                        && p.words.iter().enumerate().all(|(i, w)| inflects(norm(i), w))
                })
                .map(|p| (p.stems.len(), &p.entry)),
        );
        out[from..].sort_by_key(|&(n, _)| std::cmp::Reverse(n));
    }

    /// [`Lexicon::lookup`] for words given as text.
    pub fn lookup_words(&self, words: &[&str]) -> Vec<(usize, &Entry)> {
        let norms: Vec<String> = words.iter().map(|w| normalize(w)).collect();
        let stems: Vec<String> = norms.iter().map(|w| stem(w)).collect();
        self.lookup(&norms, &stems)
    }
}

/// Normalised key of a name, for alias tables: lowercase, accents folded,
/// typographic quotes and a leading "the" removed.
pub fn name_key(name: &str) -> String {
    name_key_compact(name).into_string()
}

/// [`name_key`] as a [`CompactString`]: a key of up to 24 bytes is held
/// inline, so keying a mention allocates nothing once its name is known.
pub(crate) fn name_key_compact(name: &str) -> CompactString {
    thread_local! {
        static KEYS: crate::text::Remembered<CompactString> = crate::text::Remembered::default();
    }
    // The same names are keyed again at each mention: remembered on each
    // thread ([`crate::text::remembered`]), but for rare long texts.
    crate::text::remembered(&KEYS, NAME_KEY_CACHE, NAME_KEY_CACHED_LEN, name, |n| name_key_of(n).into())
}

/// How many names [`name_key`] remembers on each thread.
const NAME_KEY_CACHE: usize = 4_096;
/// The longest name, in bytes, that [`name_key`] remembers.
const NAME_KEY_CACHED_LEN: usize = 64;

/// [`name_key`], worked out.
fn name_key_of(name: &str) -> String {
    let mut key = normalize(name.trim());
    let edge = |c: char| !c.is_alphanumeric();
    let end = key.trim_end_matches(edge).len();
    let mut start = end - key[..end].trim_start_matches(edge).len();
    if key[start..end].starts_with("the ") {
        start += "the ".len();
    }
    let n = &key[start..end];
    // Nearly every name is already words with one space between them: the
    // key is then the normalised name, cut in place.
    if single_spaced(n) {
        key.truncate(end);
        key.drain(..start);
        return key;
    }
    n.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `n` is words with one space between them: no white space at
/// its ends, no two spaces together, no white space but the space. An
/// ASCII name (nearly every one) is read by byte: `str::contains("  ")`
/// set up a substring searcher for every name, most of [`name_key`]'s time.
fn single_spaced(n: &str) -> bool {
    if !n.is_ascii() {
        return !n.starts_with(' ')
            && !n.ends_with(' ')
            && !n.contains("  ")
            && !n.contains(|c: char| c.is_whitespace() && c != ' ');
    }
    let b = n.as_bytes();
    // `char::is_whitespace` in ASCII: the space and \t, \n, \x0b, \x0c, \r.
    b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !b.windows(2).any(|w| w == b"  ")
        && !b.iter().any(|c| matches!(c, b'\t'..=b'\r'))
}

/// English function words: articles, pronouns, prepositions, conjunctions,
/// auxiliaries and common sentence-initial adverbs. Used to keep them out of
/// names and out of content-word overlap.
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "it's",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "him",
    "them",
    "us",
    "me",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "when",
    "where",
    "why",
    "how",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "for",
    "of",
    "in",
    "on",
    "at",
    "to",
    "from",
    "by",
    "with",
    "about",
    "as",
    "into",
    "onto",
    "over",
    "under",
    "after",
    "before",
    "since",
    "until",
    "during",
    "through",
    "between",
    "among",
    "against",
    "without",
    "within",
    "along",
    "across",
    "behind",
    "beyond",
    "near",
    "per",
    "via",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "may",
    "might",
    "must",
    "can",
    "could",
    "not",
    "no",
    "n't",
    "if",
    "then",
    "than",
    "there",
    "here",
    "also",
    "however",
    "moreover",
    "meanwhile",
    "furthermore",
    "thus",
    "therefore",
    "although",
    "though",
    "while",
    "because",
    "whether",
    "all",
    "any",
    "some",
    "each",
    "every",
    "both",
    "either",
    "neither",
    "other",
    "another",
    "such",
    "only",
    "own",
    "same",
    "very",
    "just",
    "even",
    "still",
    "already",
    "now",
    "again",
    "ever",
    "never",
    "once",
    "'s",
    "up",
    "down",
    "out",
    "off",
    "above",
    "below",
    "further",
    "more",
    "most",
    "less",
    "least",
    "many",
    "much",
    "few",
    "several",
    "one",
    "ones",
    "himself",
    "herself",
    "itself",
    "themselves",
    "ourselves",
    "yesterday",
    "today",
    "tomorrow",
    "last",
    "next",
    "earlier",
    "later",
    "back",
    "then",
    "instead",
    "rather",
    "quite",
    "too",
    "well",
    "like",
    "unlike",
    "upon",
    "amid",
    "amidst",
    "towards",
    "toward",
    "despite",
    "following",
    "according",
    "including",
    "regarding",
    "concerning",
    "around",
    "nearly",
    "almost",
    "about",
];

/// Words and phrases that call a claim false, fake or a joke, or take it
/// back ("a hoax", "debunked", "was staged", "retracted"). Used by the
/// [stance](crate::stance) analysis, matched by stem like lexicon entries.
/// Negation words ("not", "never") are a list of their own.
pub const REFUTING: &[&str] = &[
    "fake",
    "fraud",
    "hoax",
    "false",
    "deny",
    "despite",
    "nope",
    "doubt",
    "bogus",
    "debunk",
    "prank",
    "retract",
    "untrue",
    "myth",
    "fabricated",
    "made up",
    "satire",
    "satirical",
    "parody",
    "spoof",
    "staged",
    "scam",
    "phony",
    "refute",
    "dismiss",
    "disprove",
    "misleading",
    "baseless",
    "unfounded",
    "no evidence",
    "not true",
    "not real",
    "not genuine",
    "not the case",
    "no truth",
    "rubbish",
    "urban legend",
    "never happened",
    "doctored",
    "joke",
];

/// Words and phrases that report a claim without vouching for it, or say it
/// is uncertain ("reportedly", "rumour", "unconfirmed", "if true",
/// "according to"). Used by the [stance](crate::stance) analysis.
pub const UNCERTAIN: &[&str] = &[
    "reportedly",
    "allegedly",
    "apparently",
    "purportedly",
    "supposedly",
    "claim",
    "allege",
    "purport",
    "rumor",
    "rumour",
    "unconfirmed",
    "unverified",
    "according to",
    "report",
    "may",
    "might",
    "could",
    "possibly",
    "perhaps",
    "suggest",
    "appear",
    "seem",
    "believe",
    "speculate",
    "speculation",
    "unclear",
    "whether",
    "if true",
    "not confirmed",
    "yet to be confirmed",
    "not been confirmed",
    "not be verified",
    "not been verified",
    "circulate",
    "viral",
    "suspect",
];

/// Words and phrases that vouch for a claim ("confirmed", "officially",
/// "in fact"). Used by the [stance](crate::stance) analysis.
pub const AFFIRMING: &[&str] = &[
    "confirm",
    "officially",
    "official",
    "announce",
    "reveal",
    "prove",
    "indeed",
    "in fact",
    "verify",
    "establish",
    "acknowledge",
    "admit",
    "demonstrate",
    "true",
    "real",
    "genuine",
    "authentic",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup<'a>(lex: &'a Lexicon, s: &str) -> Vec<(usize, &'a Entry)> {
        let words = words_of(s);
        lex.lookup(&words, &stems_of(s))
    }

    #[test]
    fn lookup_by_stem() {
        let lex = Lexicon::builtin();
        let cases: &[(&str, &str)] = &[
            ("blocked the road", "pole"),
            ("blockaded", "pole"),
            ("denied reports", "cue"),
            ("so-called", "distancing"),
            ("reportedly", "hedge"),
            ("unblocking", "presupposes"),
            ("officials", "unnamed"),
            ("claimed", "cue"),
        ];
        for (text, want) in cases {
            let found = lookup(&lex, text);
            let got = found.iter().any(|(_, e)| {
                matches!(
                    (want, e),
                    (&"pole", Entry::Pole { .. })
                        | (&"cue", Entry::Cue(_))
                        | (&"distancing", Entry::Distancing)
                        | (&"hedge", Entry::Hedge)
                        | (&"presupposes", Entry::Presupposes { .. })
                        | (&"unnamed", Entry::UnnamedSource)
                )
            });
            assert!(got, "{text}: {found:?}");
        }
    }

    #[test]
    fn multiword_longest_first() {
        let lex = Lexicon::builtin();
        let found = lookup(&lex, "called on Velmora");
        assert_eq!(found.first().map(|(n, _)| *n), Some(2));
        assert_eq!(found[0].1, &Entry::Cue(CueClass::Directive));
    }

    /// Phrases whose first word has a shape the first-word filter cannot
    /// hold (a digit or a letter outside ASCII at an end, or a long word)
    /// are found as the others are, and a word of a common shape that starts
    /// no phrase is not.
    #[test]
    fn phrases_of_any_first_word_are_found() {
        let builtin = Lexicon::builtin();
        let lex = Lexicon::parse(
            "u",
            "loaded: 9th brigade\nloaded: élite\nloaded: counterrevolutionaries\nloaded: hotheads\n",
        )
        .unwrap();
        for words in [&["9th", "brigade"][..], &["élite"], &["counterrevolutionaries"], &["hotheads"]] {
            assert!(!lex.lookup_words(words).is_empty(), "{words:?}");
            assert!(builtin.lookup_words(words).is_empty(), "{words:?}");
        }
        assert!(lex.lookup_words(&["tuesday"]).is_empty());
        assert!(!lex.lookup_words(&["denied"]).is_empty());
    }

    #[test]
    fn user_lexicon_entries_and_errors() {
        let lex = Lexicon::parse(
            "u",
            "# c\n\nalias: A Road | B Road\nantonyms: wet, soaked | dry\nloaded: zealots\n",
        )
        .unwrap();
        assert_eq!(lex.aliases(), &[vec!["A Road".to_string(), "B Road".to_string()]]);
        assert!(lex.concepts().iter().any(|c| c.a_label == "wet" && c.b_label == "dry"));
        let cases = [
            (
                "alias: only one",
                "u:1: invalid lexicon entry: an alias line needs at least two names separated by `|`",
            ),
            (
                "\n\nfoo: bar",
                "u:3: invalid lexicon entry: unknown kind `foo` (expected alias, antonyms, loaded, distancing, endorsing, denial, hedge or reporting)",
            ),
            ("loaded:", "u:1: invalid lexicon entry: `loaded` needs a value"),
            (
                "antonyms: a, b",
                "u:1: invalid lexicon entry: an antonyms line needs two poles separated by `|`",
            ),
            (
                "antonyms: a | ",
                "u:1: invalid lexicon entry: both poles of an antonyms line need at least one word",
            ),
        ];
        for (text, msg) in cases {
            assert_eq!(Lexicon::parse("u", text).unwrap_err().to_string(), msg);
        }
    }

    #[test]
    fn inflections_not_derivations() {
        let yes = [
            ("blocked", "block"),
            ("closing", "close"),
            ("denied", "deny"),
            ("denies", "deny"),
            ("banned", "ban"),
            ("said", "say"),
            ("fled", "flee"),
            ("blockaded", "blockade"),
            ("passes", "pass"),
        ];
        let no = [
            ("operations", "operate"),
            ("indications", "indicate"),
            ("movement", "move"),
            ("passage", "pass"),
            ("closure", "close"),
            ("reporter", "report"),
        ];
        for (t, b) in yes {
            assert!(inflects(t, b), "{t} of {b}");
        }
        for (t, b) in no {
            assert!(!inflects(t, b), "{t} of {b}");
        }
        let lex = Lexicon::builtin();
        assert!(lookup(&lex, "operations").iter().all(|(_, e)| !matches!(e, Entry::Pole { .. })));
        assert!(lookup(&lex, "operating").iter().any(|(_, e)| matches!(e, Entry::Pole { .. })));
    }

    /// The byte test of an ASCII name agrees with the character test, on
    /// every string of up to four characters from a set of letters and
    /// white space (ASCII and not).
    #[test]
    fn single_spaced_by_bytes_agrees_with_characters() {
        let by_chars = |n: &str| {
            !n.starts_with(' ')
                && !n.ends_with(' ')
                && !n.contains("  ")
                && !n.contains(|c: char| c.is_whitespace() && c != ' ')
        };
        let alphabet = ['a', ' ', '\t', '\n', '\x0b', '\x0c', '\r', '\x1f', 'é', '\u{a0}'];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> =
                texts.iter().flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}"))).collect();
            texts.extend(longer);
            texts.sort();
            texts.dedup();
        }
        assert!(texts.len() > 10_000);
        for t in &texts {
            assert_eq!(single_spaced(t), by_chars(t), "{t:?}");
        }
    }

    #[test]
    fn name_keys() {
        assert_eq!(name_key("the Tessa  Bridge"), "tessa bridge");
        // Each kind of spacing the single-spaced path must not take.
        for (name, key) in [
            ("The  Tessa Bridge", "tessa bridge"),
            ("Tessa\tBridge", "tessa bridge"),
            ("Tessa\x0bBridge", "tessa bridge"),
            ("Tessa\r\nBridge", "tessa bridge"),
            ("Tessa\u{A0}Bridge", "tessa bridge"),
            ("  “Tessa Bridge”  ", "tessa bridge"),
            ("the the bridge", "the bridge"),
            ("", ""),
            // The single-spaced path, cut at both ends.
            ("Tessa Bridge", "tessa bridge"),
            ("(Tessa Bridge).", "tessa bridge"),
            ("“The Tessa Bridge”", "tessa bridge"),
            ("Thessaly", "thessaly"),
            ("\"the\"", "the"),
            ("!?", ""),
            ("Café de l'Été,", "cafe de l'ete"),
        ] {
            assert_eq!(name_key(name), key, "{name:?}");
        }
        assert_eq!(name_key("“Şəhla”"), "sahla");
    }
}
