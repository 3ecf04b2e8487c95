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

/// The key that seals private links: derived from the app's secret (`DOORSTART_PEPPER`, which
/// outside demo mode must be set when mail is on, so the key is never in the database).
fn seal_key(secret: &str) -> chacha20poly1305::Key {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(b"doorstart seal key v1");
    mac.finalize().into_bytes()
}

/// Bytes of the random nonce in front of a sealed token (XChaCha20: 192 bits, safe at random).
const NONCE_BYTES: usize = 24;

/// What a sealed token is bound to: its purpose and its record. A token sealed for one RSVP
/// does not open for another, nor for another kind of link.
fn associated(purpose: &str, record: &str) -> Vec<u8> {
    [purpose.as_bytes(), b"\0", record.as_bytes()].concat()
}

/// A private link token kept so that the server can mail the link later (to the address the
/// parent gave for it), but unreadable and unchangeable without the secret: XChaCha20-Poly1305
/// under a key made from the secret, with the purpose and the record's id as associated data
/// and a random nonce. `None` for a string that is not a token.
pub fn seal_token(secret: &str, purpose: &str, record: &str, token: &str) -> Option<String> {
    use chacha20poly1305::aead::{Aead, KeyInit, Payload};
    use chacha20poly1305::{XChaCha20Poly1305, XNonce};
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let plain = engine.decode(token).ok().filter(|b| b.len() == 32)?;
    let mut nonce = [0u8; NONCE_BYTES];
    rand::thread_rng().fill_bytes(&mut nonce);
    let aad = associated(purpose, record);
    let sealed = XChaCha20Poly1305::new(&seal_key(secret))
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &plain,
                aad: &aad,
            },
        )
        .ok()?;
    Some(engine.encode([nonce.as_slice(), &sealed].concat()))
}

/// The token back from `seal_token`, with the same secret, purpose and record; `None` when any
/// of them differs or a byte was changed (a link sealed before the secret changed opens to
/// nothing, so the caller falls back to a public page instead of a broken link).
pub fn open_token(secret: &str, purpose: &str, record: &str, sealed: &str) -> Option<String> {
    use chacha20poly1305::aead::{Aead, KeyInit, Payload};
    use chacha20poly1305::{XChaCha20Poly1305, XNonce};
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let bytes = engine.decode(sealed).ok()?;
    if bytes.len() <= NONCE_BYTES {
        return None;
    }
    let (nonce, body) = bytes.split_at(NONCE_BYTES);
    let aad = associated(purpose, record);
    let plain = XChaCha20Poly1305::new(&seal_key(secret))
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: body,
                aad: &aad,
            },
        )
        .ok()?;
    Some(engine.encode(plain))
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
        assert!(!sealed.contains(&t));
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
        assert_eq!(open_token("pepper", "other-link", "r1", &sealed), None);
        assert_eq!(open_token("other", "rsvp-link", "r1", &sealed), None);
        assert_eq!(open_token("pepper", "rsvp-link", "r2", &sealed), None);
        // A fresh nonce each time: the same token sealed twice looks different.
        assert_ne!(
            seal_token("pepper", "rsvp-link", "r1", &t),
            Some(sealed.clone())
        );
        assert_eq!(seal_token("pepper", "rsvp-link", "r1", "not a token"), None);
        // Integrity: any changed byte opens to nothing (the old XOR seal opened to garbage).
        let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let bytes = engine.decode(&sealed).unwrap();
        for i in [0, NONCE_BYTES, bytes.len() - 1] {
            let mut bad = bytes.clone();
            bad[i] ^= 1;
            assert_eq!(
                open_token("pepper", "rsvp-link", "r1", &engine.encode(bad)),
                None
            );
        }
        assert_eq!(open_token("pepper", "rsvp-link", "r1", "short"), None);
        // A link sealed the old way (43 characters of XOR) opens to nothing: the mail then
        // links the meetup's public page.
        assert_eq!(open_token("pepper", "rsvp-link", "r1", &new_token()), None);
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
