//! Parses records given on the command line and prints them as JSON.

use clap::{Arg, Command};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let matches = Command::new("app").arg(Arg::new("record").num_args(0..)).get_matches();
    let mut records = Vec::new();
    for line in matches.get_many::<String>("record").into_iter().flatten() {
        records.push(model::parse(line)?);
    }
    records.push(model::random("random"));
    tokio::time::sleep(std::time::Duration::from_millis(1)).await;
    log::info!("{} records", records.len());
    println!("{}", serde_json::to_string(&records)?);
    Ok(())
}
