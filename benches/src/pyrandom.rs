//! The W3 claim sample, drawn exactly as CPython draws it.
//!
//! The peers pick the W3 claims with `random.Random(7).sample(range(n), 1000)`. Reproducing that
//! here (Mersenne Twister seeded by `init_by_array`, `getrandbits`-based `randbelow`, and the two
//! branches of `Random.sample`) lets the Rust measurement run without Python while still walking
//! the very same claims, which is what makes the W3 checksums comparable.

/// The seed of the W3 sample.
pub const W3_SEED: u32 = 7;
/// How many claims W3 samples.
pub const W3_SAMPLE: usize = 1000;

/// CPython's `random.Random`, reduced to what `sample` needs.
pub struct PyRandom {
    state: [u32; 624],
    index: usize,
}

impl PyRandom {
    /// The generator `random.Random(seed)` gives for a non-negative seed below 2^32.
    pub fn new(seed: u32) -> PyRandom {
        let mut r = PyRandom {
            state: [0; 624],
            index: 624,
        };
        r.init_by_array(&[seed]);
        r
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..624 {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = 624;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let n = 624usize;
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len().max(1);
        for _ in 0..n.max(klen) {
            let prev = self.state[i - 1];
            let k = key.get(j).copied().unwrap_or(0);
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(k)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= n {
                self.state[0] = self.state[n - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
        }
        for _ in 0..n - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= n {
                self.state[0] = self.state[n - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
    }

    fn twist(&mut self) {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        for i in 0..624 {
            let y = (self.state[i] & UPPER) | (self.state[(i + 1) % 624] & LOWER);
            let mut v = self.state[(i + 397) % 624] ^ (y >> 1);
            if y & 1 != 0 {
                v ^= 0x9908_b0df;
            }
            self.state[i] = v;
        }
        self.index = 0;
    }

    /// The next 32-bit output (`genrand_uint32`).
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= 624 {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `randbelow(n)` for `0 < n < 2^32`: rejection sampling on `getrandbits(n.bit_length())`.
    pub fn randbelow(&mut self, n: u32) -> u32 {
        let bits = 32 - n.leading_zeros();
        loop {
            let r = self.next_u32() >> (32 - bits);
            if r < n {
                return r;
            }
        }
    }

    /// `sample(range(n), k)`: `k` distinct numbers below `n`, in draw order.
    ///
    /// `k` is capped at `n`, as the harness does (`min(k, n)`); `n` must stay below 2^32.
    pub fn sample_range(&mut self, n: u32, k: usize) -> Vec<u32> {
        let k = k.min(n as usize);
        let mut setsize = 21usize;
        if k > 5 {
            let exp = ((k as f64 * 3.0).ln() / 4f64.ln()).ceil() as u32;
            setsize += 4usize.pow(exp);
        }
        let mut out = Vec::with_capacity(k);
        if (n as usize) <= setsize {
            let mut pool: Vec<u32> = (0..n).collect();
            for i in 0..k {
                let last = n as usize - i - 1;
                let j = self.randbelow(n - i as u32) as usize;
                if let (Some(&pick), Some(&moved)) = (pool.get(j), pool.get(last)) {
                    out.push(pick);
                    pool[j] = moved;
                }
            }
        } else {
            let mut selected = std::collections::HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow(n);
                while selected.contains(&j) {
                    j = self.randbelow(n);
                }
                selected.insert(j);
                out.push(j);
            }
        }
        out
    }
}

/// The W3 claim ids for a corpus of `n_claims` claims: `["c%d" % i for i in
/// random.Random(7).sample(range(n_claims), min(1000, n_claims))]`.
///
/// ```
/// let ids = claimgraph_benches::pyrandom::w3_sample(2000);
/// assert_eq!(ids.len(), 1000);
/// assert!(ids.iter().all(|id| id.starts_with('c')));
/// ```
pub fn w3_sample(n_claims: usize) -> Vec<String> {
    let n = u32::try_from(n_claims).unwrap_or(u32::MAX);
    PyRandom::new(W3_SEED)
        .sample_range(n, W3_SAMPLE)
        .into_iter()
        .map(|i| format!("c{i}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values printed by CPython 3.11:
    //   s = random.Random(7).sample(range(n), 1000); print(s[:5], s[-1])
    #[test]
    fn sample_of_a_small_range_matches_cpython_pool_branch() {
        let s = PyRandom::new(7).sample_range(2000, 1000);
        assert_eq!(&s[..5], &[663, 1941, 308, 808, 1333]);
        assert_eq!(s.last(), Some(&906));
    }

    #[test]
    fn sample_of_a_large_range_matches_cpython_set_branch() {
        let s = PyRandom::new(7).sample_range(10_000, 1000);
        assert_eq!(&s[..5], &[5305, 2471, 6468, 791, 1186]);
        assert_eq!(s.last(), Some(&4815));
        let s = PyRandom::new(7).sample_range(1_000_000, 1000);
        assert_eq!(&s[..5], &[339_563, 993_908, 158_176, 414_002, 682_554]);
        assert_eq!(s.last(), Some(&78_237));
    }

    #[test]
    fn the_sample_is_distinct_and_capped_at_the_population() {
        let s = w3_sample(5);
        assert_eq!(s.len(), 5);
        let mut sorted = s.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, vec!["c0", "c1", "c2", "c3", "c4"]);
        let big = w3_sample(100_000);
        let distinct: std::collections::HashSet<_> = big.iter().collect();
        assert_eq!(distinct.len(), 1000);
    }
}
