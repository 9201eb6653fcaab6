//! Dates: date and time expressions in a sentence, resolved to calendar
//! values against the article's publication date.
//!
//! [`find_dates`] scans one piece of text (usually a sentence) and returns
//! every date expression it recognizes as a [`DateMention`]. Spans are byte
//! offsets into the text, shifted by the `base` the caller passes. The scan
//! is deterministic, linear in the length of the text, and never panics. It
//! shares its tokenizer and its year rule with [`crate::quantity`], so a
//! number is either a date part or a quantity, never both.
//!
//! # Absolute dates
//!
//! Month names must be capitalized (`May`, `March`); abbreviations (`Nov.`,
//! `Sept.`, `Dec`) count before a day number or with their dot.
//!
//! | text | value |
//! |---|---|
//! | `November 9, 2020`, `Nov. 9, 2020`, `9 November 2020`, `the 9th of November 2020` | `Day(2020-11-09)` |
//! | `2020-11-09`, `2020/11/09` | `Day(2020-11-09)` |
//! | `13/11/2020`, `11/13/2020` | `Day(2020-11-13)` when one part is above 12; otherwise `Unresolved` |
//! | `February 2022` | `Month { year: 2022, month: 2 }` |
//! | `in 2020`, `the 2020 war`, `mid-2020`, `early 2020` | `Year(2020)` |
//! | `the 1990s` | `Range(1990-01-01, 1999-12-31)` |
//! | `December 12, 2022-January 23, 2023`, `December 3-5`, `3-5 December`, `from December 12 to January 23`, `between 2019 and 2021`, `2019-2021` | `Range` |
//! | `December 3 and 4` | two mentions, `Day(…-12-03)` and `Day(…-12-04)` |
//!
//! A bare four-digit year follows the year rule of [`crate::quantity`]:
//! 1900–2100 (1000–2100 after `in`, `since`, `by`, …), and not followed by a
//! unit or a plural noun (`2000 people` is a quantity). Invalid dates
//! (`February 30`) are not dates. `early`, `late` and `mid-` before a month
//! or a year are kept in the span but do not narrow the value.
//!
//! # Resolving against the publication date `P`
//!
//! * **A month and day without a year** resolve to the most recent such date
//!   on or before `P`, never to the future: with `P` = 2023-01-18, `since
//!   December 12` is 2022-12-12. With `last` (`last December 20`) the date
//!   must be strictly before `P`. If a weekday is written too (`Saturday,
//!   July 15`) and does not match that date, but matches the next such date
//!   after `P` and that one is at most 60 days away, the future date is
//!   taken (an announcement); otherwise the most recent one stays.
//! * **A month without a year** (`in February`, `since December`, `early
//!   March`) is the most recent such month on or before `P`'s month (with
//!   `P` = 2023-07-18, `in December` is 2022-12); `last December` is the most
//!   recent one strictly before `P`'s month, `this December` is in `P`'s
//!   year, `next December` the first one after `P`'s month.
//! * **Weekdays**: `Monday` and `on Monday` are the most recent Monday on or
//!   before `P` (an article published on a Monday that says "on Monday"
//!   means that day); `last Monday` is the most recent Monday strictly
//!   before `P` (so a Monday `P` gives the Monday a week before). `this Monday` is the Monday of `P`'s week (weeks start on
//!   Monday), `next Monday` the first Monday after `P`.
//! * **Relative words**: `today` = `P`, `tonight` = `P` at night,
//!   `yesterday` = `P` − 1, `last night` = `P` − 1 at night, `tomorrow` =
//!   `P` + 1, `this morning` (afternoon, evening) = `P` with that time; `this
//!   week` / `earlier this week` = Monday to Sunday of `P`'s week, `last
//!   week` / `next week` the week before / after; `last weekend` = the most
//!   recent Saturday–Sunday ending before `P`, `this weekend` that of `P`'s
//!   week; `this month`, `earlier this month`, `later this month` =
//!   `P`'s month, `last month` and `next month` the month before / after;
//!   `this year` (`earlier`/`later this year`), `last year`, `next year`
//!   likewise; `N days ago` = `P` − N, `N weeks ago` = the seven days
//!   centred on `P` − 7N, `N months ago` = the month N months before `P`'s,
//!   `N years ago` = the year N before `P`'s (`a week ago` is N = 1).
//!
//! How a value was obtained is recorded in [`Resolution`]. Without a
//! publication date, everything that needs one is [`DateValue::Unresolved`]
//! (the text and relation are kept). `the previous day`, `the next day` and
//! other dates relative to the story rather than to `P` are not recognized,
//! nor are rolling periods (`the past week`, `the last 12 months`) or a day
//! without its month (`on the 13th`).
//!
//! # Times of day
//!
//! A [`TimeOfDay`] is a range `start..=end` of clock times. Exact times have
//! `start == end`; the end of the day is `23:59:59.999999999` ([`Time::MAX`]).
//!
//! | text | start – end |
//! |---|---|
//! | `10 a.m.`, `10am`, `10:30 a.m.`, `10.30am`, `3 p.m.`, `14:02`, `1400 GMT`, `7 o'clock` | exact |
//! | `noon`, `midday` | 12:00 |
//! | `midnight` | 00:00 |
//! | `morning` | 06:00 – 12:00 |
//! | `afternoon` | 12:00 – 18:00 |
//! | `evening` | 18:00 – 22:00 |
//! | `night`, `tonight`, `last night`, and `late` alone (`late on Sunday`, `late Sunday`) | 20:00 – end of day |
//! | `overnight` | 00:00 – 06:00 |
//! | `early` alone (`early Monday`) | 00:00 – 09:00 |
//!
//! Words right before a clock time widen it (clamped to the day):
//!
//! | text | start – end |
//! |---|---|
//! | `about`, `around`, `approximately`, `roughly`, `circa` `2 p.m.` | 13:30 – 14:30 |
//! | `shortly` (`just`, `soon`, `immediately`, `right`) `before 5 a.m.` | 04:00 – 05:00 |
//! | `shortly after 10 a.m.` | 10:00 – 11:00 |
//! | `before 5 a.m.`, `by 5 a.m.` | 00:00 – 05:00 |
//! | `after 10 a.m.` | 10:00 – end of day |
//!
//! The approximating words belong to the time's span; `before`, `after` and
//! `by` alone do not, and for a time standing alone they also give its
//! relation.
//!
//! `early` and `late` with a period word take its first or second half
//! (`late Sunday night` = 22:00 – end of day). `12 a.m.` is midnight, `12
//! p.m.` noon. Time zones (`local time`, `GMT`, `UTC`) are kept in the span
//! but not converted.
//!
//! Clock times and `noon`/`midnight` attach to the nearest day-level
//! mention in the same text (a day, a weekday, a relative day); if it is
//! right next to the time (with at most three of a comma, `at`, `on`, `in`,
//! `the`, `around`, `about`, `shortly` between), the mention's span grows to
//! cover the time, otherwise
//! the time keeps its own [`DateMention::time_span`]. A clock time with no
//! day to attach to is its own mention with value
//! [`DateValue::Unresolved`]. Period words (`morning`, `in the evening`,
//! `at night`) count only next to a day (`Sunday morning`, `yesterday
//! evening`) or after `in the`, `during the`, `at` or `that` with a day
//! elsewhere in the text.
//!
//! # Relations
//!
//! The preposition right before a mention (not part of its span) gives its
//! [`DateRelation`]: `on` → `On`, `in`/`during` → `In`, `since` → `Since`,
//! `until`/`till`/`through` → `Until`, `from` → `From`, `by` → `By`,
//! `before`/`prior to` → `Before`, `after`/`following` → `After`, `as of`
//! → `On`, `between` → `Between`. A time modifier before the preposition is
//! part of the span: `late on Sunday`.
//!
//! # Not dates
//!
//! `No. 10`, `44-day`, `120,000`, `20 percent`, `Secretary-General`,
//! lowercase `may` and `march`, a bare month without a preposition before it
//! (`the March rally`), a bare `12th`, weekdays in names (`Good Friday`,
//! `Sunday Times`: a weekday followed by a capitalized word other than a
//! month), and numbers the quantity module counts.

use jiff::ToSpan;
use jiff::civil::{Date, Time, Weekday};
use serde::{Deserialize, Serialize};

use crate::quantity::{NumFlag, Scan, TokKind, month_number, weekday_number};
use crate::span::Span;

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

/// One date (or time) expression found in a text.
///
/// ```
/// use claimgraph::dates::{find_dates, DateRelation, DateValue, Resolution};
/// use jiff::civil::date;
///
/// let found = find_dates("Fighting has continued since December 12.", 0, Some(date(2023, 1, 18)));
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].text, "December 12");
/// assert_eq!(found[0].value, DateValue::Day(date(2022, 12, 12)));
/// assert_eq!(found[0].relation, Some(DateRelation::Since));
/// assert_eq!(found[0].resolved_from, Resolution::YearInferred);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// The expression, without a leading preposition.
    pub span: Span,
    /// The text under [`DateMention::span`].
    pub text: String,
    /// The resolved value.
    pub value: DateValue,
    /// The time of day, if one was given.
    pub time: Option<TimeOfDay>,
    /// Where the time of day is written, when it is not inside
    /// [`DateMention::span`] or when the mention is only a time.
    pub time_span: Option<Span>,
    /// The preposition before the mention.
    pub relation: Option<DateRelation>,
    /// How the value was obtained.
    pub resolved_from: Resolution,
}

/// A calendar value.
///
/// Serialized with `type` and `value` tags:
/// `{"type":"day","value":"2020-11-09"}`,
/// `{"type":"month","value":{"year":2020,"month":11}}`,
/// `{"type":"unresolved"}`.
///
/// ```
/// use claimgraph::dates::DateValue;
/// use jiff::civil::date;
///
/// let v = DateValue::Day(date(2020, 11, 9));
/// assert_eq!(serde_json::to_string(&v).unwrap(), r#"{"type":"day","value":"2020-11-09"}"#);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum DateValue {
    /// One day.
    Day(Date),
    /// One month of one year.
    Month {
        /// The year.
        year: i16,
        /// The month, 1–12.
        month: i8,
    },
    /// One year.
    Year(i16),
    /// The days from `start` to `end`, both included.
    Range {
        /// The first day.
        start: Date,
        /// The last day.
        end: Date,
    },
    /// Could not be resolved (no publication date, or ambiguous).
    Unresolved,
}

/// The granularity of a [`DateValue`].
///
/// ```
/// use claimgraph::dates::{DateValue, Granularity};
///
/// assert_eq!(DateValue::Year(2020).granularity(), Granularity::Year);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Granularity {
    /// One day.
    Day,
    /// One month.
    Month,
    /// One year.
    Year,
    /// A range of days.
    Range,
    /// No value.
    Unresolved,
}

