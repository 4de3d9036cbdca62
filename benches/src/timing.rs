//! Wall and CPU seconds of each step of a measurement, as the measurement binaries report them.

use std::time::Instant;

use serde_json::{json, Map, Value};

use crate::rss;

/// The `p`-th quantile (0 to 1) of `sorted`, ascending: the element nearest rank
/// `(len - 1) * p`. NaN when `sorted` is empty, which JSON output writes as `null`.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

/// Wall seconds under `t`, CPU seconds of the whole process (user + system, every thread) under
/// `cpu`, one entry per step name.
#[derive(Debug, Default)]
pub struct Timings {
    /// Wall seconds per step.
    pub t: Map<String, Value>,
    /// CPU seconds per step (absent where `/proc` is missing).
    pub cpu: Map<String, Value>,
}

impl Timings {
    /// Runs `f`, recording its wall and CPU seconds under `name`.
    pub fn timed<T>(&mut self, name: &str, f: impl FnOnce() -> T) -> T {
        let c0 = rss::cpu_seconds();
        let t0 = Instant::now();
        let out = f();
        self.t
            .insert(name.into(), json!(t0.elapsed().as_secs_f64()));
        if let (Some(c0), Some(c1)) = (c0, rss::cpu_seconds()) {
            self.cpu.insert(name.into(), json!(c1 - c0));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Timings;

    #[test]
    fn each_step_is_recorded_under_its_name() {
        let mut tm = Timings::default();
        let x = tm.timed("sum", || (0..1000u64).sum::<u64>());
        assert_eq!(x, 499_500);
        assert!(tm.t["sum"].as_f64().is_some_and(|s| s >= 0.0));
        assert!(!tm.t.contains_key("other"));
    }
}
