//! Renders the greeting as JSON.

/// The greeting as one line of JSON.
pub fn render(greeting: &model::Greeting) -> String {
    serde_json::to_string(greeting).expect("a greeting serializes")
}
