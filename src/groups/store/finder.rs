//! The finder's in-memory index: the light data of every active in-person group (what distance
//! and filters need), in a grid of cells of about 10 × 11 km, so a search reads no rows at all.
//!
//! Fresh on every instance: each change to a group raises `finder_version` in the database and
//! marks this instance's copy old at once; every instance reads the version at most once a
//! second (on a search) and loads the groups again when it moved. A change made through one
//! instance is therefore seen by the others within about a second. Bounded: past
//! `MAX_INDEXED` groups the index is not kept and the finder asks the database instead.
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use super::{candidate, CANDIDATE_COLUMNS};
use crate::db::Db;
use crate::groups::model::{distance_km, Candidate};

/// How often an instance asks whether another one changed a group.
pub const CHECK_EVERY: Duration = Duration::from_secs(1);
/// The most groups kept in memory (about 150 bytes each, so at most about 30 MB).
pub const MAX_INDEXED: usize = 200_000;

const CELL_LAT: f64 = 0.1;
const CELL_LON: f64 = 0.15;
/// A lower bound of a cell's width or height in km up to 60° north or south (0.15° of
/// longitude at 60° is 8.3 km; 0.1° of latitude is 11.1 km).
const CELL_MIN_KM: f64 = 8.3;

type Cell = (i32, i32);

fn cell_of(lat: f64, lon: f64) -> Cell {
    (
        (lat / CELL_LAT).floor() as i32,
        (lon / CELL_LON).floor() as i32,
    )
}

/// One loaded copy of the groups.
pub struct Snapshot {
    version: i64,
    cells: HashMap<Cell, Vec<Candidate>>,
    /// The cells that hold groups lie inside these bounds (min, max).
    bounds: (Cell, Cell),
}

impl Snapshot {
    pub fn build(version: i64, groups: Vec<Candidate>) -> Self {
        let mut cells: HashMap<Cell, Vec<Candidate>> = HashMap::new();
        let mut bounds = ((i32::MAX, i32::MAX), (i32::MIN, i32::MIN));
        for g in groups {
            let c = cell_of(g.lat, g.lon);
            bounds.0 = (bounds.0 .0.min(c.0), bounds.0 .1.min(c.1));
            bounds.1 = (bounds.1 .0.max(c.0), bounds.1 .1.max(c.1));
            cells.entry(c).or_default().push(g);
        }
        Self {
            version,
            cells,
            bounds,
        }
    }

    /// The `finder_version` these groups were loaded at.
    pub fn version(&self) -> i64 {
        self.version
    }

