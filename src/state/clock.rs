//! Where the state gets the time from: the system's monotonic clock in the app, a clock the
//! test moves by hand in tests, so hold timers are tested without waiting.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// Seconds since some fixed moment, never going backward.
pub trait Clock: fmt::Debug + Send + Sync {
    fn now_secs(&self) -> f64;
}

/// The system's monotonic clock, counted from when it was made.
#[derive(Debug)]
pub struct SystemClock {
    start: Instant,
}

impl Default for SystemClock {
    fn default() -> Self {
        Self {
            start: Instant::now(),
        }
    }
}

impl Clock for SystemClock {
    fn now_secs(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }
}

/// A clock that only moves when told (tests and demonstrations). Clones share the time.
#[derive(Clone, Debug, Default)]
pub struct ManualClock {
    /// The time in seconds, as the bits of an `f64`.
    bits: Arc<AtomicU64>,
}

impl ManualClock {
    /// A clock at 0 seconds.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Moves the clock forward by `secs` (a negative or non-finite step is ignored).
    pub fn advance(&self, secs: f64) {
        if secs.is_finite() && secs > 0.0 {
            let now = self.now_secs() + secs;
            self.bits.store(now.to_bits(), Ordering::SeqCst);
        }
    }
}

impl Clock for ManualClock {
    fn now_secs(&self) -> f64 {
        f64::from_bits(self.bits.load(Ordering::SeqCst))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_only_forward_and_clones_share_it() {
        let clock = ManualClock::new();
        let shared = clock.clone();
        clock.advance(1.5);
        clock.advance(-10.0);
        clock.advance(f64::NAN);
        assert!((shared.now_secs() - 1.5).abs() < f64::EPSILON);
    }
}
