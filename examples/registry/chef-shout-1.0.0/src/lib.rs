//! Turns text into a shout; the `loud` feature adds exclamation marks.

pub fn shout(text: &str) -> String {
    let upper = text.to_uppercase();
    if cfg!(feature = "loud") {
        format!("{upper}!!!")
    } else {
        upper
    }
}
