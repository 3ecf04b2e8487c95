//! A tiny SMTP server for the mail tests: it keeps what it receives (no mock of the sending
//! code). Shared by `tests/mail.rs`, `tests/mail_on.rs` and `tests/mail_tls.rs` through
//! `#[path]`. It can speak TLS from the first byte or offer STARTTLS (with a certificate for
//! "localhost" from a certificate authority made for the test), and ask for a login (AUTH
//! PLAIN/LOGIN), which it refuses outside TLS. It records every line it reads, and whether it
//! read it inside TLS, so a test can see what went over the wire in plain text.
#![allow(dead_code)]
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use doorstart::mail::Mailer;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio_rustls::rustls;

/// `DOORSTART_PUBLIC_URL` of the tests: every link in a mail starts with it.
pub const PUBLIC: &str = "https://doorstart.example";

/// One received mail: the envelope recipients and the data, and how it came.
#[derive(Clone, Debug)]
pub struct Received {
    pub to: Vec<String>,
    pub data: String,
    /// It came inside TLS.
    pub tls: bool,
    /// It came after an accepted AUTH.
    pub authed: bool,
}

/// How the sink protects a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SinkTls {
    /// Plain text only: no STARTTLS offered.
    None,
    /// TLS from the first byte (as on port 465).
    Implicit,
    /// Plain text first, STARTTLS offered (as on port 587).
    StartTls,
}

/// A login the sink asks for before it takes a mail.
#[derive(Clone, Debug)]
pub struct SinkLogin {
    pub user: String,
    pub password: String,
    /// What the EHLO answer offers: "PLAIN LOGIN", "LOGIN", ...
    pub mechanisms: &'static str,
}

/// How to start a sink.
#[derive(Clone, Debug)]
pub struct Setup {
    /// The first `fail_first` DATA commands are answered "451 try again later".
    pub fail_first: usize,
    pub tls: SinkTls,
    pub login: Option<SinkLogin>,
}

/// One line the sink read, and whether it came inside TLS.
#[derive(Clone, Debug)]
pub struct Line {
    pub tls: bool,
    pub text: String,
}

/// One AUTH command the sink saw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuthSeen {
    pub tls: bool,
    pub accepted: bool,
}

struct Shared {
    setup: Setup,
    fails: AtomicUsize,
    got: Mutex<Vec<Received>>,
    lines: Mutex<Vec<Line>>,
    auths: Mutex<Vec<AuthSeen>>,
}

/// A local SMTP server that keeps what it receives.
#[derive(Clone)]
pub struct Sink {
    pub port: u16,
    /// The PEM of the certificate authority that signed the sink's certificate (with TLS).
    pub ca_pem: Option<String>,
    shared: Arc<Shared>,
}

/// A certificate authority and a certificate for "localhost" signed by it.
struct Certs {
    ca_pem: String,
    server: Arc<rustls::ServerConfig>,
}

fn certs() -> Certs {
    use rcgen::{
        BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair,
        KeyUsagePurpose,
    };
    let ca_key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(DnType::CommonName, "Doorstart test CA");
    ca.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let ca = ca.self_signed(&ca_key).unwrap();
    let key = KeyPair::generate().unwrap();
    let mut leaf = CertificateParams::new(vec!["localhost".to_string()]).unwrap();
    leaf.distinguished_name
        .push(DnType::CommonName, "localhost");
    leaf.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let leaf = leaf.signed_by(&key, &ca, &ca_key).unwrap();
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into());
    // ring, as lettre uses it here (rustls 0.23.48 marks it deprecated for lacking
    // post-quantum key exchange; that does not matter for a test server).
    #[allow(deprecated)]
    let ring = rustls::crypto::ring::default_provider();
    let server = rustls::ServerConfig::builder_with_provider(Arc::new(ring))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![leaf.der().clone()], key)
        .unwrap();
    Certs {
        ca_pem: ca.pem(),
        server: Arc::new(server),
    }
}

impl Sink {
    /// A plain sink without a login, as a relay on the same machine.
    pub async fn start(fail_first: usize) -> Sink {
        Sink::start_with(Setup {
            fail_first,
            tls: SinkTls::None,
            login: None,
        })
        .await
    }

