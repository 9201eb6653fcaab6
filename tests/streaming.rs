//! `StoryGroups::analyze_each` passes each group's result to the sink while
//! later groups of the same window are still being analysed, not once the
//! whole window is done. One test in its own file: it sets the size of the
//! global thread pool, as the command line uses it (not inside `install`).

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use claimgraph::{Analyzer, Document};

#[test]
fn the_sink_gets_the_first_group_before_the_last_is_analysed() {
    rayon::ThreadPoolBuilder::new().num_threads(2).build_global().expect("the global pool, once");
    // Twenty documents that share no name: twenty groups, one window (64
    // documents a thread).
    let places = ["Osk", "Tessa", "Varn", "Brell", "Kalo", "Morin", "Dunmer", "Felsk", "Garro", "Hestra"];
    let docs: Vec<Document> = (0..20)
        .map(|n| {
            let place = format!("{}{} Dam", places[n % 10], ["ia", "ova"][n / 10]);
            Document::new(format!("d{n:02}"), "Daily", format!("The {place} held on Monday, engineers said."))
        })
        .collect();
    let groups = Analyzer::new().story_groups(docs).expect("groups");
    let last = groups.len() - 1;
    assert_eq!(last, 19, "{:?}", groups.group_ids());
    let first_sunk = AtomicBool::new(false);
    let mut order = Vec::new();
    groups
        .analyze_each(
            |g, _analysis| {
                if g < last {
                    return (g, true);
                }
                // The last group waits (at most 30 s) until the first has
                // reached the sink: it never would if the sink were only
                // called once the window is done.
                let start = Instant::now();
                while !first_sunk.load(Ordering::SeqCst) && start.elapsed() < Duration::from_secs(30) {
                    std::thread::sleep(Duration::from_millis(1));
                }
                (g, first_sunk.load(Ordering::SeqCst))
            },
            |(g, seen)| {
                first_sunk.store(true, Ordering::SeqCst);
                order.push((g, seen));
                Ok(())
            },
        )
        .expect("analysis");
    let expected: Vec<(usize, bool)> = (0..20).map(|g| (g, true)).collect();
    assert_eq!(order, expected, "results in group order; the last one saw the first sunk");
}
