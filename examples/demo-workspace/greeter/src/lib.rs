//! Welcomes people, loudly.

/// A welcome for `name`.
pub fn welcome(name: &str) -> String {
    format!("{} {}", chef_greeting::greet(name), chef_shout::shout("welcome"))
}
