//! The process's peak resident memory (as the peers report it, `ru_maxrss`) and CPU time.
//!
//! Linux keeps the same high-water mark as `VmHWM` in `/proc/self/status`, and the CPU time of
//! every thread the process ran (live or finished) in `/proc/self/stat`; reading them there needs
//! no new dependency and no unsafe code. Elsewhere the figures are simply absent.

/// Peak resident set size of this process so far, in MiB (`None` where `/proc` is missing).
pub fn peak_mb() -> Option<f64> {
    status_field_kib("VmHWM:").map(|kib| kib as f64 / 1024.0)
}

/// Current resident set size of this process, in MiB.
pub fn current_mb() -> Option<f64> {
    status_field_kib("VmRSS:").map(|kib| kib as f64 / 1024.0)
}

/// CPU seconds (user + system) this process has used so far, all threads included.
///
/// The kernel counts in clock ticks (1/100 s on Linux), so a step shorter than a few tenths of a
/// second is measured coarsely.
pub fn cpu_seconds() -> Option<f64> {
    Some((stat_ticks(11)? + stat_ticks(12)?) as f64 / 100.0)
}

/// CPU seconds spent in user mode by this process so far (no system time): the figure a loaded
/// machine disturbs least.
pub fn user_seconds() -> Option<f64> {
    stat_ticks(11).map(|t| t as f64 / 100.0)
}

/// Field `field` (0-based, counted after the command name) of `/proc/self/stat`.
fn stat_ticks(field: usize) -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name may hold spaces and parentheses: fields are counted after the last ')'.
    let rest = stat.get(stat.rfind(')')? + 1..)?;
    rest.split_whitespace().nth(field)?.parse().ok()
}

fn status_field_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.trim_start_matches(field)
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn cpu_time_grows_while_the_process_computes() {
        let Some(before) = super::cpu_seconds() else {
            return; // no /proc on this platform
        };
        let t0 = std::time::Instant::now();
        let mut x = 0u64;
        while t0.elapsed().as_secs_f64() < 0.3 {
            x = std::hint::black_box(x.wrapping_mul(6364136223846793005).wrapping_add(1));
        }
        let after = super::cpu_seconds().unwrap_or(0.0);
        assert!(after > before, "{before} s -> {after} s");
    }

    #[test]
    fn peak_grows_when_memory_is_touched() {
        let Some(before) = super::peak_mb() else {
            return; // no /proc on this platform
        };
        let big = vec![1u8; 64 << 20];
        let after = super::peak_mb().unwrap_or(0.0);
        assert!(big.iter().all(|&b| b == 1));
        assert!(after >= before + 60.0, "{before} MiB -> {after} MiB");
    }
}
