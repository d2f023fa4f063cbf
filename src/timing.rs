//! The page's own clock: named spans in the browser's performance timeline (DevTools and the
//! benchmark read them) and slices of long work that give the page a turn between them.

use crate::format::now_ms;
#[cfg(target_arch = "wasm32")]
use std::time::Duration;

/// How long one slice of work may hold the page before it yields: well under a frame.
pub const SLICE_MS: f64 = 8.0;

#[cfg(target_arch = "wasm32")]
fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// Lets the browser draw and take input, then goes on. `scheduler.yield()` where there is one:
/// a chain of `setTimeout(0)` is held to 4 ms a turn after its fifth, which at 100,000 rows
/// left the page idle for much of the decode.
#[cfg(target_arch = "wasm32")]
async fn give_turn() {
    use crate::js::{call_method, property};
    use wasm_bindgen::JsCast;
    let turn = property(&js_sys::global(), "scheduler")
        .and_then(|scheduler| call_method(&scheduler, "yield", &[]))
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok());
    match turn {
        Some(promise) => {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        }
        None => gloo_timers::future::sleep(Duration::ZERO).await,
    }
}

/// Waits until the browser has nothing else to do (`requestIdleCallback`: no input, no frame and
/// no task waiting), or for one turn where there is no such call.
pub async fn idle() {
    #[cfg(target_arch = "wasm32")]
    {
        use crate::js::call_method;
        let mut asked = false;
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            asked =
                call_method(&js_sys::global(), "requestIdleCallback", &[resolve.into()]).is_some();
        });
        if asked {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        } else {
            give_turn().await;
        }
    }
}

/// A span in the performance timeline, from `start` to `end` (`performance.measure`).
// Outside the browser there is no timeline to write the name to.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub struct Mark(String);

impl Mark {
    pub fn start(name: String) -> Self {
        #[cfg(target_arch = "wasm32")]
        if let Some(p) = performance() {
            let _ = p.mark(&format!("{name}:start"));
        }
        Self(name)
    }

    pub fn end(self) {
        #[cfg(target_arch = "wasm32")]
        if let Some(p) = performance() {
            let _ = p.measure_with_start_mark(&self.0, &format!("{}:start", self.0));
        }
    }
}

/// Counts work in a loop and yields to the page once a slice has run `SLICE_MS`.
pub struct SliceClock {
    since: f64,
    steps: u32,
}

impl SliceClock {
    pub fn start() -> Self {
        Self { since: now_ms(), steps: 0 }
    }

    /// Call once per step; now and then, it gives the page a turn.
    pub async fn turn(&mut self) {
        self.steps = self.steps.wrapping_add(1);
        // Reading the clock costs a call out of wasm: only every 64 steps.
        if !self.steps.is_multiple_of(64) || now_ms() - self.since < SLICE_MS {
            return;
        }
        self.yield_now().await;
    }

    /// Gives the page a turn now: what ran before (a page's first render) and what follows
    /// become tasks of their own.
    pub async fn yield_now(&mut self) {
        #[cfg(target_arch = "wasm32")]
        give_turn().await;
        self.since = now_ms();
    }

    /// A turn for the page if this slice ran a millisecond or more: between two long steps,
    /// and after the loop, so that what the caller does next (drawing the rows) does not add
    /// to the last slice.
    pub async fn rest(&mut self) {
        if now_ms() - self.since >= 1.0 {
            self.yield_now().await;
        }
    }
}
