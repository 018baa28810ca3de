//! Records that parse themselves from text.

use rand::Rng;
use regex::Regex;
use serde::{Deserialize, Serialize};

/// A named measurement.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Record {
    pub name: String,
    pub value: u32,
}

/// Why a line is not a record.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("not `name=value`: {0}")]
    Shape(String),
}

/// Parses `name=value`.
pub fn parse(line: &str) -> Result<Record, ParseError> {
    let pattern = Regex::new(r"^(\w+)=(\d+)$").expect("a valid pattern");
    let captures = pattern.captures(line).ok_or_else(|| ParseError::Shape(line.to_string()))?;
    Ok(Record { name: captures[1].to_string(), value: captures[2].parse().expect("digits") })
}

/// A record with a random value.
pub fn random(name: &str) -> Record {
    Record { name: name.to_string(), value: rand::thread_rng().gen_range(0..100) }
}
