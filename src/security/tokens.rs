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

/// The keystream that seals one private link for one record: HMAC-SHA256 of `purpose` and the
/// record's id under the app's secret (32 bytes, as long as a token; a fresh id per record, so
/// no stream is used twice).
fn keystream(secret: &str, purpose: &str, record: &str) -> [u8; 32] {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(b"seal\0");
    mac.update(purpose.as_bytes());
    mac.update(b"\0");
    mac.update(record.as_bytes());
    mac.finalize().into_bytes().into()
}

fn xor_token(secret: &str, purpose: &str, record: &str, text: &str) -> Option<String> {
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let bytes = engine.decode(text).ok().filter(|b| b.len() == 32)?;
    let key = keystream(secret, purpose, record);
    let out: Vec<u8> = bytes.iter().zip(key).map(|(b, k)| b ^ k).collect();
    Some(engine.encode(out))
}

/// A private link token kept so that the server can mail the link later (to the address the
/// parent gave for it), but unreadable without the secret: the token XOR a keystream made from
/// the secret and the record's id. `None` for a string that is not a token.
pub fn seal_token(secret: &str, purpose: &str, record: &str, token: &str) -> Option<String> {
    xor_token(secret, purpose, record, token)
}

/// The token back from `seal_token` (with the same secret, purpose and record).
pub fn open_token(secret: &str, purpose: &str, record: &str, sealed: &str) -> Option<String> {
    xor_token(secret, purpose, record, sealed)
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
    fn sealed_tokens_open_only_with_the_secret_and_record() {
        let t = new_token();
        let sealed = seal_token("pepper", "rsvp-link", "r1", &t).unwrap();
        assert!(crate::web::form::valid_token(&sealed));
        assert_ne!(sealed, t);
        assert_eq!(
            open_token("pepper", "rsvp-link", "r1", &sealed),
            Some(t.clone())
        );
        assert_ne!(
            open_token("other", "rsvp-link", "r1", &sealed),
            Some(t.clone())
        );
        assert_ne!(
            open_token("pepper", "rsvp-link", "r2", &sealed),
            Some(t.clone())
        );
        assert_ne!(seal_token("pepper", "rsvp-link", "r2", &t), Some(sealed));
        assert_eq!(seal_token("pepper", "rsvp-link", "r1", "not a token"), None);
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
