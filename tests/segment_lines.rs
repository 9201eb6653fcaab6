//! Segmentation of lines taken from the bundled fixtures' articles: headlines,
//! bylines, captions and page furniture as they really occur.

use SentenceKind::{Body, Boilerplate, Headline};
use claimgraph::segment::{SentenceKind, segment};

fn kinds(text: &str) -> Vec<(SentenceKind, &str)> {
    segment(text).iter().map(|s| (s.kind, s.span.slice(text))).collect()
}

fn check_table(cases: &[(&str, &[(SentenceKind, &str)])]) {
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let got = kinds(text);
        if got != *expected {
            failures.push(format!("text: {text:?}\n  expected: {expected:?}\n  got:      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn fixture_lines() {
    check_table(&[
        ("Last update: July 20, 2024 14:02", &[(Boilerplate, "Last update: July 20, 2024 14:02")]),
        ("Newsroom logo", &[(Boilerplate, "Newsroom logo")]),
        ("By Nargiz Mammadli January 24, 2023", &[(Boilerplate, "By Nargiz Mammadli January 24, 2023")]),
        ("Get the Mirror in your inbox:", &[(Boilerplate, "Get the Mirror in your inbox:")]),
        ("comments", &[(Boilerplate, "comments")]),
        ("Brussels Meeting", &[(Headline, "Brussels Meeting")]),
        (
            "A view of a checkpoint set up at the entry of the corridor, by a bridge across the river, May 2, 2023.",
            &[(
                Body,
                "A view of a checkpoint set up at the entry of the corridor, by a bridge across the river, \
                 May 2, 2023.",
            )],
        ),
    ]);
}

#[test]
fn seed_lines() {
    check_table(&[
        (
            "Veldoria Rejects Norlandic Calls to Reopen Tessel Corridor",
            &[(Headline, "Veldoria Rejects Norlandic Calls to Reopen Tessel Corridor")],
        ),
        (
            "Russia Urges Baku to ‘Unblock Lachin Corridor’",
            &[(Headline, "Russia Urges Baku to ‘Unblock Lachin Corridor’")],
        ),
        (
            "President Aliyev Denies So-Called “Blockade” by Azerbaijani Activists on Lachin-Khankendi Road",
            &[(
                Headline,
                "President Aliyev Denies So-Called “Blockade” by Azerbaijani Activists on Lachin-Khankendi Road",
            )],
        ),
        ("Lachin Corridor", &[(Headline, "Lachin Corridor")]),
        (
            "By Heghine Buniatian and Astghik Bedevian",
            &[(Boilerplate, "By Heghine Buniatian and Astghik Bedevian")],
        ),
        ("By Asbarez | Friday, 23 June 2023", &[(Boilerplate, "By Asbarez | Friday, 23 June 2023")]),
        (
            "Executive Board of the National Front of Iran- Europe, 18 January 2023",
            &[(Boilerplate, "Executive Board of the National Front of Iran- Europe, 18 January 2023")],
        ),
        (
            "Get the Mirror-Spectator Weekly in your inbox:",
            &[(Boilerplate, "Get the Mirror-Spectator Weekly in your inbox:")],
        ),
        ("All news\nUpdated at:\u{a0}\n", &[(Boilerplate, "All news"), (Boilerplate, "Updated at:")]),
        (
            "A total of 980 vehicles passed through the road, of which over 850 belonged to the \
             peacekeepers. / Courtesy",
            &[
                (
                    Body,
                    "A total of 980 vehicles passed through the road, of which over 850 belonged to the peacekeepers.",
                ),
                (Boilerplate, "/ Courtesy"),
            ],
        ),
        (
            // Sentence-case headline: not confidently a headline, so body.
            "US top diplomat discusses with Azerbaijan's leader importance of reopening Lachin Corridor",
            &[(
                Body,
                "US top diplomat discusses with Azerbaijan's leader importance of reopening Lachin Corridor",
            )],
        ),
        (
            "\"Secretary of State Antony J. Blinken spoke with Azerbaijan’s President Ilham Aliyev today,\" \
             the statement reads. \"Secretary Blinken shared his belief that peace was possible.\"",
            &[
                (
                    Body,
                    "\"Secretary of State Antony J. Blinken spoke with Azerbaijan’s President Ilham Aliyev today,\" \
                     the statement reads.",
                ),
                (Body, "\"Secretary Blinken shared his belief that peace was possible.\""),
            ],
        ),
    ]);
}