    pub async fn start_with(setup: Setup) -> Sink {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let certs = (setup.tls != SinkTls::None).then(certs);
        let ca_pem = certs.as_ref().map(|c| c.ca_pem.clone());
        let acceptor = certs.map(|c| tokio_rustls::TlsAcceptor::from(c.server));
        let shared = Arc::new(Shared {
            fails: AtomicUsize::new(setup.fail_first),
            setup,
            got: Mutex::default(),
            lines: Mutex::default(),
            auths: Mutex::default(),
        });
        let state = shared.clone();
        tokio::spawn(async move {
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    return;
                };
                let (state, acceptor) = (state.clone(), acceptor.clone());
                tokio::spawn(async move {
                    match (state.setup.tls, acceptor) {
                        (SinkTls::Implicit, Some(acceptor)) => {
                            if let Ok(tls) = acceptor.accept(socket).await {
                                session(tls, true, true, &state).await;
                            }
                        }
                        (_, acceptor) => {
                            let Some(plain) = session(socket, false, true, &state).await else {
                                return;
                            };
                            let Some(acceptor) = acceptor else { return };
                            if let Ok(tls) = acceptor.accept(plain).await {
                                session(tls, true, false, &state).await;
                            }
                        }
                    }
                });
            }
        });
        Sink {
            port,
            ca_pem,
            shared,
        }
    }

    pub fn mailer(&self) -> Mailer {
        Mailer::new(
            &format!("smtp://127.0.0.1:{}", self.port),
            "Doorstart <noreply@doorstart.example>",
        )
        .unwrap()
    }

    /// Writes the certificate authority's PEM to a file of its own (for
    /// `DOORSTART_SMTP_CA_FILE`); the caller removes it.
    pub fn ca_file(&self) -> std::path::PathBuf {
        let path =
            std::env::temp_dir().join(format!("doorstart-sink-ca-{}.pem", doorstart::db::new_id()));
        std::fs::write(&path, self.ca_pem.as_deref().expect("a sink with TLS")).unwrap();
        path
    }

    pub fn received(&self) -> Vec<Received> {
        self.shared.got.lock().unwrap().clone()
    }

    /// Every line read, in order.
    pub fn lines(&self) -> Vec<Line> {
        self.shared.lines.lock().unwrap().clone()
    }

    /// Every AUTH command seen, in order.
    pub fn auths(&self) -> Vec<AuthSeen> {
        self.shared.auths.lock().unwrap().clone()
    }
}

/// One line without its CRLF; `None` when the client is gone.
async fn read_line<S: AsyncRead + Unpin>(io: &mut BufReader<S>) -> Option<String> {
    let mut line = String::new();
    match io.read_line(&mut line).await {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line.trim_end_matches(['\r', '\n']).to_string()),
    }
}