/// A range of clock times; exact times have `start == end`. See the module
/// docs for the ranges of vague times.
///
/// ```
/// use claimgraph::dates::find_dates;
/// use jiff::civil::{date, time};
///
/// let m = &find_dates("The blast came late on Sunday.", 0, Some(date(2023, 7, 18)))[0];
/// assert_eq!(m.text, "late on Sunday");
/// let t = m.time.unwrap();
/// assert_eq!((t.start, t.end), (time(20, 0, 0, 0), jiff::civil::Time::MAX));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TimeOfDay {
    /// The earliest time.
    pub start: Time,
    /// The latest time (inclusive).
    pub end: Time,
}

/// The preposition before a date.
///
/// ```
/// use claimgraph::dates::DateRelation;
///
/// assert_eq!(serde_json::to_string(&DateRelation::Since).unwrap(), "\"since\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateRelation {
    /// `since`.
    Since,
    /// `until`, `till`, `through`.
    Until,
    /// `from`.
    From,
    /// `on`, `as of`.
    On,
    /// `in`, `during`.
    In,
    /// `before`, `prior to`.
    Before,
    /// `after`, `following`.
    After,
    /// `by`.
    By,
    /// `between`.
    Between,
}

/// How a [`DateValue`] was obtained.
///
/// ```
/// use claimgraph::dates::Resolution;
///
/// assert_eq!(serde_json::to_string(&Resolution::YearInferred).unwrap(), "\"year-inferred\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Resolution {
    /// Fully written out in the text.
    Absolute,
    /// A month (and day) without a year, placed with the publication date.
    YearInferred,
    /// Relative to the publication date (`yesterday`, `last Monday`).
    Relative,
    /// Not resolved.
    Unresolved,
}

impl DateValue {
    /// The first and last day covered, or `None` if unresolved.
    ///
    /// ```
    /// use claimgraph::dates::DateValue;
    /// use jiff::civil::date;
    ///
    /// let feb = DateValue::Month { year: 2024, month: 2 };
    /// assert_eq!(feb.bounds(), Some((date(2024, 2, 1), date(2024, 2, 29))));
    /// assert_eq!(DateValue::Unresolved.bounds(), None);
    /// ```
    pub fn bounds(&self) -> Option<(Date, Date)> {
        match *self {
            DateValue::Day(d) => Some((d, d)),
            DateValue::Month { year, month } => {
                let first = Date::new(year, month, 1).ok()?;
                Some((first, first.last_of_month()))
            }
            DateValue::Year(y) => Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?)),
            DateValue::Range { start, end } => Some((start.min(end), start.max(end))),
            DateValue::Unresolved => None,
        }
    }

    /// The granularity of the value.
    ///
    /// ```
    /// use claimgraph::dates::{DateValue, Granularity};
    ///
    /// assert_eq!(DateValue::Month { year: 2020, month: 1 }.granularity(), Granularity::Month);
    /// assert_eq!(DateValue::Unresolved.granularity(), Granularity::Unresolved);
    /// ```
    pub fn granularity(&self) -> Granularity {
        match self {
            DateValue::Day(_) => Granularity::Day,
            DateValue::Month { .. } => Granularity::Month,
            DateValue::Year(_) => Granularity::Year,
            DateValue::Range { .. } => Granularity::Range,
            DateValue::Unresolved => Granularity::Unresolved,
        }
    }

    /// Whether two values can describe the same time: `Some(true)` if the
    /// day ranges they cover overlap, `Some(false)` if not, `None` if either
    /// is unresolved.
    ///
    /// ```
    /// use claimgraph::dates::DateValue;
    /// use jiff::civil::date;
    ///
    /// let nov9 = DateValue::Day(date(2020, 11, 9));
    /// let nov10 = DateValue::Day(date(2020, 11, 10));
    /// assert_eq!(nov9.compatible(&nov10), Some(false));
    /// assert_eq!(nov9.compatible(&DateValue::Year(2020)), Some(true));
    /// assert_eq!(nov9.compatible(&DateValue::Unresolved), None);
    /// ```
    pub fn compatible(&self, other: &DateValue) -> Option<bool> {
        let (a0, a1) = self.bounds()?;
        let (b0, b1) = other.bounds()?;
        Some(a0 <= b1 && b0 <= a1)
    }
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/// Finds the date and time mentions in `text`, in order, resolving relative
/// and year-less dates against the publication date `published`. Spans are
/// shifted by `base`.
///
/// See the module docs for the rules.
///
/// ```
/// use claimgraph::dates::{find_dates, DateValue};
/// use jiff::civil::{date, time};
///
/// let p = Some(date(2024, 7, 22));
/// let found = find_dates("Last update: July 20, 2024 14:02", 0, p);
/// assert_eq!(found[0].value, DateValue::Day(date(2024, 7, 20)));
/// assert_eq!(found[0].text, "July 20, 2024 14:02");
/// assert_eq!(found[0].time.unwrap().start, time(14, 2, 0, 0));
///
/// let found = find_dates("The talks resumed in February.", 0, None);
/// assert_eq!(found[0].value, DateValue::Unresolved);
///
/// assert!(find_dates("No. 10 said the 44-day war killed 120,000, or 20 percent.", 0, p).is_empty());
/// ```
pub fn find_dates(text: &str, base: usize, published: Option<Date>) -> Vec<DateMention> {
    dates_in(&Scan::new(text, &text.to_ascii_lowercase()), base, published)
}

/// [`find_dates`] on a text already scanned (the quantities are found on
/// the same scan).
pub(crate) fn dates_in(scan: &Scan<'_>, base: usize, published: Option<Date>) -> Vec<DateMention> {
    if !may_hold_date(scan) {
        return Vec::new();
    }
    let finder = Finder { s: scan, p: published };
    finder.run().into_iter().map(|m| m.shifted(base)).collect()
}

/// Whether a date or time can start anywhere in the scan. Each of the
/// finder's patterns ([`Finder::date_at`], [`Finder::time_at`]) needs a
/// number token, a capitalised month or weekday name, or one of the words
/// below: "today", "tonight", "yesterday", "tomorrow"; "ago" ("two days
/// ago"); the nouns after "last", "this" and "next" ("last week", "this
/// morning"); and the times of day ("noon", and [`Period::from_word`]'s
/// "in the evening"). Nearly half the sentences of news text have none
/// (47% in BENCHMARKS.md's corpora), and are passed over at once.
fn may_hold_date(scan: &Scan<'_>) -> bool {
    scan.toks.iter().any(|t| {
        t.kind == TokKind::Num
            || (t.kind == TokKind::Word
                && (matches!(
                    t.lower.as_ref(),
                    "today"
                        | "tonight"
                        | "yesterday"
                        | "tomorrow"
                        | "ago"
                        | "week"
                        | "weekend"
                        | "month"
                        | "year"
                        | "noon"
                        | "midday"
                        | "midnight"
                ) || Period::from_word(&t.lower).is_some()
                    || (t.cap && (month_number(&t.lower).is_some() || weekday_number(&t.lower).is_some()))))
    })
}

impl DateMention {
    fn shifted(mut self, base: usize) -> DateMention {
        self.span = self.span.shift(base);
        self.time_span = self.time_span.map(|s| s.shift(base));
        self
    }
}

// ---------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------

/// A date found in the token stream, before relations and times.
#[derive(Clone, Debug)]
struct Raw {
    /// First and one-past-last token.
    start: usize,
    end: usize,
    value: DateValue,
    res: Resolution,
    /// Can carry a time of day.
    day_level: bool,
    /// A month and day whose year was not written.
    md: Option<(i8, i8)>,
    /// The year was written.
    explicit_year: bool,
    time: Option<TimeOfDay>,
    time_span: Option<(usize, usize)>,
    /// `early` / `late` modifier for the time.
    modifier: Option<bool>,
}

impl Raw {
    fn new(start: usize, end: usize, value: DateValue, res: Resolution) -> Raw {
        Raw {
            start,
            end,
            value,
            res,
            day_level: matches!(value, DateValue::Day(_)),
            md: None,
            explicit_year: res == Resolution::Absolute,
            time: None,
            time_span: None,
            modifier: None,
        }
    }
}

#[derive(Clone, Debug)]
struct RawTime {
    start: usize,
    end: usize,
    tod: TimeOfDay,
    /// A clock time, `noon` or `midnight` (may stand alone).
    clock: bool,
    /// A period word (`morning`): combines with `early`/`late`.
    period: Option<Period>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Period {
    Morning,
    Afternoon,
    Evening,
    Night,
    Overnight,
}

impl Period {
    fn range(self) -> (Time, Time) {
        match self {
            Period::Morning => (hm(6, 0), hm(12, 0)),
            Period::Afternoon => (hm(12, 0), hm(18, 0)),
            Period::Evening => (hm(18, 0), hm(22, 0)),
            Period::Night => (hm(20, 0), Time::MAX),
            Period::Overnight => (hm(0, 0), hm(6, 0)),
        }
    }

    /// Inlined always: asked of every word by [`may_hold_date`], as a call
    /// (which `#[inline]` left it) it cost 3 million instructions on the
    /// 1,012 texts of BENCHMARKS.md.
    #[inline(always)]
    fn from_word(w: &str) -> Option<Period> {
        Some(match w {
            "morning" => Period::Morning,
            "afternoon" => Period::Afternoon,
            "evening" => Period::Evening,
            "night" | "tonight" => Period::Night,
            "overnight" => Period::Overnight,
            _ => return None,
        })
    }

    fn tod(self, modifier: Option<bool>) -> TimeOfDay {
        let (s, e) = self.range();
        match modifier {
            None => TimeOfDay { start: s, end: e },
            Some(late) => {
                // Split at the middle of the period.
                let mid = midpoint(s, e);
                if late { TimeOfDay { start: mid, end: e } } else { TimeOfDay { start: s, end: mid } }
            }
        }
    }
}

fn hm(h: i8, m: i8) -> Time {
    Time::new(h.clamp(0, 23), m.clamp(0, 59), 0, 0).unwrap_or(Time::MIN)
}

fn midpoint(s: Time, e: Time) -> Time {
    let secs = |t: Time| i32::from(t.hour()) * 3600 + i32::from(t.minute()) * 60 + i32::from(t.second());
    let mut end = secs(e);
    if e == Time::MAX {
        end = 24 * 3600;
    }
    let m = (secs(s) + end) / 2;
    hm(i8::try_from(m / 3600).unwrap_or(0), i8::try_from((m % 3600) / 60).unwrap_or(0))
}

fn exact(t: Time) -> TimeOfDay {
    TimeOfDay { start: t, end: t }
}

const LATE_TIME: (i8, i8) = (20, 0);
const EARLY_END: (i8, i8) = (9, 0);

struct Finder<'a, 't> {
    s: &'a Scan<'t>,
    p: Option<Date>,
}

/// How to place a year-less month.
#[derive(Clone, Copy, PartialEq, Eq)]
enum MonthMode {
    OnOrBefore,
    Last,
    This,
    Next,
}

impl Finder<'_, '_> {
    fn run(&self) -> Vec<DateMention> {
        let n = self.s.toks.len();
        let mut raws: Vec<Raw> = Vec::new();
        let mut times: Vec<RawTime> = Vec::new();
        let mut i = 0;
        while i < n {
            if let Some((mut found, next)) = self.date_at(i) {
                raws.append(&mut found);
                i = next.max(i + 1);
                continue;
            }
            let after_day = raws.last().is_some_and(|r| r.end == i && r.day_level);
            if let Some(t) = self.time_at(i, after_day) {
                i = t.end.max(i + 1);
                times.push(t);
                continue;
            }
            i += 1;
        }
        let raws = self.merge_ranges(raws);
        let mut raws: Vec<(Raw, Option<DateRelation>)> =
            raws.into_iter().map(|r| self.absorb_context(r)).collect();
        let mut standalone: Vec<(RawTime, Option<DateRelation>)> = Vec::new();
        self.attach_times(&mut raws, times, &mut standalone);
        let mut out: Vec<DateMention> =
            raws.into_iter().filter_map(|(r, rel)| self.mention(r, rel)).collect();
        for (t, rel) in standalone {
            if let Some(span) = self.span_of(t.start, t.end) {
                out.push(DateMention {
                    span,
                    text: span.slice(self.s.text).to_owned(),
                    value: DateValue::Unresolved,
                    time: Some(t.tod),
                    time_span: Some(span),
                    relation: rel,
                    resolved_from: Resolution::Unresolved,
                });
            }
        }
        out.sort_by_key(|m| (m.span.start, m.span.end));
        out
    }

