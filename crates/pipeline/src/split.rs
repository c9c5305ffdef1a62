//! Split assignment from a hash of (seed, group key): reproducible, independent of row order
//! and corpus size, so adding articles never moves an existing one.

use xxhash_rust::xxh3::xxh3_64;

/// How [`SplitSpec::assign`] chooses, in words, for manifests and cards.
pub const SPLIT_METHOD: &str = "u = xxh3_64(seed as 8 little-endian bytes || 0x00 || story_id) / 2^64; the first split whose cumulative ratio exceeds u";

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SplitError {
    #[error("split spec `{0}` is not NAME=RATIO[,NAME=RATIO...]")]
    Syntax(String),
    #[error("split ratios must be positive and sum to 1 (got {0})")]
    Ratios(f64),
    #[error("split name `{0}` is used twice or is not [A-Za-z0-9_]+")]
    Name(String),
}

/// Named splits with their ratios, in order; a key falls in the first split whose cumulative
/// ratio exceeds its hash.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SplitSpec {
    pub splits: Vec<(String, f64)>,
}

impl Default for SplitSpec {
    fn default() -> Self {
        SplitSpec {
            splits: vec![
                ("train".to_string(), 0.8),
                ("validation".to_string(), 0.1),
                ("test".to_string(), 0.1),
            ],
        }
    }
}

impl std::str::FromStr for SplitSpec {
    type Err = SplitError;

    fn from_str(spec: &str) -> Result<SplitSpec, SplitError> {
        let mut splits: Vec<(String, f64)> = Vec::new();
        for part in spec.split(',') {
            let (name, ratio) = part
                .split_once('=')
                .ok_or_else(|| SplitError::Syntax(spec.to_string()))?;
            let name = name.trim();
            let ratio: f64 = ratio
                .trim()
                .parse()
                .map_err(|_| SplitError::Syntax(spec.to_string()))?;
            let valid_name =
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !valid_name || splits.iter().any(|(n, _)| n == name) {
                return Err(SplitError::Name(name.to_string()));
            }
            if ratio.is_nan() || ratio <= 0.0 {
                return Err(SplitError::Ratios(ratio));
            }
            splits.push((name.to_string(), ratio));
        }
        let sum: f64 = splits.iter().map(|(_, r)| r).sum();
        if (sum - 1.0).abs() > 1e-9 {
            return Err(SplitError::Ratios(sum));
        }
        Ok(SplitSpec { splits })
    }
}

impl std::fmt::Display for SplitSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self
            .splits
            .iter()
            .map(|(n, r)| format!("{n}={r}"))
            .collect();
        f.write_str(&parts.join(","))
    }
}

/// `xxh3_64(seed as 8 little-endian bytes ‖ 0x00 ‖ key) / 2^64`, in [0, 1).
pub fn unit_hash(seed: u64, key: &str) -> f64 {
    let mut bytes = Vec::with_capacity(9 + key.len());
    bytes.extend_from_slice(&seed.to_le_bytes());
    bytes.push(0);
    bytes.extend_from_slice(key.as_bytes());
    (xxh3_64(&bytes) >> 11) as f64 / (1u64 << 53) as f64
}

impl SplitSpec {
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.splits.iter().map(|(n, _)| n.as_str())
    }

    pub fn assign(&self, seed: u64, key: &str) -> &str {
        &self.splits[self.assign_index(seed, key)].0
    }

    /// The position in `splits` of the split [`SplitSpec::assign`] names.
    pub fn assign_index(&self, seed: u64, key: &str) -> usize {
        let u = unit_hash(seed, key);
        let mut cumulative = 0.0;
        for (i, (_, ratio)) in self.splits.iter().enumerate() {
            cumulative += ratio;
            if u < cumulative {
                return i;
            }
        }
        // Rounding can leave u just above the last cumulative sum.
        self.splits.len() - 1
    }

    /// The position of the split with the largest share (the first of equal ones).
    pub fn largest(&self) -> usize {
        let mut largest = 0;
        for (i, (_, share)) in self.splits.iter().enumerate() {
            if *share > self.splits[largest].1 {
                largest = i;
            }
        }
        largest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects_specs() {
        let spec: SplitSpec = "train=0.7,dev=0.2,test=0.1".parse().unwrap();
        assert_eq!(
            spec.names().collect::<Vec<_>>(),
            vec!["train", "dev", "test"]
        );
        assert!("train=0.7,test=0.2".parse::<SplitSpec>().is_err());
        assert!("train=1.2,test=-0.2".parse::<SplitSpec>().is_err());
        assert!("train".parse::<SplitSpec>().is_err());
        assert!("a=0.5,a=0.5".parse::<SplitSpec>().is_err());
    }

    #[test]
    fn assignment_follows_ratios_and_seed() {
        let spec = SplitSpec::default();
        let keys: Vec<String> = (0..10_000).map(|i| format!("article-{i}")).collect();
        let train = keys.iter().filter(|k| spec.assign(7, k) == "train").count();
        assert!(
            (7_700..8_300).contains(&train),
            "train got {train} of 10000"
        );
        let moved = keys
            .iter()
            .filter(|k| spec.assign(7, k) != spec.assign(8, k))
            .count();
        assert!(moved > 1_000, "a new seed moved only {moved}");
        assert!(keys.iter().all(|k| spec.assign(7, k) == spec.assign(7, k)));
    }

    #[test]
    fn index_and_largest_name_the_spec_splits() {
        let spec: SplitSpec = "dev=0.2,train=0.6,test=0.2".parse().unwrap();
        assert_eq!(spec.largest(), 1);
        let even: SplitSpec = "a=0.5,b=0.5".parse().unwrap();
        assert_eq!(even.largest(), 0);
        for k in 0..2000 {
            let key = format!("story-{k}");
            assert_eq!(
                spec.assign(3, &key),
                spec.splits[spec.assign_index(3, &key)].0
            );
        }
    }
}
