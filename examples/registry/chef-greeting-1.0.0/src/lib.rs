//! Greets someone, shouting.

pub fn greet(name: &str) -> String {
    chef_shout::shout(&format!("hello, {name}"))
}