    fn span_of(&self, start: usize, end: usize) -> Option<Span> {
        if end <= start {
            return None;
        }
        let a = self.s.toks.get(start)?.start;
        let b = self.s.toks.get(end - 1)?.end;
        Some(Span::new(a, b))
    }

    fn mention(&self, r: Raw, rel: Option<DateRelation>) -> Option<DateMention> {
        let span = self.span_of(r.start, r.end)?;
        let time_span = r.time_span.and_then(|(a, b)| self.span_of(a, b));
        let (value, res) = match r.value {
            DateValue::Unresolved => (DateValue::Unresolved, Resolution::Unresolved),
            v => (v, r.res),
        };
        Some(DateMention {
            span,
            text: span.slice(self.s.text).to_owned(),
            value,
            time: r.time,
            time_span,
            relation: rel,
            resolved_from: res,
        })
    }

    // -----------------------------------------------------------------------
    // Token helpers
    // -----------------------------------------------------------------------

    fn word(&self, i: usize) -> Option<&str> {
        self.s.word(i)
    }

    fn spaced_word(&self, i: usize) -> Option<&str> {
        if self.s.toks.get(i).is_some_and(|t| t.space_before) { self.s.word(i) } else { None }
    }

    fn cap_word(&self, i: usize) -> Option<&str> {
        self.s.toks.get(i).filter(|t| t.kind == TokKind::Word && t.cap).map(|t| t.lower.as_ref())
    }

    fn prev_word(&self, i: usize) -> Option<&str> {
        if i == 0 { None } else { self.word(i - 1) }
    }

    fn is_dash(&self, i: usize) -> bool {
        self.s.is_punct(i, "-")
            || self.s.is_punct(i, "–")
            || self.s.is_punct(i, "—")
            || self.s.is_punct(i, "‑")
    }

    /// A day number 1–31 at `i` (with an optional glued ordinal suffix):
    /// the day and the index after it.
    fn day_num(&self, i: usize) -> Option<(i8, usize)> {
        let n = self.s.num(i)?;
        if !self.s.day_like(i) {
            return None;
        }
        let d = n.value as i8;
        let mut end = i + 1;
        if self.word(end).is_some_and(|w| matches!(w, "st" | "nd" | "rd" | "th")) && self.s.glued(end) {
            end += 1;
        }
        Some((d, end))
    }

    /// An explicit year at `i` (four digits, plain).
    fn year_num(&self, i: usize) -> Option<i16> {
        let n = self.s.num(i)?;
        if !n.plain_int() || n.int_digits != 4 || !(1000.0..=2999.0).contains(&n.value) {
            return None;
        }
        // Glued to letters or a label: not a year.
        if matches!(self.s.flags.get(i), Some(NumFlag::Code | NumFlag::Label | NumFlag::Clock)) {
            return None;
        }
        Some(n.value as i16)
    }

    /// An optional `, YYYY` or ` YYYY` after a day: the year and the index after it.
    fn trailing_year(&self, k: usize) -> Option<(i16, usize)> {
        let (j, comma) = if self.s.is_punct(k, ",") { (k + 1, true) } else { (k, false) };
        let t = self.s.toks.get(j)?;
        if !t.space_before && !comma {
            return None;
        }
        // "December 12, 2000 people" is a count.
        if self.year_num(j).is_some() && !self.s.year_like(j) && !comma {
            return None;
        }
        self.year_num(j).map(|y| (y, j + 1))
    }

    // -----------------------------------------------------------------------
    // Dates
    // -----------------------------------------------------------------------

    fn date_at(&self, i: usize) -> Option<(Vec<Raw>, usize)> {
        if let Some(r) = self.relative_at(i) {
            return Some(r);
        }
        if let Some(r) = self.weekday_at(i) {
            return Some(r);
        }
        if let Some(r) = self.month_first_at(i) {
            return Some(r);
        }
        if let Some(r) = self.day_first_at(i) {
            return Some(r);
        }
        if let Some(r) = self.numeric_at(i) {
            return Some(r);
        }
        self.year_at(i)
    }

    /// A resolved day value, or unresolved without a publication date.
    fn day_or_unresolved(&self, f: impl FnOnce(Date) -> Option<Date>) -> Option<DateValue> {
        match self.p {
            Some(p) => f(p).map(DateValue::Day),
            None => Some(DateValue::Unresolved),
        }
    }

    fn relative_at(&self, i: usize) -> Option<(Vec<Raw>, usize)> {
        let rel = Resolution::Relative;
        if self.s.num(i).is_some() {
            return self.ago_at(i);
        }
        let w = self.word(i)?;
        let single = |v: Option<DateValue>, end: usize, time: Option<TimeOfDay>| {
            v.map(|v| {
                let mut r = Raw::new(i, end, v, rel);
                r.day_level = true;
                r.time = time;
                (vec![r], end)
            })
        };
        match w {
            "today" => return single(self.day_or_unresolved(Some), i + 1, None),
            "tonight" => return single(self.day_or_unresolved(Some), i + 1, Some(Period::Night.tod(None))),
            "yesterday" => return single(self.day_or_unresolved(|p| p.yesterday().ok()), i + 1, None),
            "tomorrow" => return single(self.day_or_unresolved(|p| p.tomorrow().ok()), i + 1, None),
            _ => {}
        }
        // "earlier this month", "later this year".
        let (lead, j) = match w {
            "earlier" | "later" if self.spaced_word(i + 1) == Some("this") => (true, i + 1),
            _ => (false, i),
        };
        let which = self.word(j)?;
        if matches!(which, "last" | "this" | "next") {
            let k = j + 1;
            let nw = self.spaced_word(k);
            let p = self.p;
            let mode = match which {
                "last" => MonthMode::Last,
                "this" => MonthMode::This,
                _ => MonthMode::Next,
            };
            if lead && which != "this" {
                return None;
            }
            match nw {
                Some("night") if which == "last" => {
                    return single(
                        self.day_or_unresolved(|p| p.yesterday().ok()),
                        k + 1,
                        Some(Period::Night.tod(None)),
                    );
                }
                Some(pw @ ("morning" | "afternoon" | "evening")) if which == "this" => {
                    let tod = Period::from_word(pw).map(|p| p.tod(None));
                    return single(self.day_or_unresolved(Some), k + 1, tod);
                }
                Some("week") => {
                    let v = match p {
                        Some(p) => {
                            let monday = p.tomorrow().ok()?.nth_weekday(-1, Weekday::Monday).ok()?;
                            let start = match mode {
                                MonthMode::Last => monday.checked_sub(7.days()).ok()?,
                                MonthMode::Next => monday.checked_add(7.days()).ok()?,
                                _ => monday,
                            };
                            let end = start.checked_add(6.days()).ok()?;
                            DateValue::Range { start, end }
                        }
                        None => DateValue::Unresolved,
                    };
                    return Some((vec![Raw::new(i, k + 1, v, rel)], k + 1));
                }
                Some("weekend") => {
                    let v = match p {
                        Some(p) => {
                            let sun = match mode {
                                MonthMode::Last => p.nth_weekday(-1, Weekday::Sunday).ok()?,
                                MonthMode::Next => p.nth_weekday(1, Weekday::Sunday).ok()?,
                                _ => {
                                    let monday = p.tomorrow().ok()?.nth_weekday(-1, Weekday::Monday).ok()?;
                                    monday.checked_add(6.days()).ok()?
                                }
                            };
                            // A "next weekend" read on Saturday is the following one.
                            let start = sun.yesterday().ok()?;
                            DateValue::Range { start, end: sun }
                        }
                        None => DateValue::Unresolved,
                    };
                    return Some((vec![Raw::new(i, k + 1, v, rel)], k + 1));
                }
                Some("month") => {
                    let v = match p {
                        Some(p) => {
                            let first = p.first_of_month();
                            let d = match mode {
                                MonthMode::Last => first.checked_sub(1.month()).ok()?,
                                MonthMode::Next => first.checked_add(1.month()).ok()?,
                                _ => first,
                            };
                            DateValue::Month { year: d.year(), month: d.month() }
                        }
                        None => DateValue::Unresolved,
                    };
                    return Some((vec![Raw::new(i, k + 1, v, rel)], k + 1));
                }
                Some("year") => {
                    let v = match p {
                        Some(p) => DateValue::Year(match mode {
                            MonthMode::Last => p.year().checked_sub(1)?,
                            MonthMode::Next => p.year().checked_add(1)?,
                            _ => p.year(),
                        }),
                        None => DateValue::Unresolved,
                    };
                    return Some((vec![Raw::new(i, k + 1, v, rel)], k + 1));
                }
                _ => {}
            }
            if lead {
                return None;
            }
            // "last Monday", "this Friday", "next Tuesday".
            if let Some(wd) = self.cap_word(k).and_then(weekday_number).and_then(to_weekday) {
                let v = match p {
                    Some(p) => DateValue::Day(match mode {
                        MonthMode::Last => p.nth_weekday(-1, wd).ok()?,
                        MonthMode::Next => p.nth_weekday(1, wd).ok()?,
                        _ => {
                            let monday = p.tomorrow().ok()?.nth_weekday(-1, Weekday::Monday).ok()?;
                            monday.checked_add(i64::from(wd.to_monday_zero_offset()).days()).ok()?
                        }
                    }),
                    None => DateValue::Unresolved,
                };
                let mut r = Raw::new(i, k + 1, v, rel);
                r.day_level = true;
                return Some((vec![r], k + 1));
            }
            // "last December 20", "last December".
            if let Some((m, e)) = self.s.month_at(k) {
                if let Some((d, e2)) = self.day_num(e).filter(|_| self.s.toks[e].space_before) {
                    let strict = mode == MonthMode::Last;
                    let v = match p {
                        Some(p) => DateValue::Day(infer_day(p, m, d, strict)?),
                        None => {
                            valid_month_day(m, d)?;
                            DateValue::Unresolved
                        }
                    };
                    let mut r = Raw::new(i, e2, v, Resolution::YearInferred);
                    r.md = Some((m, d));
                    r.day_level = true;
                    return Some((vec![r], e2));
                }
                let v = match p {
                    Some(p) => infer_month(p, m, mode)?,
                    None => DateValue::Unresolved,
                };
                return Some((vec![Raw::new(i, e, v, Resolution::YearInferred)], e));
            }
            return None;
        }
        self.ago_at(i)
    }

