//! Telling clients apart without keeping who they are: a keyed hash with a key made at start
//! and never stored, so the hashes of one run mean nothing in another.
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

pub struct ClientKey(u64);

impl ClientKey {
    /// A fresh random key.
    pub fn new() -> Self {
        use rand::Rng;
        Self(rand::thread_rng().gen())
    }

    /// The keyed hash of `what` (an address, or an address with the thing counted).
    pub fn hash(&self, what: impl Hash) -> u64 {
        let mut h = DefaultHasher::new();
        self.0.hash(&mut h);
        what.hash(&mut h);
        h.finish()
    }
}

impl Default for ClientKey {
    fn default() -> Self {
        Self::new()
    }
}
