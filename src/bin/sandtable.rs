//! `sandtable` — the command line over the Sandtable core.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use sandtable::io::{self, people_csv, ImportMode};
use sandtable::{demo, Error, Store};

#[derive(Parser)]
#[command(name = "sandtable", version, about = "Sandtable (沙盘): TAS+ deal war room — command line")]
struct Cli {
    /// Workspace database (default: $SANDTABLE_DB, else ~/.local/share/sandtable/workspace.db)
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import a workspace file (all of it or nothing)
    Import {
        file: PathBuf,
        /// Replace the whole workspace (the old one is backed up first)
        #[arg(long)]
        replace: bool,
        #[arg(long)]
        json: bool,
    },
    /// Import people from a CSV file into an account
    ImportPeople {
        account: String,
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Export the whole workspace as JSON (to stdout when no file is given)
    Export { file: Option<PathBuf> },
    /// Load the practice workspace (replaces the current one after a backup)
    Demo {
        #[arg(long)]
        json: bool,
    },
    /// List accounts
    Accounts {
        #[arg(long)]
        json: bool,
    },
    /// List the people of an account
    People {
        account: String,
        #[arg(long)]
        json: bool,
    },
    /// List deals
    Deals {
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            ExitCode::FAILURE
        }
    }
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value).expect("output types serialize");
    writeln!(out).map_err(|e| Error::io("stdout", e))
}

fn run(cli: Cli) -> Result<(), Error> {
    let db = cli.db.unwrap_or_else(Store::default_path);
    let mut store = Store::open(&db)?;
    match cli.command {
        Command::Import { file, replace, json } => {
            let mode = if replace { ImportMode::Replace } else { ImportMode::Merge };
            let report = io::import_file(&mut store, &file, mode)?;
            if json {
                print_json(&report)?;
            } else {
                println!(
                    "imported {} accounts, {} people, {} deals, {} competitors, {} activities",
                    report.accounts, report.people, report.deals, report.competitors, report.activities
                );
                if let Some(b) = report.backup {
                    println!("the previous workspace was backed up to {b}");
                }
            }
        }
        Command::ImportPeople { account, file, json } => {
            let n = people_csv::import_people_csv(&mut store, &account, &file)?;
            if json {
                print_json(&serde_json::json!({ "account": account, "imported": n }))?;
            } else {
                println!("imported {n} people into {account}");
            }
        }
        Command::Export { file } => {
            let text = io::export_json(&store)?;
            match file {
                Some(path) => write_atomically(&path, text.as_bytes())?,
                None => std::io::stdout().write_all(text.as_bytes()).map_err(|e| Error::io("stdout", e))?,
            }
        }
        Command::Demo { json } => {
            let report = demo::load_practice(&mut store)?;
            if json {
                print_json(&report)?;
            } else {
                println!(
                    "loaded the practice workspace: {} accounts, {} people, {} deals",
                    report.accounts, report.people, report.deals
                );
                if let Some(b) = report.backup {
                    println!("the previous workspace was backed up to {b}");
                }
            }
        }
        Command::Accounts { json } => {
            let accounts = store.account_summaries()?;
            if json {
                print_json(&accounts)?;
            } else {
                for a in accounts {
                    println!("{}\t{}\t{}\t{} people\t{} open deals", a.id, a.name, a.industry, a.people, a.open_deals);
                }
            }
        }
        Command::People { account, json } => {
            let people = store.person_summaries(&account)?;
            if json {
                print_json(&people)?;
            } else {
                for p in people {
                    println!("{}\t{}\t{}\t{}", p.id, p.name, p.title, p.manager_name.unwrap_or_default());
                }
            }
        }
        Command::Deals { json } => {
            let deals = store.deal_summaries()?;
            if json {
                print_json(&deals)?;
            } else {
                for d in deals {
                    println!(
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        d.id, d.name, d.account_name, d.amount, d.stage, d.grade, d.status
                    );
                }
            }
        }
    }
    Ok(())
}

/// Writes to a temporary file beside `path`, then renames, so a crash never leaves half a file.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<(), Error> {
    let tmp = path.with_extension("tmp-export");
    std::fs::write(&tmp, bytes).map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
}