    /// `3 days ago`, `two weeks ago`, `a year ago`.
    fn ago_at(&self, i: usize) -> Option<(Vec<Raw>, usize)> {
        let rel = Resolution::Relative;
        let n = self.small_count(i)?;
        let unit = self.spaced_word(i + 1)?;
        if self.spaced_word(i + 2) != Some("ago") {
            return None;
        }
        let end = i + 3;
        let v = match self.p {
            None => DateValue::Unresolved,
            Some(p) => match unit {
                "day" | "days" => DateValue::Day(p.checked_sub(n.days()).ok()?),
                "week" | "weeks" => {
                    let c = p.checked_sub((7 * n).days()).ok()?;
                    DateValue::Range {
                        start: c.checked_sub(3.days()).ok()?,
                        end: c.checked_add(3.days()).ok()?,
                    }
                }
                "month" | "months" => {
                    let d = p.first_of_month().checked_sub(n.months()).ok()?;
                    DateValue::Month { year: d.year(), month: d.month() }
                }
                "year" | "years" => DateValue::Year(p.year().checked_sub(i16::try_from(n).ok()?)?),
                _ => return None,
            },
        };
        if !matches!(unit, "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years") {
            return None;
        }
        let mut r = Raw::new(i, end, v, rel);
        r.day_level = matches!(unit, "day" | "days");
        Some((vec![r], end))
    }

    /// A small count for "N days ago": digits 1–999, one–twelve, a/an.
    fn small_count(&self, i: usize) -> Option<i64> {
        if let Some(n) = self.s.num(i) {
            if n.plain_int() && n.value >= 1.0 && n.value <= 999.0 && self.s.flags[i] == NumFlag::Free {
                return Some(n.value as i64);
            }
            return None;
        }
        Some(match self.word(i)? {
            "a" | "an" | "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            _ => return None,
        })
    }

    /// `Monday`, `Saturday, July 15`, `Saturday 15 July 2023`.
    fn weekday_at(&self, i: usize) -> Option<(Vec<Raw>, usize)> {
        let wd = to_weekday(weekday_number(self.cap_word(i)?)?)?;
        let mut k = i + 1;
        if self.s.is_punct(k, ",") {
            k += 1;
        }
        if let Some((mut found, next)) = self.month_first_at(k).or_else(|| self.day_first_at(k)) {
            let single = found.len() == 1;
            if let Some(first) = found.first_mut() {
                first.start = i;
                // Use the weekday to pick the year of a year-less date.
                if let (Some((m, d)), Some(p), false) = (first.md, self.p, first.explicit_year)
                    && let Some(day) = pick_by_weekday(p, m, d, wd)
                    && single
                {
                    first.value = DateValue::Day(day);
                }
            }
            return Some((found, next));
        }
        // Names, not dates: "Good Friday", "Sunday Times".
        let named_before = i > 0
            && self.cap_word(i - 1).is_some_and(|w| {
                matches!(
                    w,
                    "good" | "black" | "cyber" | "bloody" | "super" | "ash" | "holy" | "palm" | "maundy"
                )
            });
        let named_after =
            self.s.toks.get(i + 1).is_some_and(|t| t.kind == TokKind::Word && t.cap && t.space_before)
                && self.s.month_at(i + 1).is_none();
        if named_before || named_after {
            return None;
        }
        // A bare weekday is the most recent one on or before P: an article
        // published on a Saturday that says "on Saturday" means that day.
        let v = match self.p {
            Some(p) if p.weekday() == wd => DateValue::Day(p),
            Some(p) => DateValue::Day(p.nth_weekday(-1, wd).ok()?),
            None => DateValue::Unresolved,
        };
        let mut r = Raw::new(i, i + 1, v, Resolution::Relative);
        r.day_level = true;
        Some((vec![r], i + 1))
    }

    /// Dates that start with a month name.
    fn month_first_at(&self, i: usize) -> Option<(Vec<Raw>, usize)> {
        let (m, j) = self.s.month_at(i)?;
        if let Some((d, k)) = self.day_num(j).filter(|_| self.s.toks[j].space_before) {
            let year = self.trailing_year(k);
            let mut after = year.map_or(k, |(_, e)| e);
            let mut first = self.day_raw(i, after, m, d, year.map(|(y, _)| y))?;
            // "December 3-5", "December 3 and 4", "between December 3 and 5".
            let before = self.prev_word(i);
            let conn = self.s.toks.get(after);
            let is_dash = self.is_dash(after);
            let and_or = matches!(self.spaced_word(after), Some("and" | "or"));
            let to = matches!(self.spaced_word(after), Some("to" | "until" | "through" | "till"));
            if conn.is_some()
                && (is_dash || and_or || (to && before == Some("from")))
                && self.s.month_at(after + 1).is_none()
                && let Some((d2, k2)) = self.day_num(after + 1)
            {
                let year2 = self.trailing_year(k2);
                let end_tok = year2.map_or(k2, |(_, e)| e);
                let y = year.or(year2).map(|(y, _)| y);
                if and_or && before != Some("between") {
                    // Two separate days sharing the month (and year).
                    first = self.day_raw(i, after, m, d, y)?;
                    let second = self.day_raw(after + 1, end_tok, m, d2, y)?;
                    return Some((vec![first, second], end_tok));
                }
                if d2 > d {
                    let a = self.day_raw(i, after, m, d, y)?;
                    let b = self.day_raw(after + 1, end_tok, m, d2, y)?;
                    return Some((vec![range_of(&a, &b, i, end_tok)?], end_tok));
                }
            }
            after = after.max(k);
            return Some((vec![first], after));
        }
        // "February 2022", "November, 2020".
        let (yj, comma) = if self.s.is_punct(j, ",") { (j + 1, true) } else { (j, false) };
        if self.s.toks.get(yj).is_some_and(|t| t.space_before || comma)
            && let Some(y) = self.year_num(yj)
            && (comma || self.s.year_like(yj))
        {
            let r = Raw::new(i, yj + 1, DateValue::Month { year: y, month: m }, Resolution::Absolute);
            return Some((vec![r], yj + 1));
        }
        // A bare month needs a context word before it.
        let before_ok = match self.prev_word(i) {
            Some(w) => matches!(
                w,
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "during"
                    | "before"
                    | "after"
                    | "through"
                    | "of"
                    | "early"
                    | "late"
                    | "mid"
                    | "between"
                    | "throughout"
            ),
            None => false,
        } || (i >= 2 && self.s.is_punct(i - 1, "-") && self.word(i - 2) == Some("mid"));
        if !before_ok {
            return None;
        }
        // "The end of May 12 people …" is rare; a lowercase "may" never gets here.
        let v = match self.p {
            Some(p) => infer_month(p, m, MonthMode::OnOrBefore)?,
            None => DateValue::Unresolved,
        };
        Some((vec![Raw::new(i, j, v, Resolution::YearInferred)], j))
    }

    /// Dates that start with a day number: `9 November 2020`, `3-5 December`.
    fn day_first_at(&self, i: usize) -> Option<(Vec<Raw>, usize)> {
        let (d, k) = self.day_num(i)?;
        if let Some(found) = self.day_month(i, d, k) {
            return Some(found);
        }
        // "3 and 4 December", "3-5 December 2020".
        let conn = k;
        let is_dash = self.is_dash(conn);
        let and_or = matches!(self.spaced_word(conn), Some("and" | "or"));
        let to = matches!(self.spaced_word(conn), Some("to" | "until" | "through" | "till"));
        if !(is_dash || and_or || to) {
            return None;
        }
        let (d2, k2) = self.day_num(conn + 1)?;
        let (mut second, end) = self.day_month(conn + 1, d2, k2)?;
        let second = second.pop()?;
        if !matches!(second.value, DateValue::Day(_) | DateValue::Unresolved) {
            return None;
        }
        let (m, y) = self.day_month_parts(conn + 1)?;
        let before = self.prev_word(i);
        if and_or && before != Some("between") {
            let first = self.day_raw(i, conn, m, d, y)?;
            return Some((vec![first, second], end));
        }
        if d2 > d && (is_dash || before == Some("from") || before == Some("between")) {
            let first = self.day_raw(i, conn, m, d, y)?;
            return Some((vec![range_of(&first, &second, i, end)?], end));
        }
        None
    }

    /// Month (and optional year) after a day number at `k`.
    fn day_month(&self, i: usize, d: i8, k: usize) -> Option<(Vec<Raw>, usize)> {
        let mut j = k;
        if self.spaced_word(j) == Some("of") {
            j += 1;
        }
        if !self.s.toks.get(j).is_some_and(|t| t.space_before) {
            return None;
        }
        let (m, e) = self.s.month_at(j)?;
        let year = self.trailing_year(e);
        let end = year.map_or(e, |(_, e2)| e2);
        let r = self.day_raw(i, end, m, d, year.map(|(y, _)| y))?;
        Some((vec![r], end))
    }

    /// The month and year written after the day at `i` (for `3-5 December`).
    fn day_month_parts(&self, i: usize) -> Option<(i8, Option<i16>)> {
        let (_, k) = self.day_num(i)?;
        let j = if self.spaced_word(k) == Some("of") { k + 1 } else { k };
        let (m, e) = self.s.month_at(j)?;
        Some((m, self.trailing_year(e).map(|(y, _)| y)))
    }

    /// A day mention for month `m`, day `d`, with or without a year.
    fn day_raw(&self, start: usize, end: usize, m: i8, d: i8, year: Option<i16>) -> Option<Raw> {
        let mut r = match year {
            Some(y) => Raw::new(start, end, DateValue::Day(Date::new(y, m, d).ok()?), Resolution::Absolute),
            None => {
                valid_month_day(m, d)?;
                let v = match self.p {
                    Some(p) => DateValue::Day(infer_day(p, m, d, false)?),
                    None => DateValue::Unresolved,
                };
                let mut r = Raw::new(start, end, v, Resolution::YearInferred);
                r.md = Some((m, d));
                r
            }
        };
        r.day_level = true;
        Some(r)
    }

