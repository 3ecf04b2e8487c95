//! Fills a database with N active groups spread over the country, for the finder benchmark:
//! `cargo run --release --features ssr --example seed_groups -- DATABASE_URL N`
use std::sync::Arc;

use doorstart::db::{Db, SystemClock};
use doorstart::groups::model::{Rhythm, Weekday};
use doorstart::groups::{postcodes, store};

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let url = args.next().expect("DATABASE_URL");
    let n: usize = args
        .next()
        .and_then(|s| s.parse().ok())
        .expect("number of groups");
    let db = Db::connect(&url, Arc::new(SystemClock))
        .await
        .expect("database");
    let mut places: Vec<_> = postcodes::all().collect();
    places.sort_by_key(|(pc4, _)| *pc4);
    let names: Vec<String> = (0..n).map(|i| format!("Benchmarkgroep {i}")).collect();
    let groups: Vec<store::NewGroup> = (0..n)
        .map(|i| {
            let (pc4, c) = places[i % places.len()];
            // Spread groups that share a PC4 a little, deterministically.
            let shift = ((i / places.len()) as f64) * 0.001;
            store::NewGroup {
                name: &names[i],
                municipality: &c.municipality,
                address: "Benchmark",
                pc4,
                lat: c.lat + shift,
                lon: c.lon - shift,
                weekday: Weekday::new((i % 7 + 1) as i64).expect("1..=7"),
                start_minute: 600,
                rhythm: Rhythm::Weekly,
                ages: (4, 12),
                languages: &["nl"],
                children_welcome: i % 2 == 0,
                childcare: i % 3 == 0,
                cost_cents: 0,
                online: false,
                audience: Default::default(),
                facilitator_name: "Bench",
                texts: &[],
            }
        })
        .collect();
    for chunk in groups.chunks(5_000) {
        store::insert_many(&db, chunk).await.expect("insert");
    }
    println!("seeded {n} groups");
}
