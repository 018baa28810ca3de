//! An extra value.

pub fn extra() -> u32 {
    42
}