    /// ISO and slashed dates: `2020-11-09`, `2020/11/09`, `13/11/2020`.
    fn numeric_at(&self, i: usize) -> Option<(Vec<Raw>, usize)> {
        if self.s.flags.get(i) != Some(&NumFlag::DatePart) {
            return None;
        }
        let a = self.s.num(i)?;
        let sep = self.s.toks.get(i + 1)?.lower.clone();
        if !matches!(sep.as_ref(), "-" | "/") || !self.s.is_punct(i + 3, &sep) {
            return None;
        }
        let b = self.s.num(i + 2)?.value as i64;
        let c = self.s.num(i + 4)?;
        let end = i + 5;
        let (value, res) = if a.int_digits == 4 {
            let d =
                Date::new(a.value as i16, i8::try_from(b).ok()?, i8::try_from(c.value as i64).ok()?).ok()?;
            (DateValue::Day(d), Resolution::Absolute)
        } else if sep == "/" && (c.int_digits == 4 || c.int_digits == 2) {
            let y = if c.int_digits == 2 { 2000 + c.value as i16 } else { c.value as i16 };
            let x = a.value as i64;
            let (m, d) = if x > 12 && b <= 12 {
                (b, x)
            } else if b > 12 && x <= 12 {
                (x, b)
            } else if x == b {
                (x, x)
            } else {
                return Some((vec![Raw::new(i, end, DateValue::Unresolved, Resolution::Unresolved)], end));
            };
            let d = Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
            (DateValue::Day(d), Resolution::Absolute)
        } else {
            return None;
        };
        let mut r = Raw::new(i, end, value, res);
        r.day_level = true;
        // "2024-07-20T14:02"
        if self.word(end) == Some("t")
            && self.s.glued(end)
            && self.s.glued(end + 1)
            && let Some(t) = self.clock_at(end + 1)
        {
            r.time = Some(t.tod);
            r.end = t.end;
        }
        let e = r.end;
        Some((vec![r], e))
    }

    /// Years, decades and year ranges.
    fn year_at(&self, i: usize) -> Option<(Vec<Raw>, usize)> {
        let n = self.s.num(i)?;
        if !n.plain_int() || n.int_digits != 4 {
            return None;
        }
        let y = n.value as i16;
        // "the 1990s"
        if self.word(i + 1) == Some("s") && self.s.glued(i + 1) && y % 10 == 0 && (1000..=2100).contains(&y) {
            let start = Date::new(y, 1, 1).ok()?;
            let end = Date::new(y + 9, 12, 31).ok()?;
            let r = Raw::new(i, i + 2, DateValue::Range { start, end }, Resolution::Absolute);
            return Some((vec![r], i + 2));
        }
        let mid = i >= 2 && self.s.is_punct(i - 1, "-") && self.s.glued(i) && self.word(i - 2) == Some("mid");
        if !(self.s.year_like(i) || (mid && (1000..=2100).contains(&y))) {
            return None;
        }
        // "2019-2021", "2020–22", "from 2019 to 2021", "between 2019 and 2021".
        let before = self.prev_word(i);
        let conn_ok = self.is_dash(i + 1)
            || (matches!(self.spaced_word(i + 1), Some("to" | "until" | "through" | "till"))
                && before == Some("from"))
            || (self.spaced_word(i + 1) == Some("and") && before == Some("between"));
        if conn_ok && let Some(n2) = self.s.num(i + 2).filter(|n| n.plain_int()) {
            let y2 = match n2.int_digits {
                4 => Some(n2.value as i16),
                2 if self.is_dash(i + 1) && self.s.glued(i + 2) => Some(y - y % 100 + n2.value as i16),
                _ => None,
            };
            if let Some(y2) = y2.filter(|&y2| y2 > y && y2 <= 2999) {
                let start = Date::new(y, 1, 1).ok()?;
                let end = Date::new(y2, 12, 31).ok()?;
                let r = Raw::new(i, i + 3, DateValue::Range { start, end }, Resolution::Absolute);
                return Some((vec![r], i + 3));
            }
        }
        Some((vec![Raw::new(i, i + 1, DateValue::Year(y), Resolution::Absolute)], i + 1))
    }

    // -----------------------------------------------------------------------
    // Times
    // -----------------------------------------------------------------------

    fn time_at(&self, i: usize, after_day: bool) -> Option<RawTime> {
        if let Some(t) = self.clock_at(i) {
            return Some(self.qualify_time(t));
        }
        let w = self.word(i)?;
        match w {
            "noon" | "midday" => {
                return Some(self.qualify_time(self.with_zone(i, i + 1, exact(hm(12, 0)), true, None)));
            }
            "midnight" => {
                return Some(self.qualify_time(self.with_zone(i, i + 1, exact(hm(0, 0)), true, None)));
            }
            _ => {}
        }
        let period = Period::from_word(w)?;
        let ctx = after_day
            || (i >= 2
                && self.word(i - 1) == Some("the")
                && matches!(self.word(i - 2), Some("in" | "during")))
            || (w == "night" && self.prev_word(i) == Some("at"))
            || self.prev_word(i) == Some("that")
            || w == "overnight";
        if !ctx {
            return None;
        }
        // "late in the evening", "early in the morning".
        let mut modifier = None;
        if i >= 3 && self.word(i - 1) == Some("the") && self.word(i - 2) == Some("in") {
            modifier = match self.word(i - 3) {
                Some("late") => Some(true),
                Some("early") => Some(false),
                _ => None,
            };
        }
        Some(RawTime { start: i, end: i + 1, tod: period.tod(modifier), clock: false, period: Some(period) })
    }

    /// Widens an exact time by the words before it (see the module docs):
    /// `about 2 p.m.`, `shortly before 5 a.m.`, `after 10 a.m.`.
    fn qualify_time(&self, mut t: RawTime) -> RawTime {
        if t.tod.start != t.tod.end {
            return t;
        }
        let at = t.tod.start;
        let secs = i32::from(at.hour()) * 3600 + i32::from(at.minute()) * 60 + i32::from(at.second());
        let clock = |x: i32| {
            if x >= 24 * 3600 {
                return Time::MAX;
            }
            let x = x.max(0);
            let part = |v: i32| i8::try_from(v).unwrap_or(0);
            Time::new(part(x / 3600), part((x % 3600) / 60), part(x % 60), 0).unwrap_or(Time::MAX)
        };
        let i = t.start;
        let w1 = if i >= 1 { self.word(i - 1) } else { None };
        let w0 = if i >= 2 { self.word(i - 2) } else { None };
        let shortly = matches!(w0, Some("shortly" | "just" | "soon" | "immediately" | "right"));
        let (range, start) = match w1 {
            Some("about" | "around" | "approximately" | "roughly" | "circa") => {
                ((clock(secs - 1800), clock(secs + 1800)), i - 1)
            }
            Some("before") if shortly => ((clock(secs - 3600), at), i - 2),
            Some("after") if shortly => ((at, clock(secs + 3600)), i - 2),
            Some("before" | "by") => ((Time::MIN, at), i),
            Some("after") => ((at, Time::MAX), i),
            _ => return t,
        };
        t.tod = TimeOfDay { start: range.0, end: range.1 };
        t.start = start;
        t
    }

    /// A clock time at `i`.
    fn clock_at(&self, i: usize) -> Option<RawTime> {
        let n = self.s.num(i)?;
        if n.grouped {
            return None;
        }
        let raw = &self.s.toks[i].lower;
        // 14:02, 3:30 p.m.
        if n.plain_int()
            && n.int_digits <= 2
            && self.s.is_punct(i + 1, ":")
            && self.s.glued(i + 1)
            && self.s.glued(i + 2)
            && let Some(mm) = self.s.num(i + 2).filter(|m| m.plain_int() && m.int_digits == 2)
        {
            let mut h = n.value as i64;
            let m = mm.value as i64;
            let mut end = i + 3;
            let mut sec = 0;
            if self.s.is_punct(end, ":")
                && self.s.glued(end)
                && self.s.glued(end + 1)
                && let Some(ss) = self.s.num(end + 1).filter(|s| s.plain_int() && s.int_digits == 2)
            {
                sec = ss.value as i64;
                end += 2;
            }
            if let Some((pm, e)) = self.s.clock_suffix(end) {
                h = apply_ampm(h, pm)?;
                end = e;
            } else if (1..=12).contains(&h)
                && self.word(end) == Some("in")
                && self.word(end + 1) == Some("the")
            {
                // "2:40 in the afternoon" is 14:40; "in the morning" keeps it.
                match self.word(end + 2) {
                    Some("afternoon" | "evening") => {
                        h = if h == 12 { 12 } else { h + 12 };
                        end += 3;
                    }
                    Some("morning") => {
                        h = if h == 12 { 0 } else { h };
                        end += 3;
                    }
                    _ => {}
                }
            }
            let t =
                Time::new(i8::try_from(h).ok()?, i8::try_from(m).ok()?, i8::try_from(sec).ok()?, 0).ok()?;
            return Some(self.with_zone(i, end, exact(t), true, None));
        }
        let (pm, e) = self.s.clock_suffix(i + 1)?;
        // 10.30 a.m.
        if n.decimal {
            let (hs, ms) = raw.split_once('.')?;
            if ms.len() != 2 || pm.is_none() {
                return None;
            }
            let h = apply_ampm(hs.parse().ok()?, pm)?;
            let t = Time::new(i8::try_from(h).ok()?, ms.parse().ok()?, 0, 0).ok()?;
            return Some(self.with_zone(i, e, exact(t), true, None));
        }
        if !n.plain_int() {
            return None;
        }
        let v = n.value as i64;
        let t = if n.int_digits == 4 && pm.is_none() && self.word(i + 1) != Some("o") {
            // 1400 GMT
            Time::new(i8::try_from(v / 100).ok()?, i8::try_from(v % 100).ok()?, 0, 0).ok()?
        } else if n.int_digits <= 2 {
            let h = match pm {
                Some(_) => apply_ampm(v, pm)?,
                None if (1..=12).contains(&v) => v,
                None => return None,
            };
            Time::new(i8::try_from(h).ok()?, 0, 0, 0).ok()?
        } else {
            return None;
        };
        Some(self.with_zone(i, e, exact(t), true, None))
    }

    /// Extends a time over a following `local time`, `GMT`, `UTC`.
    fn with_zone(
        &self,
        start: usize,
        end: usize,
        tod: TimeOfDay,
        clock: bool,
        period: Option<Period>,
    ) -> RawTime {
        let mut e = end;
        if self.spaced_word(e) == Some("local") && self.spaced_word(e + 1) == Some("time") {
            e += 2;
        } else if self.s.toks.get(e).is_some_and(|t| t.upper && t.kind == TokKind::Word && t.space_before)
            && matches!(self.word(e), Some("gmt" | "utc"))
        {
            e += 1;
        }
        RawTime { start, end: e, tod, clock, period }
    }

    // -----------------------------------------------------------------------
    // Post-processing
    // -----------------------------------------------------------------------

