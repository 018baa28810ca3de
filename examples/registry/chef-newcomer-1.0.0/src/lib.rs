//! A dependency that arrives late.

pub fn arrived() -> bool {
    true
}
