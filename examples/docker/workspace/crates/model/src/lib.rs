//! What the example says, as data.

use serde::Serialize;

/// A greeting, serialized as JSON.
#[derive(Serialize)]
pub struct Greeting {
    pub message: &'static str,
    pub built_with: &'static str,
}

/// The example's greeting.
pub fn greeting() -> Greeting {
    Greeting { message: "hello from a layered jchef build", built_with: "jchef" }
}
