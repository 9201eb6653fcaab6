//! A synthetic news corpus for benchmarks: N articles over S invented stories.
//!
//! ```text
//! cargo run --release --example synth -- --stories S --docs N --out DIR [--seed X]
//! ```
//!
//! Each story is an invented incident (an explosion, a fire, a collapse, a
//! flood, a blockade) in an invented town, with invented officials, a
//! company, a union and an opposition figure. Each article is written by one
//! of many invented outlets with a slant (official, opposition or neutral),
//! so the articles of one story disagree the way real coverage does: death
//! and injury tolls, arrests, the day and the time of the event, whether a
//! road was closed, whether tear gas was used, denials, loaded labels. Other
//! articles agree. Sentences are drawn from a pool of templates with
//! varied order, length, figures and background, so no two articles are
//! copies of each other.
//!
//! The output is deterministic: the same arguments give the same files,
//! byte for byte. Files are `DIR/aNNNNNNN.txt` with front matter (outlet,
//! title, published, author), the format `claimgraph` reads.

use std::fmt::Write as _;
use std::path::PathBuf;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut r = Rng(seed ^ 0x9e37_79b9_7f4a_7c15);
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

// ---------------------------------------------------------------- invented names

const ONSETS: &[&str] = &[
    "b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "r", "s", "st", "t", "tr", "v",
    "vr", "z", "th", "sk", "j", "c", "ch", "w",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ei", "ou", "ia", "io"];
const CODAS: &[&str] = &["", "", "n", "r", "l", "s", "m", "th", "nd", "rk", "st", "v", "sk", "x"];
const PLACE_ENDS: &[&str] = &["ora", "enne", "ava", "ost", "mere", "wick", "ford", "vale", "holm", "ria"];

fn word(rng: &mut Rng, syllables: usize) -> String {
    let mut w = String::new();
    for i in 0..syllables {
        w.push_str(rng.pick(ONSETS));
        w.push_str(rng.pick(VOWELS));
        if i + 1 == syllables || rng.chance(30) {
            w.push_str(rng.pick(CODAS));
        }
    }
    capitalize(&w)
}

fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

fn place(rng: &mut Rng) -> String {
    let n = 1 + rng.below(2);
    let base = word(rng, n);
    format!("{base}{}", rng.pick(PLACE_ENDS))
}

fn person(rng: &mut Rng) -> String {
    let first = word(rng, 2);
    let n = 2 + rng.below(2);
    format!("{first} {}", word(rng, n))
}

fn slug(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

// ---------------------------------------------------------------- stories

#[derive(Clone, Copy, PartialEq, Eq)]
enum Incident {
    Explosion,
    Fire,
    Collapse,
    Flood,
    Blockade,
}

struct Story {
    incident: Incident,
    town: String,
    region: String,
    country: String,
    facility: String,
    facility_short: String,
    road: String,
    company: String,
    minister: String,
    ministry: String,
    police_spokes: String,
    mayor: String,
    union_leader: String,
    union: String,
    opposition: String,
    party: String,
    ceo: String,
    day: (i32, u32, u32),
    hour: u32,
    deaths: u64,
    injured: u64,
    arrested: u64,
    displaced: u64,
    crowd: u64,
    built: u32,
    workers: u64,
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn add_days((mut y, mut m, mut d): (i32, u32, u32), n: u32) -> (i32, u32, u32) {
    for _ in 0..n {
        d += 1;
        if d > days_in_month(y, m) {
            d = 1;
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    }
    (y, m, d)
}

/// Day of the week, 0 = Monday (Sakamoto's method).
fn weekday((y, m, d): (i32, u32, u32)) -> usize {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let w = (y + y / 4 - y / 100 + y / 400 + T[m as usize - 1] + d as i32) % 7; // 0 = Sunday
    ((w + 6) % 7) as usize
}

fn story(seed: u64, s: usize) -> Story {
    let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(s as u64));
    let incident = rng.pick(&[
        Incident::Explosion,
        Incident::Fire,
        Incident::Collapse,
        Incident::Flood,
        Incident::Blockade,
    ]);
    let town = place(&mut rng);
    let facility_word = match incident {
        Incident::Explosion => rng.pick(&["chemical plant", "fuel depot", "grain terminal", "refinery"]),
        Incident::Fire => rng.pick(&["warehouse", "textile factory", "shopping centre", "depot"]),
        Incident::Collapse => rng.pick(&["apartment block", "footbridge", "car park", "school building"]),
        Incident::Flood => rng.pick(&["dam", "reservoir", "river embankment", "levee"]),
        Incident::Blockade => rng.pick(&["mine", "border crossing", "power station", "port"]),
    };
    let fac_name = word(&mut rng, 2);
    let facility = format!("{fac_name} {}", title_case(facility_word));
    let facility_short = format!("the {facility_word}");
    let road =
        format!("{} {}", word(&mut rng, 2), rng.pick(&["Road", "Bridge", "Highway", "Pass", "Avenue"]));
    let company =
        format!("{} {}", word(&mut rng, 2), rng.pick(&["Holdings", "Industries", "Group", "Logistics"]));
    let year = 2021 + rng.below(5) as i32;
    let month = 1 + rng.below(12) as u32;
    let day = 1 + rng.below(28) as u32;
    let country = place(&mut rng);
    let ministry = format!(
        "{country} {}",
        rng.pick(&["Interior Ministry", "Emergency Ministry", "Ministry of Public Safety"])
    );
    let party_word = word(&mut rng, 2);
    let party = format!(
        "{party_word} {} Party",
        rng.pick(&["Civic", "Liberty", "Green", "Reform", "People's", "Unity"])
    );
    Story {
        incident,
        region: format!("{} region", word(&mut rng, 2)),
        country,
        facility,
        facility_short,
        road,
        company,
        minister: person(&mut rng),
        ministry,
        police_spokes: person(&mut rng),
        mayor: person(&mut rng),
        union_leader: person(&mut rng),
        union: format!("{} Workers' Union", word(&mut rng, 2)),
        opposition: person(&mut rng),
        party,
        ceo: person(&mut rng),
        day: (year, month, day),
        hour: 5 + rng.below(16) as u32,
        deaths: rng.range(2, 60),
        injured: rng.range(5, 300),
        arrested: rng.range(3, 80),
        displaced: rng.range(200, 30_000),
        crowd: rng.range(200, 5_000),
        built: 1950 + rng.below(65) as u32,
        workers: rng.range(80, 4_000),
        town,
    }
}

fn title_case(s: &str) -> String {
    s.split(' ').map(capitalize).collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------- outlets

const MEDIA: &[&str] = &[
    "Herald",
    "Courier",
    "Gazette",
    "Post",
    "Tribune",
    "Observer",
    "Chronicle",
    "Wire",
    "Daily",
    "Times",
    "Ledger",
    "Echo",
    "Review",
    "Dispatch",
    "Monitor",
    "Radio",
    "News",
];

struct Outlet {
    name: String,
    /// 0 official, 1 opposition, 2 neutral.
    slant: usize,
    author: String,
}

fn outlets(seed: u64) -> Vec<Outlet> {
    let mut rng = Rng::new(seed ^ 0x6f75_746c_6574);
    (0..400)
        .map(|i| {
            let name = match rng.below(3) {
                0 => format!("The {} {}", place(&mut rng), rng.pick(MEDIA)),
                1 => format!("{} {}", word(&mut rng, 2), rng.pick(MEDIA)),
                _ => format!(
                    "{} {} {}",
                    word(&mut rng, 1),
                    rng.pick(&["Press", "Media", "Public"]),
                    rng.pick(MEDIA)
                ),
            };
            Outlet { name, slant: i % 3, author: person(&mut rng) }
        })
        .collect()
}

// ---------------------------------------------------------------- articles

struct Ctx<'a> {
    st: &'a Story,
    rng: Rng,
    outlet: &'a Outlet,
    deaths: u64,
    injured: u64,
    arrested: u64,
    displaced: u64,
    crowd: u64,
    event_day: (i32, u32, u32),
    hour: u32,
    published: (i32, u32, u32),
}

fn date_words((_, m, d): (i32, u32, u32)) -> String {
    format!("{} {d}", MONTHS[m as usize - 1])
}

fn clock(h: u32, rng: &mut Rng) -> String {
    let (h12, ampm) = match h {
        0 => (12, "a.m."),
        1..=11 => (h, "a.m."),
        12 => (12, "p.m."),
        _ => (h - 12, "p.m."),
    };
    if rng.chance(40) { format!("{h12}:{:02} {ampm}", 5 * rng.below(12)) } else { format!("{h12} {ampm}") }
}

fn number(n: u64, rng: &mut Rng) -> String {
    const WORDS: &[&str] = &[
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    if n <= 12 && rng.chance(70) {
        return WORDS[n as usize].to_string();
    }
    if n >= 1000 {
        return format!("{},{:03}", n / 1000, n % 1000);
    }
    n.to_string()
}

fn qualifier(rng: &mut Rng) -> &'static str {
    rng.pick(&["", "", "", "at least ", "more than ", "about ", "nearly ", "some "])
}

fn event_noun(i: Incident) -> &'static str {
    match i {
        Incident::Explosion => "explosion",
        Incident::Fire => "fire",
        Incident::Collapse => "collapse",
        Incident::Flood => "flood",
        Incident::Blockade => "blockade",
    }
}

fn lead(c: &mut Ctx) -> String {
    let st = c.st;
    let wd = WEEKDAYS[weekday(c.event_day)];
    let q = qualifier(&mut c.rng);
    let deaths = number(c.deaths, &mut c.rng);
    match st.incident {
        Incident::Explosion => format!(
            "An explosion at the {} in {} killed {q}{deaths} people on {wd}, and {} more were injured.",
            st.facility,
            st.town,
            number(c.injured, &mut c.rng)
        ),
        Incident::Fire => format!(
            "A fire broke out at the {} in {} on {wd}, killing {q}{deaths} people and injuring {}.",
            st.facility,
            st.town,
            number(c.injured, &mut c.rng)
        ),
        Incident::Collapse => format!(
            "Part of the {} in {} collapsed on {wd}, killing {q}{deaths} people.",
            st.facility, st.town
        ),
        Incident::Flood => format!(
            "Water broke through the {} near {} on {wd}, and {q}{} people fled their homes.",
            st.facility,
            st.town,
            number(c.displaced, &mut c.rng)
        ),
        Incident::Blockade => format!(
            "Police moved in on {wd} to clear a blockade at the {} outside {}, where {q}{} protesters had gathered.",
            st.facility,
            st.town,
            number(c.crowd, &mut c.rng)
        ),
    }
}

fn headline(c: &mut Ctx) -> String {
    let st = c.st;
    let n = c.deaths;
    match (st.incident, c.outlet.slant) {
        (Incident::Blockade, 1) => format!("Police crush peaceful protest at {}", st.facility),
        (Incident::Blockade, _) => format!("Illegal blockade cleared at {}", st.facility),
        (Incident::Flood, _) => format!("Thousands flee as water breaks through {}", st.facility),
        (_, 1) => format!("At least {n} dead in {} {}, and questions grow", st.town, event_noun(st.incident)),
        (_, 0) => format!("{} {}: authorities say {n} killed", st.town, capitalize(event_noun(st.incident))),
        _ => format!("{} dead after {} at {}", n, event_noun(st.incident), st.facility),
    }
}

/// Sentences on the figures, each with an attribution that fits the outlet.
fn figures(c: &mut Ctx, out: &mut Vec<String>) {
    let st = c.st;
    let off = c.outlet.slant == 0;
    let who_official =
        format!("{} {}", c.rng.pick(&["Minister", "Interior Minister", "Deputy Minister"]), st.minister);
    let deaths = number(c.deaths, &mut c.rng);
    let injured = number(c.injured, &mut c.rng);
    let q = qualifier(&mut c.rng);
    match c.rng.below(4) {
        0 => out.push(format!(
            "The {} said {q}{deaths} people had died and {injured} were being treated in hospital.",
            st.ministry
        )),
        1 => out.push(format!("According to the {}, {q}{deaths} people were killed.", st.ministry)),
        2 => out.push(format!(
            "\u{201c}{} people lost their lives today,\u{201d} {who_official} told reporters in {}.",
            capitalize(&deaths),
            st.town
        )),
        _ => out.push(format!(
            "{who_official} said {injured} people were injured, {} of them seriously.",
            number(c.injured / 3 + 1, &mut c.rng)
        )),
    }
    if !off || c.rng.chance(30) {
        let higher = c.deaths * c.rng.range(2, 5);
        out.push(format!(
            "Hospital staff in {} told {} that at least {} people had died, far more than the official figure.",
            st.town,
            c.outlet.name,
            number(higher, &mut c.rng)
        ));
        out.push(format!(
            "{} of the {} accused the government of hiding the real toll.",
            st.opposition, st.party
        ));
    }
    if st.incident == Incident::Flood || c.rng.chance(30) {
        out.push(format!(
            "{} residents were evacuated from the {} overnight, the mayor, {}, said.",
            capitalize(&number(c.displaced, &mut c.rng)),
            st.region,
            st.mayor
        ));
    }
}

fn arrests(c: &mut Ctx, out: &mut Vec<String>) {
    let st = c.st;
    match c.outlet.slant {
        0 => {
            out.push(format!(
                "Police spokeswoman {} said no one had been detained and that officers did not use tear gas.",
                st.police_spokes
            ));
            out.push(format!("The {} was closed to traffic for several hours, police said.", st.road));
        }
        1 => {
            out.push(format!(
                "At least {} people were arrested, and witnesses said police fired tear gas at the crowd.",
                number(c.arrested, &mut c.rng)
            ));
            out.push(format!(
                "\u{201c}They came at dawn without warning,\u{201d} said {}, who leads the {}.",
                st.union_leader, st.union
            ));
            out.push(format!(
                "The {} remained closed on {}, residents said.",
                st.road,
                WEEKDAYS[weekday(add_days(c.event_day, 1))]
            ));
        }
        _ => {
            out.push(format!(
                "Police said {} people were detained; the {} put the figure at {}.",
                number(c.arrested / 2 + 1, &mut c.rng),
                st.union,
                number(c.arrested, &mut c.rng)
            ));
            if c.rng.chance(50) {
                out.push(format!("The {} was not closed, the {} said.", st.road, st.ministry));
            } else {
                out.push(format!("Traffic on the {} was moving again by the evening, police said.", st.road));
            }
        }
    }
}

fn timing(c: &mut Ctx, out: &mut Vec<String>) {
    let st = c.st;
    let t = clock(c.hour, &mut c.rng);
    let date = date_words(c.event_day);
    let noun = event_noun(st.incident);
    match c.rng.below(4) {
        0 => out.push(format!("The {noun} happened at about {t} on {date}, according to the fire service.")),
        1 => out.push(format!(
            "Witnesses said the {noun} began shortly after {t} on {}.",
            WEEKDAYS[weekday(c.event_day)]
        )),
        2 => out.push(format!(
            "Workers said smoke was seen at {} at {t}, hours before the {noun}.",
            st.facility_short
        )),
        _ => out
            .push(format!("The first emergency calls came in at {t}, the regional emergency service said.")),
    }
}

fn denials(c: &mut Ctx, out: &mut Vec<String>) {
    let st = c.st;
    let sh = &st.facility_short;
    match c.rng.below(5) {
        0 => out.push(format!(
            "{} denied that safety warnings had been ignored, and said {sh} had been inspected in {}.",
            st.company,
            2015 + c.rng.below(9)
        )),
        1 => out.push(format!(
            "The company, {}, said the site had passed every inspection; workers said it had not been inspected in years.",
            st.company
        )),
        2 => out.push(format!(
            "Chief executive {} rejected reports that staff had been told to keep working.",
            st.ceo
        )),
        3 => out.push(format!(
            "\u{201c}There was no negligence,\u{201d} {} said in a statement. \u{201c}We will cooperate with the investigation.\u{201d}",
            st.company
        )),
        _ => out.push(format!(
            "{} dismissed claims of sabotage as \u{201c}irresponsible speculation\u{201d}.",
            st.minister
        )),
    }
    if c.outlet.slant != 0 && c.rng.chance(50) {
        out.push(format!(
            "The so-called \u{201c}safety review\u{201d} promised by the government has not started, {} said.",
            st.opposition
        ));
    }
}

const BACKGROUND: &[&str] = &[
    "{F}, built in {Y}, employs about {W} people.",
    "{T} is an industrial town of about {P} people on the edge of the {R}.",
    "It was the worst disaster in {C} since {Y2}.",
    "Relatives gathered outside the main hospital in {T} on {D2}, waiting for news.",
    "Rescue teams from neighbouring towns worked through the night.",
    "The government declared a day of mourning.",
    "{K} said it would pay compensation to the families of the victims.",
    "An investigation has been opened by the state prosecutor's office.",
    "Opposition deputies demanded a parliamentary inquiry.",
    "Schools in {T} were closed on {D2}.",
    "The {U} has called a strike for next week.",
    "Residents complained that they had received no warning.",
    "The mayor of {T}, {M}, visited the site on {D2} and met families.",
    "Several foreign governments sent messages of condolence.",
    "Insurance experts estimate the damage at {X} million.",
    "Electricity was cut to parts of the town for most of the day.",
    "Trains to {T} were suspended until further notice.",
    "A local volunteer group set up a kitchen for rescuers near the site.",
    "Environmental groups warned of possible pollution of the river.",
    "The cause of the {E} is still unknown.",
    "{O}, a member of parliament for the {R}, called for the minister's resignation.",
    "Footage shared on social media showed a column of black smoke over the town.",
    "The last major accident at {F} was in {Y2}, when two workers were hurt.",
    "Prices of fuel in the {R} rose sharply after the {E}.",
    "The president is expected to visit {T} later this week.",
];

fn background(c: &mut Ctx, out: &mut Vec<String>, n: usize) {
    let st = c.st;
    let mut used = Vec::new();
    for _ in 0..n {
        let mut i = c.rng.below(BACKGROUND.len());
        while used.contains(&i) {
            i = (i + 1) % BACKGROUND.len();
        }
        used.push(i);
        let s = BACKGROUND[i]
            .replace("{F}", &format!("the {}", st.facility))
            .replace("{Y2}", &(1960 + c.rng.below(55)).to_string())
            .replace("{Y}", &st.built.to_string())
            .replace("{W}", &number(st.workers, &mut c.rng))
            .replace("{T}", &st.town)
            .replace("{P}", &number(c.rng.range(8_000, 90_000), &mut c.rng))
            .replace("{R}", &st.region)
            .replace("{C}", &st.country)
            .replace("{D2}", WEEKDAYS[weekday(add_days(c.event_day, 1))])
            .replace("{K}", &st.company)
            .replace("{U}", &st.union)
            .replace("{M}", &st.mayor)
            .replace("{X}", &c.rng.range(2, 400).to_string())
            .replace("{E}", event_noun(st.incident))
            .replace("{O}", &st.opposition);
        out.push(capitalize(&s));
    }
}

fn article(
    seed: u64,
    doc: usize,
    stories: usize,
    all_outlets: &[Outlet],
    cache: &mut [Option<Story>],
) -> (String, String) {
    let mut rng = Rng::new(seed.wrapping_mul(0x5851_f42d_4c95_7f2d).wrapping_add(doc as u64));
    let s = rng.below(stories);
    if cache[s].is_none() {
        cache[s] = Some(story(seed, s));
    }
    let st = cache[s].as_ref().expect("story");
    let outlet = &all_outlets[rng.below(all_outlets.len())];
    // Each outlet's version of the facts.
    let skew = |rng: &mut Rng, v: u64, slant: usize| -> u64 {
        match slant {
            1 if rng.chance(60) => v * rng.range(2, 4),
            2 if rng.chance(25) => v + rng.range(1, 5),
            _ => v,
        }
    };
    let deaths = skew(&mut rng, st.deaths, outlet.slant);
    let injured = skew(&mut rng, st.injured, outlet.slant);
    let arrested = skew(&mut rng, st.arrested, outlet.slant);
    let displaced = skew(&mut rng, st.displaced, outlet.slant);
    let crowd = skew(&mut rng, st.crowd, outlet.slant);
    let event_day = if rng.chance(8) { add_days(st.day, 1) } else { st.day };
    let hour = if rng.chance(20) { st.hour + 1 } else { st.hour };
    let published = add_days(st.day, rng.below(3) as u32);
    let mut c =
        Ctx { st, rng, outlet, deaths, injured, arrested, displaced, crowd, event_day, hour, published };
    let title = headline(&mut c);
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    paragraphs.push(vec![lead(&mut c)]);
    let mut sections: Vec<fn(&mut Ctx, &mut Vec<String>)> = vec![figures, arrests, timing, denials];
    // Vary the order of the middle sections.
    for i in (1..sections.len()).rev() {
        let j = c.rng.below(i + 1);
        sections.swap(i, j);
    }
    for f in sections {
        let mut p = Vec::new();
        f(&mut c, &mut p);
        if c.rng.chance(70) {
            let n = 1 + c.rng.below(2);
            background(&mut c, &mut p, n);
        }
        paragraphs.push(p);
    }
    let mut tail = Vec::new();
    let n = 3 + c.rng.below(6);
    background(&mut c, &mut tail, n);
    paragraphs.push(tail);
    let (y, m, d) = c.published;
    let mut text = String::new();
    let _ = writeln!(text, "---");
    let _ = writeln!(text, "outlet: {}", c.outlet.name);
    let _ = writeln!(text, "title: {title}");
    let _ = writeln!(text, "published: {y:04}-{m:02}-{d:02}");
    let _ = writeln!(text, "author: {}", c.outlet.author);
    let _ = writeln!(text, "story: {s}");
    let _ = writeln!(text, "url: https://{}.example.org/{}/{doc}", slug(&c.outlet.name), slug(&title));
    let _ = writeln!(text, "---");
    let _ = writeln!(text, "{}\n", title);
    let _ = writeln!(text, "By {} \u{2014} {} {d}, {y}\n", c.outlet.author, MONTHS[m as usize - 1]);
    for p in paragraphs {
        let _ = writeln!(text, "{}\n", p.join(" "));
    }
    (format!("a{doc:07}.txt"), text)
}

fn main() {
    let mut stories = 10usize;
    let mut docs = 100usize;
    let mut seed = 1u64;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage(&format!("{a} needs a value")));
        match a.as_str() {
            "--stories" => stories = value().parse().unwrap_or_else(|_| usage("--stories: a number")),
            "--docs" => docs = value().parse().unwrap_or_else(|_| usage("--docs: a number")),
            "--seed" => seed = value().parse().unwrap_or_else(|_| usage("--seed: a number")),
            "--out" => out = Some(PathBuf::from(value())),
            "-h" | "--help" => usage(""),
            other => usage(&format!("unknown argument {other}")),
        }
    }
    let Some(out) = out else { usage("--out DIR is required") };
    if stories == 0 {
        usage("--stories must be at least 1");
    }
    std::fs::create_dir_all(&out).unwrap_or_else(|e| fail(&format!("{}: {e}", out.display())));
    let all_outlets = outlets(seed);
    let mut cache: Vec<Option<Story>> = (0..stories).map(|_| None).collect();
    let mut bytes = 0usize;
    for doc in 0..docs {
        let (name, text) = article(seed, doc, stories, &all_outlets, &mut cache);
        bytes += text.len();
        std::fs::write(out.join(&name), text).unwrap_or_else(|e| fail(&format!("{name}: {e}")));
    }
    eprintln!("synth: wrote {docs} articles over {stories} stories ({bytes} bytes) to {}", out.display());
}

fn usage(msg: &str) -> ! {
    if !msg.is_empty() {
        eprintln!("synth: {msg}");
    }
    eprintln!("usage: cargo run --release --example synth -- --stories S --docs N --out DIR [--seed X]");
    std::process::exit(2)
}

fn fail(msg: &str) -> ! {
    eprintln!("synth: {msg}");
    std::process::exit(1)
}