    /// Joins two dates separated by a dash, or by `to` after `from`, or by
    /// `and` after `between`.
    fn merge_ranges(&self, raws: Vec<Raw>) -> Vec<Raw> {
        let mut out: Vec<Raw> = Vec::with_capacity(raws.len());
        for r in raws {
            if let Some(prev) = out.last()
                && r.start == prev.end + 1
                && !matches!(prev.value, DateValue::Range { .. })
                && !matches!(r.value, DateValue::Range { .. })
            {
                let c = prev.end;
                let before = self.prev_word(prev.start);
                let ok = self.is_dash(c)
                    || (matches!(self.spaced_word(c), Some("to" | "until" | "through" | "till"))
                        && before == Some("from"))
                    || (self.spaced_word(c) == Some("and") && before == Some("between"));
                if ok && let Some(merged) = self.merge_two(prev, &r) {
                    if let Some(last) = out.last_mut() {
                        *last = merged;
                    }
                    continue;
                }
            }
            out.push(r);
        }
        out
    }

    fn merge_two(&self, a: &Raw, b: &Raw) -> Option<Raw> {
        let mut a = a.clone();
        let mut b = b.clone();
        // "from December 12 to January 23", both year-less: the end follows the start.
        if let (Some(_), Some((m, d)), DateValue::Day(ad), DateValue::Day(bd)) =
            (a.md, b.md, a.value, b.value)
            && bd < ad
        {
            b.value = DateValue::Day(Date::new(bd.year().checked_add(1)?, m, d).ok()?);
        }
        // "December 12-January 23, 2023": the first takes the second's year.
        if let (Some((m, d)), true, DateValue::Day(bd)) = (a.md, b.explicit_year, b.value) {
            let mut y = bd.year();
            if Date::new(y, m, d).ok()? > bd {
                y -= 1;
            }
            a.value = DateValue::Day(Date::new(y, m, d).ok()?);
            a.res = Resolution::Absolute;
            a.explicit_year = true;
        }
        range_of(&a, &b, a.start, b.end)
    }

    /// Absorbs modifiers before a mention and finds its relation.
    fn absorb_context(&self, mut r: Raw) -> (Raw, Option<DateRelation>) {
        let mut p = r.start;
        let modifier_at = |k: usize| match self.word(k) {
            Some("late") => Some(true),
            Some("early") => Some(false),
            _ => None,
        };
        if r.day_level {
            if p >= 1
                && let Some(m) = modifier_at(p - 1)
            {
                r.modifier = Some(m);
                p -= 1;
            }
        } else if p >= 2 && self.s.is_punct(p - 1, "-") && self.word(p - 2) == Some("mid") {
            p -= 2;
        } else if p >= 1 && matches!(self.word(p - 1), Some("early" | "late" | "mid")) {
            p -= 1;
        }
        let (rel, rel_len) = self.relation_before(p);
        if r.day_level
            && r.modifier.is_none()
            && rel.is_some()
            && p > rel_len
            && let Some(m) = modifier_at(p - rel_len - 1)
        {
            // "late on Sunday": the modifier and the preposition join the span.
            r.modifier = Some(m);
            p -= rel_len + 1;
        }
        r.start = p;
        if let Some(late) = r.modifier {
            let tod = if late {
                TimeOfDay { start: hm(LATE_TIME.0, LATE_TIME.1), end: Time::MAX }
            } else {
                TimeOfDay { start: hm(0, 0), end: hm(EARLY_END.0, EARLY_END.1) }
            };
            r.time.get_or_insert(tod);
        }
        (r, rel)
    }

    /// The relation word(s) ending right before `p`: the relation and how
    /// many tokens it takes.
    fn relation_before(&self, p: usize) -> (Option<DateRelation>, usize) {
        if p == 0 {
            return (None, 0);
        }
        // "in the 1990s": one "the" may sit between.
        if self.word(p - 1) == Some("the") {
            let (rel, n) = if p >= 2 { self.relation_word(p - 1) } else { (None, 0) };
            return if rel.is_some() { (rel, n + 1) } else { (None, 0) };
        }
        self.relation_word(p)
    }

    /// The relation word(s) ending right before `p`, without skipping.
    fn relation_word(&self, p: usize) -> (Option<DateRelation>, usize) {
        if p == 0 {
            return (None, 0);
        }
        let two = if p >= 2 { self.word(p - 2) } else { None };
        match (two, self.word(p - 1)) {
            (Some("as"), Some("of")) => return (Some(DateRelation::On), 2),
            (Some("prior"), Some("to")) => return (Some(DateRelation::Before), 2),
            _ => {}
        }
        let rel = match self.word(p - 1) {
            Some("on") => DateRelation::On,
            Some("in" | "during") => DateRelation::In,
            Some("since") => DateRelation::Since,
            Some("until" | "till" | "through") => DateRelation::Until,
            Some("from") => DateRelation::From,
            Some("by") => DateRelation::By,
            Some("before") => DateRelation::Before,
            Some("after" | "following") => DateRelation::After,
            Some("between") => DateRelation::Between,
            _ => return (None, 0),
        };
        (Some(rel), 1)
    }

    fn attach_times(
        &self,
        raws: &mut [(Raw, Option<DateRelation>)],
        times: Vec<RawTime>,
        standalone: &mut Vec<(RawTime, Option<DateRelation>)>,
    ) {
        // Day-level mentions, in text order (their starts increase).
        let day_level: Vec<usize> = (0..raws.len()).filter(|&k| raws[k].0.day_level).collect();
        for t in times {
            // The nearest day-level mention: the last one starting before the
            // time or the first one starting after it.
            let after = day_level.partition_point(|&k| raws[k].0.start < t.start);
            let mut best: Option<(usize, usize)> = None;
            for pos in [after.checked_sub(1), Some(after)].into_iter().flatten() {
                let Some(&idx) = day_level.get(pos) else { continue };
                let r = &raws[idx].0;
                let gap = if t.start >= r.end { t.start - r.end } else { r.start.saturating_sub(t.end) };
                if best.is_none_or(|(_, g)| gap < g) {
                    best = Some((idx, gap));
                }
            }
            match best {
                Some((idx, gap)) => {
                    let (r, _) = &mut raws[idx];
                    let tod = match (t.period, r.modifier) {
                        (Some(p), Some(m)) => p.tod(Some(m)),
                        _ => t.tod,
                    };
                    let replace = r.time.is_none()
                        || (r.modifier.is_some() && t.period.is_some() && r.time_span.is_none())
                        || (r.modifier.is_some() && t.clock);
                    if !replace {
                        continue;
                    }
                    r.time = Some(tod);
                    if gap <= 3 && self.only_connectors(r.end.min(t.end), r.start.max(t.start)) {
                        r.start = r.start.min(t.start);
                        r.end = r.end.max(t.end);
                        r.time_span = None;
                    } else {
                        r.time_span = Some((t.start, t.end));
                    }
                }
                None if t.clock => {
                    let (rel, _) = self.relation_before(t.start);
                    standalone.push((t, rel));
                }
                None => {}
            }
        }
    }

    fn only_connectors(&self, from: usize, to: usize) -> bool {
        (from..to).all(|k| {
            self.s.is_punct(k, ",")
                || matches!(self.word(k), Some("at" | "on" | "around" | "about" | "in" | "the" | "shortly"))
        })
    }
}

fn to_weekday(n: i8) -> Option<Weekday> {
    Weekday::from_monday_one_offset(n).ok()
}

fn apply_ampm(h: i64, pm: Option<bool>) -> Option<i64> {
    match pm {
        None => (0..=23).contains(&h).then_some(h),
        Some(pm) => {
            if !(1..=12).contains(&h) {
                return None;
            }
            Some(match (pm, h) {
                (false, 12) => 0,
                (false, h) => h,
                (true, 12) => 12,
                (true, h) => h + 12,
            })
        }
    }
}

/// Whether month `m`, day `d` exists in some year.
fn valid_month_day(m: i8, d: i8) -> Option<()> {
    Date::new(2000, m, d).ok().map(|_| ())
}

/// The most recent month `m`, day `d` on or before `p` (strictly before if
/// `strict`), looking back up to eight years (for February 29).
fn infer_day(p: Date, m: i8, d: i8, strict: bool) -> Option<Date> {
    (0..=8).find_map(|back| {
        let y = p.year().checked_sub(back)?;
        let date = Date::new(y, m, d).ok()?;
        (date < p || (!strict && date == p)).then_some(date)
    })
}

/// A year-less month placed relative to `p`.
fn infer_month(p: Date, m: i8, mode: MonthMode) -> Option<DateValue> {
    let py = p.year();
    let pm = p.month();
    let year = match mode {
        MonthMode::OnOrBefore => {
            if m <= pm {
                py
            } else {
                py.checked_sub(1)?
            }
        }
        MonthMode::Last => {
            if m < pm {
                py
            } else {
                py.checked_sub(1)?
            }
        }
        MonthMode::This => py,
        MonthMode::Next => {
            if m > pm {
                py
            } else {
                py.checked_add(1)?
            }
        }
    };
    Date::new(year, m, 1).ok()?;
    Some(DateValue::Month { year, month: m })
}

/// The year for a year-less date with a weekday (see the module docs).
fn pick_by_weekday(p: Date, m: i8, d: i8, wd: Weekday) -> Option<Date> {
    let past = infer_day(p, m, d, false)?;
    if past.weekday() == wd {
        return Some(past);
    }
    let future = (0..=1).find_map(|ahead| {
        let date = Date::new(p.year().checked_add(ahead)?, m, d).ok()?;
        (date > p).then_some(date)
    });
    if let Some(f) = future
        && f.weekday() == wd
        && p.checked_add(60.days()).is_ok_and(|limit| f <= limit)
    {
        return Some(f);
    }
    Some(past)
}

/// A range from the start of `a` to the end of `b` over tokens `start..end`.
fn range_of(a: &Raw, b: &Raw, start: usize, end: usize) -> Option<Raw> {
    let res = a.res.max(b.res);
    let value = match (a.value.bounds(), b.value.bounds()) {
        (Some((s, _)), Some((_, e))) if s <= e => DateValue::Range { start: s, end: e },
        (Some(_), Some(_)) => return None,
        _ => DateValue::Unresolved,
    };
    let mut r = Raw::new(start, end, value, res);
    r.explicit_year = a.explicit_year && b.explicit_year;
    r.day_level = false;
    Some(r)
}

#[cfg(test)]
mod tests {
    use jiff::civil::{date, time};

    use super::*;

