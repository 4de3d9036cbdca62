//! The process's peak resident memory, as the peers report it (`ru_maxrss`).
//!
//! Linux keeps the same high-water mark as `VmHWM` in `/proc/self/status`; reading it there needs
//! no new dependency. Elsewhere the figure is simply absent.

/// Peak resident set size of this process so far, in MiB (`None` where `/proc` is missing).
pub fn peak_mb() -> Option<f64> {
    status_field_kib("VmHWM:").map(|kib| kib as f64 / 1024.0)
}

/// Current resident set size of this process, in MiB.
pub fn current_mb() -> Option<f64> {
    status_field_kib("VmRSS:").map(|kib| kib as f64 / 1024.0)
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
