//! Places where they are (issue 27, point 10): every PC4 of `data/nl-pc4.csv` lies near the
//! other PC4s of its municipality. A parent's distance to a group starts from this point; a PC4
//! placed 100 km away sends them to groups they cannot reach. No database needed.
//!
//! `cargo test --features ssr --test postcodes -- --nocapture` prints every PC4 that is too far,
//! with where it lies and where its municipality's middle is.
use std::collections::BTreeMap;

use doorstart::groups::model::{distance_km, Postcode};
use doorstart::groups::postcodes::{all, centroid, Centroid};

/// How far a PC4 may lie from the middle (the median) of its municipality's PC4s.
const MAX_KM: f64 = 30.0;

/// PC4s that really lie further out, each with its reason.
const FAR_BUT_RIGHT: &[(u16, &str)] = &[(
    3199,
    "Maasvlakte: Rotterdam's port reaches 40 km west of the city, into the sea",
)];

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// Each municipality's middle: the median latitude and the median longitude of its PC4s.
fn middles() -> BTreeMap<&'static str, (f64, f64)> {
    let mut by: BTreeMap<&str, Vec<&Centroid>> = BTreeMap::new();
    for (_, c) in all() {
        by.entry(c.municipality.as_str()).or_default().push(c);
    }
    by.into_iter()
        .map(|(m, cs)| {
            let lat = median(cs.iter().map(|c| c.lat).collect());
            let lon = median(cs.iter().map(|c| c.lon).collect());
            (m, (lat, lon))
        })
        .collect()
}

fn km_from_middle(c: &Centroid, middles: &BTreeMap<&str, (f64, f64)>) -> f64 {
    let (lat, lon) = middles[c.municipality.as_str()];
    distance_km(c.lat, c.lon, lat, lon)
}

#[test]
fn every_pc4_lies_near_its_municipality() {
    let middles = middles();
    let mut far: Vec<(u16, f64)> = all()
        .filter(|(pc4, _)| !FAR_BUT_RIGHT.iter().any(|(p, _)| p == pc4))
        .map(|(pc4, c)| (pc4, km_from_middle(c, &middles)))
        .filter(|(_, km)| *km > MAX_KM)
        .collect();
    far.sort_by_key(|(pc4, _)| *pc4);
    for (pc4, km) in &far {
        let c = &all().find(|(p, _)| p == pc4).unwrap().1;
        let (lat, lon) = middles[c.municipality.as_str()];
        println!(
            "{pc4} {} ({}) at {:.4},{:.4}: {km:.1} km from the middle {lat:.4},{lon:.4}",
            c.place, c.municipality, c.lat, c.lon
        );
    }
    assert!(
        far.is_empty(),
        "PC4s more than {MAX_KM} km from their municipality: {far:?}"
    );
}

#[test]
fn the_exceptions_are_still_needed_and_still_sensible() {
    let middles = middles();
    for (pc4, why) in FAR_BUT_RIGHT {
        let c = centroid(Postcode::parse(&pc4.to_string()).unwrap()).unwrap();
        let km = km_from_middle(c, &middles);
        assert!(
            km > MAX_KM,
            "{pc4} is {km:.1} km away now: remove it ({why})"
        );
        assert!(
            km < 2.0 * MAX_KM,
            "{pc4} is {km:.1} km away: more than {why}"
        );
    }
}

#[test]
fn the_corrected_pc4s_are_where_their_place_is() {
    // (PC4, place, municipality, a neighbouring PC4 of that municipality that the source has
    // right): the rows fixed on 2026-12-08 (data/SOURCES.md). Each lies within 5 km of it.
    let rows = [
        (9999, "Kantens", "Het Hogeland", 9995),
        (8611, "Gaastmeer", "Súdwest-Fryslân", 8612),
        (3523, "Utrecht", "Utrecht", 3521),
        (3062, "Rotterdam", "Rotterdam", 3061),
        (7571, "Oldenzaal", "Oldenzaal", 7572),
        (2324, "Leiden", "Leiden", 2321),
        (3981, "Bunnik", "Bunnik", 3984),
        (7887, "Erica", "Emmen", 7891),
    ];
    let at = |pc4: u16| centroid(Postcode::parse(&pc4.to_string()).unwrap()).unwrap();
    for (pc4, place, municipality, neighbour) in rows {
        let (c, n) = (at(pc4), at(neighbour));
        assert_eq!(
            (c.place.as_str(), c.municipality.as_str()),
            (place, municipality)
        );
        let km = distance_km(c.lat, c.lon, n.lat, n.lon);
        assert!(km <= 5.0, "{pc4} is {km:.1} km from {neighbour}");
    }
}