    pub fn len(&self) -> usize {
        self.cells.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The cells at ring `r` around `center` (r = 0: the centre itself).
    fn ring(center: Cell, r: i32) -> impl Iterator<Item = Cell> {
        let (ci, cj) = center;
        (-r..=r).flat_map(move |di| {
            let edge = di.abs() == r;
            let step = if edge || r == 0 {
                1
            } else {
                (2 * r).max(1) as usize
            };
            (-r..=r).step_by(step).map(move |dj| (ci + di, cj + dj))
        })
    }

    /// True when the rings up to `r` have visited every cell that holds groups.
    fn covers(&self, center: Cell, r: i32) -> bool {
        let ((min_i, min_j), (max_i, max_j)) = self.bounds;
        center.0 - r <= min_i
            && center.0 + r >= max_i
            && center.1 - r <= min_j
            && center.1 + r >= max_j
    }

    /// Up to `k` groups that `admit` lets through, nearest first, with their distance in km.
    pub fn nearest(
        &self,
        lat: f64,
        lon: f64,
        k: usize,
        admit: impl Fn(&Candidate) -> bool,
    ) -> Vec<(f64, &Candidate)> {
        let mut found: Vec<(f64, &Candidate)> = Vec::new();
        if self.cells.is_empty() || k == 0 {
            return found;
        }
        let center = cell_of(lat, lon);
        let mut r = 0;
        loop {
            for cell in Self::ring(center, r) {
                for g in self.cells.get(&cell).into_iter().flatten() {
                    if admit(g) {
                        found.push((distance_km(lat, lon, g.lat, g.lon), g));
                    }
                }
            }
            found.sort_by(|a, b| a.0.total_cmp(&b.0));
            found.truncate(k);
            // Every group in a ring further out is at least r cells away.
            let done = found.len() == k && found[k - 1].0 <= r as f64 * CELL_MIN_KM;
            if done || self.covers(center, r) {
                return found;
            }
            r += 1;
        }
    }

    /// How many groups lie within `km`, and how many of them `admit` lets through.
    pub fn count_within(
        &self,
        lat: f64,
        lon: f64,
        km: f64,
        admit: impl Fn(&Candidate) -> bool,
    ) -> (usize, usize) {
        let rings = (km / CELL_MIN_KM).ceil() as i32 + 1;
        let center = cell_of(lat, lon);
        let mut counts = (0, 0);
        for r in 0..=rings {
            for cell in Self::ring(center, r) {
                for g in self.cells.get(&cell).into_iter().flatten() {
                    if distance_km(lat, lon, g.lat, g.lon) <= km {
                        counts.0 += 1;
                        counts.1 += usize::from(admit(g));
                    }
                }
            }
        }
        counts
    }

    /// True when any group (whatever the filters) lies within `km`.
    pub fn any_within(&self, lat: f64, lon: f64, km: f64) -> bool {
        let rings = (km / CELL_MIN_KM).ceil() as i32 + 1;
        let center = cell_of(lat, lon);
        (0..=rings).any(|r| {
            Self::ring(center, r).any(|cell| {
                self.cells
                    .get(&cell)
                    .into_iter()
                    .flatten()
                    .any(|g| distance_km(lat, lon, g.lat, g.lon) <= km)
            })
        })
    }
}

/// This instance's copy, kept in `Db::caches`.
#[derive(Default)]
pub struct FinderIndex {
    snapshot: RwLock<Option<Arc<Snapshot>>>,
    /// Set by a change made through this instance: the next search loads again first.
    stale: AtomicBool,
    /// When to ask the database for the version again.
    next_check: Mutex<Option<Instant>>,
    /// One load at a time.
    loading: tokio::sync::Mutex<()>,
    /// More than `MAX_INDEXED` groups: searches go to the database.
    too_many: AtomicBool,
}

impl FinderIndex {
    fn current(&self) -> Option<Arc<Snapshot>> {
        self.snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn due(&self) -> bool {
        let next = *self.next_check.lock().unwrap_or_else(|e| e.into_inner());
        next.is_none_or(|t| Instant::now() >= t)
    }

    fn checked(&self) {
        *self.next_check.lock().unwrap_or_else(|e| e.into_inner()) =
            Some(Instant::now() + CHECK_EVERY);
    }
}

/// Marks the index of this database old (after a change to a group was committed).
pub fn mark_stale(db: &Db) {
    db.caches
        .get::<FinderIndex>()
        .stale
        .store(true, Ordering::Release);
}

/// Raises the version every instance polls; run it in the transaction of the change, or
/// right after it.
pub async fn bump_version<'e, E>(executor: E) -> Result<(), sqlx::Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query("UPDATE finder_version SET version = version + 1 WHERE id = 1")
        .execute(executor)
        .await?;
    Ok(())
}

/// The groups as this instance knows them, fresh within `CHECK_EVERY`; None when there are
/// too many to keep in memory (the caller asks the database).
pub async fn snapshot(db: &Db) -> Result<Option<Arc<Snapshot>>, sqlx::Error> {
    let index = db.caches.get::<FinderIndex>();
    let stale = index.stale.load(Ordering::Acquire);
    if let Some(current) = index.current() {
        if !stale && !index.due() {
            return Ok(Some(current));
        }
        if !stale {
            // Time to look at the version: one request does it, the others use the copy.
            let Ok(_guard) = index.loading.try_lock() else {
                return Ok(Some(current));
            };
            return refresh(db, &index).await;
        }
    } else if index.too_many.load(Ordering::Acquire) && !stale && !index.due() {
        return Ok(None);
    }
    let _guard = index.loading.lock().await;
    refresh(db, &index).await
}

/// Reads the version and loads the groups when it moved (caller holds `loading`).
async fn refresh(db: &Db, index: &FinderIndex) -> Result<Option<Arc<Snapshot>>, sqlx::Error> {
    let stale = index.stale.swap(false, Ordering::AcqRel);
    let version: i64 = sqlx::query_scalar("SELECT version FROM finder_version WHERE id = 1")
        .fetch_one(&db.pool)
        .await
        .inspect_err(|_| index.stale.store(stale, Ordering::Release))?;
    if let Some(current) = index.current() {
        if !stale && current.version == version {
            index.checked();
            return Ok(Some(current));
        }
    } else if !stale && index.too_many.load(Ordering::Acquire) && !index.due() {
        return Ok(None);
    }
    let sql = format!(
        "SELECT {CANDIDATE_COLUMNS} FROM peer_groups WHERE active = 1 AND online = 0 LIMIT $1"
    );
    let rows = sqlx::query(&sql)
        .bind((MAX_INDEXED + 1) as i64)
        .fetch_all(&db.pool)
        .await
        .inspect_err(|_| index.stale.store(true, Ordering::Release))?;
    index.checked();
    if rows.len() > MAX_INDEXED {
        index.too_many.store(true, Ordering::Release);
        *index.snapshot.write().unwrap_or_else(|e| e.into_inner()) = None;
        return Ok(None);
    }
    let groups = rows.iter().map(candidate).collect::<Result<Vec<_>, _>>()?;
    let snapshot = Arc::new(Snapshot::build(version, groups));
    index.too_many.store(false, Ordering::Release);
    *index.snapshot.write().unwrap_or_else(|e| e.into_inner()) = Some(snapshot.clone());
    Ok(Some(snapshot))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups::model::Weekday;

    fn group(id: usize, lat: f64, lon: f64, age_max: u8) -> Candidate {
        Candidate {
            id: id.to_string(),
            lat,
            lon,
            age_min: 0,
            age_max,
            languages: vec!["nl".into()],
            weekday: Weekday::new(1).unwrap(),
            children_welcome: false,
            childcare: false,
            audience: Default::default(),
            theme_ends: [0; crate::groups::model::THEMES],
            start_minute: 570,
        }
    }

    /// The grid answers exactly what a scan of every group answers.
    #[test]
    fn nearest_matches_a_full_scan() {
        let mut groups = Vec::new();
        let mut seed: u64 = 7607;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        for i in 0..3000 {
            let lat = 50.7 + next() * 2.9;
            let lon = 3.3 + next() * 3.9;
            groups.push(group(i, lat, lon, if i % 4 == 0 { 18 } else { 3 }));
        }
        let snapshot = Snapshot::build(1, groups.clone());
        assert_eq!(snapshot.len(), 3000);
        for (lat, lon) in [
            (52.3549, 6.6676),
            (50.75, 3.35),
            (53.5, 7.1),
            (51.0, 5.0),
            (48.0, 2.0),
        ] {
            let admit = |g: &Candidate| g.age_max >= 10;
            let got: Vec<&str> = snapshot
                .nearest(lat, lon, 10, admit)
                .iter()
                .map(|(_, g)| g.id.as_str())
                .collect();
            let mut all: Vec<(f64, &Candidate)> = groups
                .iter()
                .filter(|g| admit(g))
                .map(|g| (distance_km(lat, lon, g.lat, g.lon), g))
                .collect();
            all.sort_by(|a, b| a.0.total_cmp(&b.0));
            let want: Vec<&str> = all.iter().take(10).map(|(_, g)| g.id.as_str()).collect();
            assert_eq!(got, want, "around {lat},{lon}");
            for km in [1.0, 5.0, 10.0, 40.0] {
                let any = groups
                    .iter()
                    .any(|g| distance_km(lat, lon, g.lat, g.lon) <= km);
                assert_eq!(
                    snapshot.any_within(lat, lon, km),
                    any,
                    "{km} km around {lat},{lon}"
                );
            }
        }
        // Nothing admitted: an empty answer, not a loop.
        assert!(snapshot.nearest(52.0, 5.0, 10, |_| false).is_empty());
        assert!(Snapshot::build(1, vec![])
            .nearest(52.0, 5.0, 10, |_| true)
            .is_empty());
    }
}