    /// `dates_in` passes over a text only where the finder, tried at every
    /// token, finds nothing, with and without a publication date: on every
    /// paragraph of the fixtures, and on one text for each of the finder's
    /// patterns, which the first test must let through.
    #[test]
    fn first_test_passes_over_only_texts_without_dates() {
        let with_dates = [
            "It happened two days ago.",
            "It happened a week ago.",
            "They met last week and again this weekend.",
            "Talks resumed earlier this month.",
            "He left last night.",
            "She spoke this morning.",
            "The vote is next Tuesday.",
            "The vote is on Saturday.",
            "The vote was in March.",
            "The vote was on Dec 12.",
            "It was said last December.",
            "The talks began on 9 November 2020.",
            "The report is dated 2020-11-09.",
            "Prices rose in the 1990s.",
            "The plane landed at 14:02.",
            "The plane landed at noon.",
            "The plane landed at midnight.",
            "The blast came at 9 p.m.",
            "The blast came on Friday late in the evening.",
            "Results are expected tonight.",
            "Results came yesterday and more are due today or tomorrow.",
        ];
        let p = Some(date(2024, 5, 15));
        for text in with_dates {
            let lower = text.to_ascii_lowercase();
            let scan = Scan::new(text, &lower);
            assert!(!Finder { s: &scan, p }.run().is_empty(), "no date found in {text:?}");
            assert!(may_hold_date(&scan), "passed over: {text:?}");
        }
        let mut passed_over = 0;
        let texts = crate::test_support::fixture_texts();
        for text in texts.iter().flat_map(|t| t.split("\n\n")) {
            let lower = text.to_ascii_lowercase();
            let scan = Scan::new(text, &lower);
            if !may_hold_date(&scan) {
                passed_over += 1;
                for p in [None, p] {
                    assert!(Finder { s: &scan, p }.run().is_empty(), "passed over a date in {text:?}");
                }
            }
        }
        assert!(passed_over >= 20, "{passed_over} paragraphs passed over");
        let plain = "The minister said the road was open, and may say so again.";
        assert!(!may_hold_date(&Scan::new(plain, &plain.to_ascii_lowercase())));
    }

    fn tname(t: Time) -> String {
        if t == Time::MAX { "24:00".to_owned() } else { format!("{:02}:{:02}", t.hour(), t.minute()) }
    }

    /// One line per mention: `text | value | relation | resolution | time`.
    fn describe(m: &DateMention) -> String {
        let value = match m.value {
            DateValue::Day(d) => d.to_string(),
            DateValue::Month { year, month } => format!("{year:04}-{month:02}"),
            DateValue::Year(y) => y.to_string(),
            DateValue::Range { start, end } => format!("{start}..{end}"),
            DateValue::Unresolved => "?".to_owned(),
        };
        let kebab = |v: serde_json::Value| v.as_str().map(str::to_owned).unwrap_or_default();
        let rel = m.relation.map_or("-".to_owned(), |r| kebab(serde_json::to_value(r).unwrap_or_default()));
        let res = kebab(serde_json::to_value(m.resolved_from).unwrap_or_default());
        let time = m.time.map_or("-".to_owned(), |t| {
            if t.start == t.end { tname(t.start) } else { format!("{}-{}", tname(t.start), tname(t.end)) }
        });
        format!("{} | {value} | {rel} | {res} | {time}", m.text)
    }

    const P1: Option<Date> = Some(date(2023, 1, 18)); // a Wednesday
    const P2: Option<Date> = Some(date(2023, 7, 18)); // a Tuesday

    /// (text, publication date, every mention in order).
    const CASES: &[(&str, Option<Date>, &[&str])] = &[
        // Absolute forms.
        ("signed on November 9, 2020", P1, &["November 9, 2020 | 2020-11-09 | on | absolute | -"]),
        ("signed on November 10, 2020", P1, &["November 10, 2020 | 2020-11-10 | on | absolute | -"]),
        ("Nov. 9, 2020", P1, &["Nov. 9, 2020 | 2020-11-09 | - | absolute | -"]),
        ("9 November 2020", P1, &["9 November 2020 | 2020-11-09 | - | absolute | -"]),
        ("the report of 18 January 2023", None, &["18 January 2023 | 2023-01-18 | - | absolute | -"]),
        ("published 2020-11-09", None, &["2020-11-09 | 2020-11-09 | - | absolute | -"]),
        ("on 13/11/2020", None, &["13/11/2020 | 2020-11-13 | on | absolute | -"]),
        ("on 11/9/2020", None, &["11/9/2020 | ? | on | unresolved | -"]),
        ("the 12th of December 2020", None, &["12th of December 2020 | 2020-12-12 | - | absolute | -"]),
        ("May 2, 2023", P1, &["May 2, 2023 | 2023-05-02 | - | absolute | -"]),
        ("on September 27, 2020", P1, &["September 27, 2020 | 2020-09-27 | on | absolute | -"]),
        ("February 2022 was cold", P1, &["February 2022 | 2022-02 | - | absolute | -"]),
        // Ranges and lists.
        (
            "from December 12, 2022-January 23, 2023",
            None,
            &["December 12, 2022-January 23, 2023 | 2022-12-12..2023-01-23 | from | absolute | -"],
        ),
        (
            "December 12-January 23, 2023",
            None,
            &["December 12-January 23, 2023 | 2022-12-12..2023-01-23 | - | absolute | -"],
        ),
        (
            "Protests took place on December 3 and 4.",
            P1,
            &["December 3 | 2022-12-03 | on | year-inferred | -", "4 | 2022-12-04 | - | year-inferred | -"],
        ),
        (
            "on 3 and 4 December 2020",
            P1,
            &["3 | 2020-12-03 | on | absolute | -", "4 December 2020 | 2020-12-04 | - | absolute | -"],
        ),
        ("December 3-5", P1, &["December 3-5 | 2022-12-03..2022-12-05 | - | year-inferred | -"]),
        ("3-5 December 2020", P1, &["3-5 December 2020 | 2020-12-03..2020-12-05 | - | absolute | -"]),
        (
            "from December 12 to January 23",
            P1,
            &["December 12 to January 23 | 2022-12-12..2023-01-23 | from | year-inferred | -"],
        ),
        ("between 2019 and 2021", P1, &["2019 and 2021 | 2019-01-01..2021-12-31 | between | absolute | -"]),
        ("the 2019-2021 period", P1, &["2019-2021 | 2019-01-01..2021-12-31 | - | absolute | -"]),
        ("in the 1990s", P1, &["1990s | 1990-01-01..1999-12-31 | in | absolute | -"]),
        // Years.
        ("independence in 1991", P1, &["1991 | 1991 | in | absolute | -"]),
        ("in 2020 it lost", P1, &["2020 | 2020 | in | absolute | -"]),
        ("the 44-day 2020 war", P1, &["2020 | 2020 | - | absolute | -"]),
        ("by mid-2020", P1, &["mid-2020 | 2020 | by | absolute | -"]),
        // Year inference: never the future.
        ("blocked since December 12", P1, &["December 12 | 2022-12-12 | since | year-inferred | -"]),
        ("since January 18", P1, &["January 18 | 2023-01-18 | since | year-inferred | -"]),
        ("since January 19", P1, &["January 19 | 2022-01-19 | since | year-inferred | -"]),
        ("the attack of last December 20", P1, &["last December 20 | 2022-12-20 | - | year-inferred | -"]),
        ("on April 28", P1, &["April 28 | 2022-04-28 | on | year-inferred | -"]),
        ("in February", P2, &["February | 2023-02 | in | year-inferred | -"]),
        ("in December", P2, &["December | 2022-12 | in | year-inferred | -"]),
        ("in July", P2, &["July | 2023-07 | in | year-inferred | -"]),
        ("last July", P2, &["last July | 2022-07 | - | year-inferred | -"]),
        ("next March", P2, &["next March | 2024-03 | - | year-inferred | -"]),
        ("in early March", P2, &["early March | 2023-03 | in | year-inferred | -"]),
        (
            "On Saturday, July 15, thousands marched",
            P2,
            &["Saturday, July 15 | 2023-07-15 | on | year-inferred | -"],
        ),
        ("on Friday, July 28", P2, &["Friday, July 28 | 2023-07-28 | on | year-inferred | -"]),
        ("on February 29", P2, &["February 29 | 2020-02-29 | on | year-inferred | -"]),
        // Weekdays and relative words.
        ("He spoke on Monday.", P1, &["Monday | 2023-01-16 | on | relative | -"]),
        ("on Wednesday", P1, &["Wednesday | 2023-01-18 | on | relative | -"]),
        ("last Wednesday", P1, &["last Wednesday | 2023-01-11 | - | relative | -"]),
        ("last Friday", P1, &["last Friday | 2023-01-13 | - | relative | -"]),
        ("this Monday", P1, &["this Monday | 2023-01-16 | - | relative | -"]),
        ("next Monday", P1, &["next Monday | 2023-01-23 | - | relative | -"]),
        ("late on Sunday", P1, &["late on Sunday | 2023-01-15 | on | relative | 20:00-24:00"]),
        ("Early Monday, police arrived", P1, &["Early Monday | 2023-01-16 | - | relative | 00:00-09:00"]),
        ("on Sunday evening", P1, &["Sunday evening | 2023-01-15 | on | relative | 18:00-22:00"]),
        ("late Sunday night", P1, &["late Sunday night | 2023-01-15 | - | relative | 22:00-24:00"]),
        ("today", P1, &["today | 2023-01-18 | - | relative | -"]),
        ("at 2:40 in the afternoon", P1, &["2:40 in the afternoon | ? | - | unresolved | 14:40"]),
        ("yesterday afternoon", P1, &["yesterday afternoon | 2023-01-17 | - | relative | 12:00-18:00"]),
        ("tomorrow", P1, &["tomorrow | 2023-01-19 | - | relative | -"]),
        ("last night", P1, &["last night | 2023-01-17 | - | relative | 20:00-24:00"]),
        ("this morning", P1, &["this morning | 2023-01-18 | - | relative | 06:00-12:00"]),
        ("last week", P1, &["last week | 2023-01-09..2023-01-15 | - | relative | -"]),
        ("earlier this week", P1, &["earlier this week | 2023-01-16..2023-01-22 | - | relative | -"]),
        ("last weekend", P1, &["last weekend | 2023-01-14..2023-01-15 | - | relative | -"]),
        ("earlier this month", P1, &["earlier this month | 2023-01 | - | relative | -"]),
        ("last month", P1, &["last month | 2022-12 | - | relative | -"]),
        ("last year", P1, &["last year | 2022 | - | relative | -"]),
        ("this year", P1, &["this year | 2023 | - | relative | -"]),
        ("two days ago", P1, &["two days ago | 2023-01-16 | - | relative | -"]),
        ("3 weeks ago", P1, &["3 weeks ago | 2022-12-25..2022-12-31 | - | relative | -"]),
        ("a year ago", P1, &["a year ago | 2022 | - | relative | -"]),
        // Times.
        (
            "Last update: July 20, 2024 14:02",
            P1,
            &["July 20, 2024 14:02 | 2024-07-20 | - | absolute | 14:02"],
        ),
        (
            "on Monday at 10 a.m. local time",
            P1,
            &["Monday at 10 a.m. local time | 2023-01-16 | on | relative | 10:00"],
        ),
        (
            "the blast at 3:30 p.m. on Tuesday",
            P1,
            &["3:30 p.m. on Tuesday | 2023-01-17 | on | relative | 15:30"],
        ),
        ("The meeting starts at noon.", P1, &["noon | ? | - | unresolved | 12:00"]),
        ("the fire broke out at about 2 p.m.", None, &["about 2 p.m. | ? | - | unresolved | 13:30-14:30"]),
        (
            "shortly before 5 a.m. last Saturday",
            P1,
            &["shortly before 5 a.m. last Saturday | 2023-01-14 | - | relative | 04:00-05:00"],
        ),
        ("before 5 a.m.", None, &["5 a.m. | ? | before | unresolved | 00:00-05:00"]),
        ("just after 11:30 p.m.", None, &["just after 11:30 p.m. | ? | - | unresolved | 23:30-24:00"]),
        ("until midnight", None, &["midnight | ? | until | unresolved | 00:00"]),
        ("by 10am", None, &["10am | ? | by | unresolved | 00:00-10:00"]),
        (
            "at 12 a.m. and 12 p.m.",
            None,
            &["12 a.m. | ? | - | unresolved | 00:00", "12 p.m. | ? | - | unresolved | 12:00"],
        ),
        ("at 1400 GMT", None, &["1400 GMT | ? | - | unresolved | 14:00"]),
        ("2024-07-20T14:02", None, &["2024-07-20T14:02 | 2024-07-20 | - | absolute | 14:02"]),
        // Without a publication date.
        ("since December 12", None, &["December 12 | ? | since | unresolved | -"]),
        ("on Monday", None, &["Monday | ? | on | unresolved | -"]),
        ("yesterday", None, &["yesterday | ? | - | unresolved | -"]),
        ("in February", None, &["February | ? | in | unresolved | -"]),
        ("the 2014–2015 season", P1, &["2014–2015 | 2014-01-01..2015-12-31 | - | absolute | -"]),
        (
            "Tuesday, December 12, 2023 was cold",
            P1,
            &["Tuesday, December 12, 2023 | 2023-12-12 | - | absolute | -"],
        ),
        ("held on 3–4 March", P2, &["3–4 March | 2023-03-03..2023-03-04 | on | year-inferred | -"]),
        ("early next week", P1, &["early next week | 2023-01-23..2023-01-29 | - | relative | -"]),
        ("late last year", P1, &["late last year | 2022 | - | relative | -"]),
        ("by March 2021", P1, &["March 2021 | 2021-03 | by | absolute | -"]),
        // Negatives.
        ("over the past week they were freed on the 13th", P1, &[]),
        ("No. 10 said the 44-day war killed 120,000, or 20 percent.", P1, &[]),
        ("the Secretary-General said", P1, &[]),
        ("It may rain; the march continued; the March rally.", P1, &[]),
        ("2000 people marched and 1,990 troops", P1, &[]),
        ("on February 30", P1, &[]),
        ("The Sunday Times and Good Friday", P1, &[]),
        ("the 12th and the 3rd", P1, &[]),
        ("COVID-19 and F-16 in 5G", P1, &[]),
    ];