fn decode(b64: &str) -> String {
    base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

/// Writes one answer and sends it on at once (TLS buffers).
async fn say<S: AsyncRead + AsyncWrite + Unpin>(io: &mut BufReader<S>, text: &str) -> Option<()> {
    io.get_mut().write_all(text.as_bytes()).await.ok()?;
    io.get_mut().flush().await.ok()
}

/// A 334 challenge inside TLS, and the client's answer.
async fn ask<S: AsyncRead + AsyncWrite + Unpin>(
    io: &mut BufReader<S>,
    shared: &Shared,
    challenge: &str,
) -> Option<String> {
    say(io, &format!("334 {challenge}\r\n")).await?;
    let answer = read_line(io).await?;
    shared.lines.lock().unwrap().push(Line {
        tls: true,
        text: answer.clone(),
    });
    Some(answer)
}

/// The rest of an AUTH exchange inside TLS: true when user and password are right.
async fn auth<S: AsyncRead + AsyncWrite + Unpin>(
    io: &mut BufReader<S>,
    shared: &Shared,
    line: &str,
    login: &SinkLogin,
) -> bool {
    let mut words = line.split_whitespace().skip(1);
    let mechanism = words.next().unwrap_or("").to_ascii_uppercase();
    let initial = words.next().map(str::to_string);
    if !login.mechanisms.split(' ').any(|m| m == mechanism) {
        return false;
    }
    match mechanism.as_str() {
        "PLAIN" => {
            let Some(response) = (match initial {
                Some(i) => Some(i),
                None => ask(io, shared, "").await,
            }) else {
                return false;
            };
            let plain = decode(&response);
            let mut parts = plain.split('\0').skip(1);
            parts.next() == Some(login.user.as_str())
                && parts.next() == Some(login.password.as_str())
        }
        "LOGIN" => {
            let user = match initial {
                Some(i) => Some(i),
                None => ask(io, shared, "VXNlcm5hbWU6").await,
            };
            let Some(user) = user else { return false };
            let Some(password) = ask(io, shared, "UGFzc3dvcmQ6").await else {
                return false;
            };
            decode(&user) == login.user && decode(&password) == login.password
        }
        _ => false,
    }
}

/// One SMTP conversation on `stream`. Returns the stream when the client asked for STARTTLS
/// (the caller starts TLS on it and talks on, without a new greeting).
async fn session<S: AsyncRead + AsyncWrite + Unpin>(
    stream: S,
    tls: bool,
    greet: bool,
    shared: &Shared,
) -> Option<S> {
    let setup = &shared.setup;
    let mut io = BufReader::new(stream);
    if greet && say(&mut io, "220 sink ready\r\n").await.is_none() {
        return None;
    }
    let mut to = Vec::new();
    let mut authed = false;
    while let Some(line) = read_line(&mut io).await {
        shared.lines.lock().unwrap().push(Line {
            tls,
            text: line.clone(),
        });
        let verb = line
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let answer: String = match verb.as_str() {
            "EHLO" => {
                let mut a = String::from("250-sink\r\n");
                if let Some(login) = &setup.login {
                    // Offered even outside TLS, to see that the client does not take it.
                    a.push_str(&format!("250-AUTH {}\r\n", login.mechanisms));
                }
                if setup.tls == SinkTls::StartTls && !tls {
                    a.push_str("250-STARTTLS\r\n");
                }
                a.push_str("250 8BITMIME\r\n");
                a
            }
            "HELO" | "RSET" | "NOOP" => "250 ok\r\n".into(),
            "STARTTLS" if setup.tls == SinkTls::StartTls && !tls => {
                say(&mut io, "220 go ahead\r\n").await?;
                assert!(io.buffer().is_empty(), "nothing may come before TLS");
                return Some(io.into_inner());
            }
            "AUTH" => match &setup.login {
                None => "503 no login here\r\n".into(),
                Some(_) if !tls => {
                    shared.auths.lock().unwrap().push(AuthSeen {
                        tls,
                        accepted: false,
                    });
                    "538 5.7.11 encryption required\r\n".into()
                }
                Some(login) => {
                    let accepted = auth(&mut io, shared, &line, login).await;
                    shared
                        .auths
                        .lock()
                        .unwrap()
                        .push(AuthSeen { tls, accepted });
                    authed |= accepted;
                    if accepted {
                        "235 2.7.0 welcome\r\n".into()
                    } else {
                        "535 5.7.8 wrong user or password\r\n".into()
                    }
                }
            },
            "MAIL" if setup.login.is_some() && !authed => {
                "530 5.7.0 authentication required\r\n".into()
            }
            "MAIL" => "250 ok\r\n".into(),
            "RCPT" => {
                to.push(line[8..].trim().trim_matches(['<', '>']).to_string());
                "250 ok\r\n".into()
            }
            "DATA" => {
                say(&mut io, "354 go on\r\n").await?;
                let mut data = String::new();
                while let Some(l) = read_line(&mut io).await {
                    if l == "." {
                        break;
                    }
                    data.push_str(&l);
                    data.push('\n');
                }
                let failing = shared
                    .fails
                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                    .is_ok();
                if failing {
                    "451 try again later\r\n".into()
                } else {
                    shared.got.lock().unwrap().push(Received {
                        to: std::mem::take(&mut to),
                        data,
                        tls,
                        authed,
                    });
                    "250 queued\r\n".into()
                }
            }
            "QUIT" => {
                let _ = say(&mut io, "221 bye\r\n").await;
                return None;
            }
            _ => "500 what\r\n".into(),
        };
        say(&mut io, &answer).await?;
    }
    None
}

/// The coordinator's invite form with an address and a language: status and page.
pub async fn invite(
    app: &crate::common::TestApp,
    coordinator: &str,
    email: &str,
    lang: &str,
) -> (u16, String) {
    let form = [("email", email), ("lang", lang)];
    let (status, _, page) = app.post_as(coordinator, "/admin/invites", &form).await;
    (status, page)
}
