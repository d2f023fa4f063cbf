//! Reads sent before the page that needs them exists. A route starts its page's GETs as soon as
//! it is matched, while the page's code (its chunk) is still arriving; the page's own request
//! for the same thing, with the same token, then takes that answer instead of asking again. A
//! deep link so waits for the code and the data side by side, and each GET still goes out once.
//! Earlier still, the HTML sends the same reads before any code has arrived
//! (`src/routes/early-reads.js`); a route's read takes that answer in `transport::send`.

use super::transport::Reply;
use super::{ApiError, Secret};
use futures::channel::oneshot;
use std::cell::RefCell;

/// An answer is taken only this soon after its request left: later, the page asks afresh.
const FRESH_MS: f64 = 30_000.0;

/// Which request, to which project, with which token: the answer is only for exactly that.
#[derive(Clone, PartialEq)]
pub(super) struct ReadKey {
    pub url: String,
    pub query: Vec<(&'static str, String)>,
    pub project_id: String,
    pub token: Secret,
}

struct Pending {
    key: ReadKey,
    sent_ms: f64,
    answer: oneshot::Receiver<Result<Reply, ApiError>>,
}

thread_local! {
    static PENDING: RefCell<Vec<Pending>> = const { RefCell::new(Vec::new()) };
}

/// Keeps the answer to come for `key`, replacing an older one for the same request.
pub(super) fn keep(key: ReadKey, now_ms: f64) -> oneshot::Sender<Result<Reply, ApiError>> {
    let (sender, answer) = oneshot::channel();
    PENDING.with_borrow_mut(|pending| {
        pending.retain(|p| p.key != key && now_ms - p.sent_ms < FRESH_MS);
        pending.push(Pending { key, sent_ms: now_ms, answer });
    });
    sender
}

/// Whether any answer is kept: most reads find none, and need not build their key.
pub(super) fn any() -> bool {
    PENDING.with_borrow(|pending| !pending.is_empty())
}

/// The answer kept for `key`, once: whoever takes it is the one reader of that request.
pub(super) fn take(
    key: &ReadKey,
    now_ms: f64,
) -> Option<oneshot::Receiver<Result<Reply, ApiError>>> {
    PENDING.with_borrow_mut(|pending| {
        pending.retain(|p| now_ms - p.sent_ms < FRESH_MS);
        let at = pending.iter().position(|p| &p.key == key)?;
        Some(pending.swap_remove(at).answer)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::RawResponse;

    fn key(token: &str) -> ReadKey {
        ReadKey {
            url: "http://api/v1/p/snapshots".into(),
            query: vec![("all", "true".into())],
            project_id: "p".into(),
            token: Secret::from(token),
        }
    }

    fn reply(status: u16) -> Result<Reply, ApiError> {
        let raw = RawResponse { status, request_id: None, body: String::new() };
        Ok(Reply { raw, subject_token: None, retry_after: None })
    }

    #[test]
    fn an_early_answer_is_taken_once_and_only_with_the_same_token() {
        let sender = keep(key("t1"), 0.0);
        assert!(take(&key("t2"), 1.0).is_none(), "another token never sees it");
        let mut answer = take(&key("t1"), 1.0).expect("kept");
        assert!(take(&key("t1"), 2.0).is_none(), "a second reader asks the server");
        assert!(sender.send(reply(200)).is_ok());
        let got = answer.try_recv().ok().flatten().and_then(Result::ok);
        assert_eq!(got.map(|r| r.raw.status), Some(200));
    }

    #[test]
    fn an_old_early_answer_is_not_taken() {
        let _sender = keep(key("old"), 0.0);
        assert!(take(&key("old"), FRESH_MS + 1.0).is_none());
    }
}