    #[test]
    fn table() {
        let mut failures = Vec::new();
        for (text, p, want) in CASES {
            let got: Vec<String> = find_dates(text, 0, *p).iter().map(describe).collect();
            let want: Vec<String> = want.iter().map(|s| (*s).to_owned()).collect();
            if got != want {
                failures.push(format!("{text:?} (P = {p:?})\n   want {want:#?}\n   got  {got:#?}"));
            }
        }
        assert!(CASES.len() >= 40);
        assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn time_far_from_its_day_keeps_its_own_span() {
        let text = "On Monday, the convoy that left the border crossing arrived at 10 a.m.";
        let m = find_dates(text, 50, P1);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].text, "Monday");
        assert_eq!(m[0].time, Some(TimeOfDay { start: time(10, 0, 0, 0), end: time(10, 0, 0, 0) }));
        let ts = m[0].time_span.map(|s| Span::new(s.start - 50, s.end - 50));
        assert_eq!(ts.map(|s| s.slice(text)), Some("10 a.m."));
        assert_eq!(m[0].span.start, 50 + 3);
    }

    #[test]
    fn bounds_granularity_and_compatibility() {
        let nov9 = DateValue::Day(date(2020, 11, 9));
        let nov10 = DateValue::Day(date(2020, 11, 10));
        let nov = DateValue::Month { year: 2020, month: 11 };
        let y2020 = DateValue::Year(2020);
        let war = DateValue::Range { start: date(2020, 9, 27), end: date(2020, 11, 10) };
        let cases: &[(DateValue, DateValue, Option<bool>)] = &[
            (nov9, nov10, Some(false)),
            (nov9, nov9, Some(true)),
            (nov9, nov, Some(true)),
            (nov10, y2020, Some(true)),
            (nov9, DateValue::Year(2021), Some(false)),
            (war, nov10, Some(true)),
            (war, DateValue::Day(date(2020, 11, 11)), Some(false)),
            (DateValue::Month { year: 2020, month: 12 }, nov, Some(false)),
            (nov9, DateValue::Unresolved, None),
            (DateValue::Unresolved, DateValue::Unresolved, None),
        ];
        for (a, b, want) in cases {
            assert_eq!(a.compatible(b), *want, "{a:?} vs {b:?}");
            assert_eq!(b.compatible(a), *want, "{b:?} vs {a:?}");
        }
        assert_eq!(
            DateValue::Month { year: 2023, month: 2 }.bounds(),
            Some((date(2023, 2, 1), date(2023, 2, 28)))
        );
        assert_eq!(y2020.bounds(), Some((date(2020, 1, 1), date(2020, 12, 31))));
        assert_eq!(DateValue::Month { year: 2023, month: 13 }.bounds(), None);
        assert_eq!(war.granularity(), Granularity::Range);
        assert_eq!(nov9.granularity(), Granularity::Day);
        assert_eq!(nov.granularity(), Granularity::Month);
    }

    #[test]
    fn json_shape_is_stable() {
        let m = &find_dates("Fighting resumed late on Sunday.", 3, P1)[0];
        let v = serde_json::to_value(m).unwrap();
        assert_eq!(
            v,
            serde_json::json!({
                "span": {"start": 20, "end": 34},
                "text": "late on Sunday",
                "value": {"type": "day", "value": "2023-01-15"},
                "time": {"start": "20:00:00", "end": "23:59:59.999999999"},
                "time_span": null,
                "relation": "on",
                "resolved_from": "relative"
            })
        );
        assert_eq!(&serde_json::from_value::<DateMention>(v).unwrap(), m);
        for value in [
            DateValue::Month { year: 2020, month: 2 },
            DateValue::Year(1991),
            DateValue::Range { start: date(2020, 1, 1), end: date(2020, 2, 1) },
            DateValue::Unresolved,
        ] {
            let json = serde_json::to_string(&value).unwrap();
            assert_eq!(serde_json::from_str::<DateValue>(&json).unwrap(), value, "{json}");
        }
        assert_eq!(serde_json::to_string(&DateValue::Unresolved).unwrap(), r#"{"type":"unresolved"}"#);
        assert_eq!(serde_json::to_string(&Granularity::Month).unwrap(), r#""month""#);
    }

    /// Every number is either a date part or a quantity, never both.
    #[test]
    fn dates_and_quantities_do_not_overlap() {
        let texts = [
            "On December 12, 2022, 12 people died and 2000 people marched in 2020.",
            "The 44-day 2020 war ended on November 10, 2020 at 10 a.m.; 3,000 troops left.",
            "Since 1991, some 30,000 people died; on 3 and 4 December 2020, 12 more.",
        ];
        for text in texts {
            let dates = find_dates(text, 0, P1);
            let qs = crate::quantity::find_quantities(text, 0);
            assert!(!dates.is_empty() && !qs.is_empty(), "{text}");
            for d in &dates {
                for q in &qs {
                    assert!(!d.span.overlaps(q.span), "{text}: {:?} and {:?}", d.text, q.text);
                }
            }
        }
    }

    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[(self.next() % items.len() as u64) as usize]
        }
    }

    const FRAGMENTS: &[&str] = &[
        " ",
        " ",
        " ",
        "December",
        "Dec",
        ".",
        ",",
        "-",
        "–",
        "12",
        "3",
        "31",
        "29",
        "2020",
        "1990",
        "s",
        "and",
        "to",
        "from",
        "between",
        "since",
        "on",
        "last",
        "this",
        "next",
        "Monday",
        "Sunday",
        "late",
        "early",
        "morning",
        "night",
        "today",
        "yesterday",
        "ago",
        "days",
        "week",
        "a",
        "a.m.",
        "pm",
        ":",
        "14",
        "02",
        "00",
        "noon",
        "T",
        "/",
        "mid",
        "May",
        "February",
        "Ə",
        "😀",
        "\u{0301}",
        "١٢",
        "'",
        "o",
        "clock",
        "GMT",
        "local",
        "time",
        "9999999999999999999999999",
        "2100",
        "0000",
        "99",
    ];

    fn check(text: &str, p: Option<Date>) {
        for m in find_dates(text, 7, p) {
            let s = Span::new(m.span.start - 7, m.span.end - 7);
            assert!(s.start < s.end && s.end <= text.len(), "{text:?}: {s:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{text:?}: {s:?}");
            assert_eq!(&text[s.range()], m.text);
            if let Some(t) = m.time_span {
                assert!(text.get(t.start - 7..t.end - 7).is_some(), "{text:?}: time {t:?}");
            }
            if let Some((a, b)) = m.value.bounds() {
                assert!(a <= b);
            }
            if let Some(t) = m.time {
                assert!(t.start <= t.end, "{text:?}: {t:?}");
            }
        }
    }

    #[test]
    fn generated_text_never_panics_and_spans_are_valid() {
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let dates = [None, P1, P2, Some(Date::MIN), Some(Date::MAX), Some(date(2024, 2, 29))];
        for n in 0..3000 {
            let len = (rng.next() % 20) as usize;
            let text: String = (0..len).map(|_| rng.pick(FRAGMENTS)).collect();
            check(&text, dates[n % dates.len()]);
        }
        for n in 0..500 {
            let len = (rng.next() % 40) as usize;
            let text: String =
                (0..len).filter_map(|_| char::from_u32((rng.next() % 0x11_0000) as u32)).collect();
            check(&text, dates[n % dates.len()]);
        }
    }

    #[test]
    fn linear_time_on_a_megabyte() {
        use std::time::{Duration, Instant};
        let time = |text: &str| {
            let t = Instant::now();
            let n = find_dates(text, 0, P1).len();
            (t.elapsed(), n)
        };
        for unit in ["1,234,", "9", "1,", "December 12, 2020 ", "on Monday at 10 a.m. ", "1-2-"] {
            let big = unit.repeat(1_000_000 / unit.len());
            let small = unit.repeat(100_000 / unit.len());
            let (t_big, _) = time(&big);
            let (t_small, _) = time(&small);
            assert!(t_big < Duration::from_secs(20), "{unit:?}: {t_big:?}");
            assert!(t_big < t_small * 40 + Duration::from_millis(500), "{unit:?}: {t_small:?} -> {t_big:?}");
        }
    }
}
