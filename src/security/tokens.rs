//! Private link tokens: 256 random bits, kept in the database only as a SHA-256 hash
//! (a plain hash is enough for a token with this much entropy).
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A private link token the server makes from a form's one-time key: the same key gives the
/// same token (a double tap lands on the same page), but only the server, which holds the
/// secret, can make it; a client cannot choose the link to a record.
pub fn derive_token(secret: &str, purpose: &str, key: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(purpose.as_bytes());
    mac.update(b"\0");
    mac.update(key.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

pub fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_hashed() {
        let a = new_token();
        assert_eq!(a.len(), 43);
        assert!(crate::web::form::valid_token(&a));
        assert_ne!(a, new_token());
        assert_eq!(hash_token(&a).len(), 64);
        assert_eq!(hash_token(&a), hash_token(&a));
        assert_ne!(hash_token(&a), a);
    }

    #[test]
    fn derived_tokens_need_the_secret() {
        let t = derive_token("secret one", "join", "key");
        assert!(crate::web::form::valid_token(&t));
        assert_eq!(t, derive_token("secret one", "join", "key"));
        assert_ne!(t, derive_token("secret two", "join", "key"));
        assert_ne!(t, derive_token("secret one", "rsvp", "key"));
        assert_ne!(t, "key");
    }
}
