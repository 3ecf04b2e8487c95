//! A tiny SMTP server for the mail tests: it keeps what it receives (no mock of the sending
//! code). Shared by `tests/mail.rs` and `tests/mail_on.rs` through `#[path]`.
#![allow(dead_code)]
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use doorstart::mail::Mailer;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// `DOORSTART_PUBLIC_URL` of the tests: every link in a mail starts with it.
pub const PUBLIC: &str = "https://doorstart.example";

/// One received mail: the envelope recipients and the data.
#[derive(Clone, Debug)]
pub struct Received {
    pub to: Vec<String>,
    pub data: String,
}

/// A local SMTP server that keeps what it receives. The first `fail_first` DATA commands are
/// answered "451 try again later".
#[derive(Clone)]
pub struct Sink {
    pub port: u16,
    got: Arc<Mutex<Vec<Received>>>,
}

impl Sink {
    pub async fn start(fail_first: usize) -> Sink {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let got = Arc::new(Mutex::new(Vec::new()));
        let fails = Arc::new(AtomicUsize::new(fail_first));
        let store = got.clone();
        tokio::spawn(async move {
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    return;
                };
                let (store, fails) = (store.clone(), fails.clone());
                tokio::spawn(async move {
                    let (read, mut write) = socket.into_split();
                    let mut lines = BufReader::new(read).lines();
                    let _ = write.write_all(b"220 sink ready\r\n").await;
                    let mut to = Vec::new();
                    while let Ok(Some(line)) = lines.next_line().await {
                        let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                        let answer: &[u8] = match verb.as_str() {
                            "EHLO" | "HELO" | "MAIL" | "RSET" | "NOOP" => b"250 ok\r\n",
                            "RCPT" => {
                                to.push(line[8..].trim().trim_matches(['<', '>']).to_string());
                                b"250 ok\r\n"
                            }
                            "DATA" => {
                                let _ = write.write_all(b"354 go on\r\n").await;
                                let mut data = String::new();
                                while let Ok(Some(l)) = lines.next_line().await {
                                    if l == "." {
                                        break;
                                    }
                                    data.push_str(&l);
                                    data.push('\n');
                                }
                                let failing = fails
                                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                                        n.checked_sub(1)
                                    })
                                    .is_ok();
                                if failing {
                                    b"451 try again later\r\n"
                                } else {
                                    store.lock().unwrap().push(Received {
                                        to: std::mem::take(&mut to),
                                        data,
                                    });
                                    b"250 queued\r\n"
                                }
                            }
                            "QUIT" => {
                                let _ = write.write_all(b"221 bye\r\n").await;
                                return;
                            }
                            _ => b"500 what\r\n",
                        };
                        if write.write_all(answer).await.is_err() {
                            return;
                        }
                    }
                });
            }
        });
        Sink { port, got }
    }

    pub fn mailer(&self) -> Mailer {
        Mailer::new(
            &format!("smtp://127.0.0.1:{}", self.port),
            "Doorstart <noreply@doorstart.example>",
        )
        .unwrap()
    }

    pub fn received(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }
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
