//! `sandtable` — the command line over the Sandtable core.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use sandtable::io::plain_text::Plain;
use sandtable::io::{self, people_csv, ImportMode};
use sandtable::{demo, Error, Store};

/// `println!` that reports a failed write (a closed pipe) as an error
/// instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout(), $($arg)*).map_err(|e| Error::io("stdout", e))?
    };
}

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
    /// Export the people of an account as CSV (formula cells defused), to stdout when no file is given
    ExportPeople { account: String, file: Option<PathBuf> },
    /// Export the whole workspace as JSON (to stdout when no file is given)
    Export { file: Option<PathBuf> },
    /// Create a new, empty workspace at --db (refused if one is there)
    Init,
    /// Load the practice workspace (replaces the current one after a backup)
    Demo {
        #[arg(long)]
        json: bool,
    },
    /// Encrypt the workspace with the passphrase in SANDTABLE_NEW_PASSPHRASE, change it, or remove it (--remove); the old file is kept in backups/
    Passphrase {
        #[arg(long)]
        remove: bool,
    },
    /// Check that the database is whole (integrity, foreign keys, schema version); non-zero exit if not
    Verify {
        #[arg(long)]
        json: bool,
    },
    /// Practice mode: put the practice accounts and deals back as bundled (other accounts stay)
    PracticeReset,
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
    /// Back up the workspace database (to FILE, or into backups/ beside it)
    Backup { file: Option<PathBuf> },
    /// Replace the workspace with a backup (the current one is backed up first)
    Restore { file: PathBuf },
    /// Take this week's win-rate snapshot of every open deal (--rebuild: all past weeks too)
    Snapshot {
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Rebuild the snapshots of past weeks from the assessment history
        #[arg(long)]
        rebuild: bool,
        #[arg(long)]
        json: bool,
    },
    /// The probability curve of a deal: weekly win rates and what moved them
    Curve {
        deal: String,
        #[arg(long)]
        json: bool,
    },
    /// Red flags of one deal or of every deal (TAS+ §3.9)
    Flags {
        deal: Option<String>,
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Pipeline by stage and grade, weighted by win rate
    Forecast {
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Win rate of a deal by the competitor comparison method (TAS+ §3.5)
    Winrate {
        deal: String,
        /// Compute as of this date, YYYY-MM-DD (default: today)
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Profile of a person (TAS+ §3.4): account level, and deal level with --deal
    Profile {
        person: String,
        /// Add the deal-level dimensions on this deal
        #[arg(long)]
        deal: Option<String>,
        /// Derive as of this date, YYYY-MM-DD (default: today)
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Move a deal to a stage through the stage gate (TAS+ §2.1, §2.2)
    Move {
        deal: String,
        /// Key of the target stage, e.g. initiate
        stage: String,
        #[arg(long)]
        json: bool,
    },
    /// Apply one map edit given as JSON, e.g. '{"op":"set_manager","person":"p3","manager":"p1"}'; prints its inverse
    Edit {
        #[arg(value_name = "JSON")]
        edit: String,
        #[arg(long)]
        json: bool,
    },
    /// Show one deal with every TAS+ element, its win rate and red flags
    Deal {
        deal: String,
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Sand-table scenarios (沙盘推演): fork a deal, change it, compare, promote or discard
    Scenario {
        #[command(subcommand)]
        action: ScenarioAction,
    },
    /// Mark an exit-checklist item of a stage as met on a deal (--undo to unmark)
    Check {
        deal: String,
        stage: String,
        item: String,
        #[arg(long)]
        undo: bool,
        #[arg(long)]
        json: bool,
    },
    /// Relationship-map layout of an account (TAS+ §3.4): positions, routes, circle boxes, legend
    Layout {
        account: String,
        /// reporting, political, decision or combined
        #[arg(long, default_value = "combined")]
        layer: String,
        /// The deal whose roles and decision links are shown (needed for --layer decision)
        #[arg(long)]
        deal: Option<String>,
        /// People whose subtrees are folded away, e.g. --collapsed p1,p2
        #[arg(long, value_delimiter = ',', value_name = "ID,...")]
        collapsed: Vec<String>,
        /// Plain tidy tree instead of the compact org chart
        #[arg(long)]
        tidy: bool,
        /// Interaction levels and inside source as of this date, YYYY-MM-DD (default: today)
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(long, conflicts_with = "svg")]
        json: bool,
        /// A finished SVG picture instead of JSON
        #[arg(long)]
        svg: bool,
        /// Write to this file instead of stdout
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Print the layout time to stderr
        #[arg(long, hide = true)]
        time: bool,
    },
    /// Print a generated workspace file (benchmarks, layout comparison)
    #[command(hide = true)]
    Synth {
        #[arg(long)]
        people: usize,
        #[arg(long, default_value_t = 0)]
        deals: usize,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Participants of the first deal's decision chain (0: as generated)
        #[arg(long, default_value_t = 0)]
        participants: usize,
        #[arg(long, default_value_t = 0)]
        links: usize,
        /// Influence lines: `random` (circles ignored) or `circles` (mostly inside a circle)
        #[arg(long, default_value = "random", value_parser = ["random", "circles"])]
        influences: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of our output has gone (`sandtable … | head`): end
        // quietly, as Unix tools do.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            report(&e);
            ExitCode::FAILURE
        }
    }
}

/// Prints `e` to stderr, each line escaped ([`Plain`]); when stderr cannot
/// be written either there is no one left to tell, and the exit status says it.
fn report(e: &Error) {
    let lines = match e.problems() {
        [] => vec![e.to_string()],
        problems => sandtable::error::Problem::lines(problems),
    };
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "error [{}]: {}", e.code(), Plain(&lines[0]));
    for line in &lines[1..] {
        let _ = writeln!(err, "{}", Plain(line));
    }
}

#[derive(Subcommand)]
enum ScenarioAction {
    /// Fork a deal into a new named scenario
    Fork {
        deal: String,
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// List the scenarios of a deal
    List {
        deal: String,
        #[arg(long)]
        json: bool,
    },
    /// The scenario beside reality: win rates, flags, what changed
    Show {
        id: String,
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Replace what a scenario holds with a JSON file {"deal": {...}, "activities": [...]}
    Set {
        id: String,
        file: PathBuf,
    },
    /// Write the scenario into the real deal and remove it
    Promote {
        id: String,
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// Remove a scenario without touching the real deal
    Discard { id: String },
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value).map_err(|e| match e.io_error_kind() {
        Some(kind) => Error::io("stdout", std::io::Error::from(kind)),
        None => panic!("output types serialize: {e}"),
    })?;
    writeln!(out).map_err(|e| Error::io("stdout", e))
}

fn run(cli: Cli) -> Result<(), Error> {
    // `synth` prints a generated workspace and reads none: it opens no file.
    if let Command::Synth { people, deals, seed, participants, links, influences } = &cli.command {
        use sandtable::layout::synthetic::Influences;
        let influences = if influences == "circles" { Influences::Circles } else { Influences::Random };
        let text = sandtable::layout::synth_json(*people, *deals, *seed, *participants, *links, influences);
        return std::io::stdout().write_all(text.as_bytes()).map_err(|e| Error::io("stdout", e));
    }
    let db = cli.db.unwrap_or_else(Store::default_path);
    // Only the commands that fill a workspace may create one; any other
    // command on a path with no workspace says so instead of making an empty one.
    let creates = matches!(cli.command, Command::Init | Command::Demo { .. } | Command::Import { .. });
    if db.as_os_str() != ":memory:" && !db.exists() && !creates {
        return Err(Error::InvalidInput(format!(
            "there is no workspace at {}: create one with `sandtable init --db {0}` (empty), \
             `sandtable demo --db {0}` (the practice workspace) or `sandtable import FILE --db {0}`",
            db.display()
        )));
    }
    if matches!(cli.command, Command::Init) && db.exists() {
        return Err(Error::InvalidInput(format!("there is already a workspace at {}; it was not changed", db.display())));
    }
    let mut store = Store::open_from_env(&db).map_err(|e| e.on_file(&db))?;
    let done = run_command(&mut store, cli.command, &db);
    done.map_err(|e| store.explain(e))
}

/// One command on the open workspace at `db`.
fn run_command(store: &mut Store, command: Command, db: &std::path::Path) -> Result<(), Error> {
    match command {
        Command::Init => {
            outln!("created an empty workspace at {}", Plain(db.display()));
        }
        Command::Import { file, replace, json } => {
            let mode = if replace { ImportMode::Replace } else { ImportMode::Merge };
            let report = io::import_file(store, &file, mode)?;
            if json {
                print_json(&report)?;
            } else {
                outln!(
                    "imported {} accounts, {} people, {} deals, {} competitors, {} activities",
                    report.accounts, report.people, report.deals, report.competitors, report.activities
                );
                if let Some(b) = report.backup {
                    outln!("the previous workspace was backed up to {}", Plain(&b));
                }
            }
        }
        Command::ImportPeople { account, file, json } => {
            let n = people_csv::import_people_csv(store, &account, &file)?;
            if json {
                print_json(&serde_json::json!({ "account": account, "imported": n }))?;
            } else {
                outln!("imported {n} people into {}", Plain(&account));
            }
        }
        Command::ExportPeople { account, file } => {
            let text = io::people_csv_export::export_people_csv(store, &account)?;
            match file {
                Some(path) => io::write_atomically(&path, text.as_bytes())?,
                None => std::io::stdout().write_all(text.as_bytes()).map_err(|e| Error::io("stdout", e))?,
            }
        }
        Command::Export { file } => {
            let text = io::export_json(store)?;
            match file {
                Some(path) => io::write_atomically(&path, text.as_bytes())?,
                None => std::io::stdout().write_all(text.as_bytes()).map_err(|e| Error::io("stdout", e))?,
            }
        }
        Command::Passphrase { remove } => {
            let new = if remove {
                None
            } else {
                let p = std::env::var("SANDTABLE_NEW_PASSPHRASE").unwrap_or_default();
                if p.is_empty() {
                    return Err(Error::InvalidInput(
                        "set SANDTABLE_NEW_PASSPHRASE to the new passphrase (or pass --remove to decrypt)".into(),
                    ));
                }
                Some(p)
            };
            let old = store.change_passphrase(new.as_deref())?;
            outln!(
                "the workspace is now {}; the previous file was kept at {} (delete it once you no longer need it)",
                if new.is_some() { "encrypted" } else { "not encrypted" },
                Plain(old.display())
            );
        }
        Command::Verify { json } => {
            let v = store.verify()?;
            if json {
                print_json(&v)?;
            } else {
                outln!(
                    "integrity: {}; foreign key violations: {}; schema version {} of {}",
                    Plain(&v.integrity), v.foreign_key_violations, v.schema_version, v.latest_schema_version
                );
            }
            if !v.is_ok() {
                return Err(Error::InvalidInput(format!("the database is not whole: {}", v.problems().join("; "))));
            }
        }
        Command::PracticeReset => {
            sandtable::demo::reset_practice(store, chrono::Local::now().date_naive())?;
            outln!("the practice accounts and deals are back as bundled");
        }
        Command::Demo { json } => {
            let report = demo::load_practice(store, chrono::Local::now().date_naive())?;
            if json {
                print_json(&report)?;
            } else {
                outln!(
                    "loaded the practice workspace: {} accounts, {} people, {} deals",
                    report.accounts, report.people, report.deals
                );
                if let Some(b) = report.backup {
                    outln!("the previous workspace was backed up to {}", Plain(&b));
                }
            }
        }
        Command::Accounts { json } => {
            let accounts = store.account_summaries()?;
            if json {
                print_json(&accounts)?;
            } else {
                for a in accounts {
                    outln!(
                        "{}\t{}\t{}\t{} people\t{} open deals",
                        Plain(&a.id), Plain(&a.name), Plain(&a.industry), a.people, a.open_deals
                    );
                }
            }
        }
        Command::People { account, json } => {
            let people = store.person_summaries(&account)?;
            if json {
                print_json(&people)?;
            } else {
                for p in people {
                    outln!(
                        "{}\t{}\t{}\t{}",
                        Plain(&p.id), Plain(&p.name), Plain(&p.title), Plain(p.manager_name.unwrap_or_default())
                    );
                }
            }
        }
        Command::Deals { json } => {
            let deals = store.deal_summaries()?;
            if json {
                print_json(&deals)?;
            } else {
                for d in deals {
                    outln!(
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        Plain(&d.id), Plain(&d.name), Plain(&d.account_name), d.amount, Plain(&d.stage), d.grade, d.status
                    );
                }
            }
        }
        Command::Backup { file } => {
            let dest = match file {
                Some(f) => {
                    store.backup_to(&f)?;
                    f
                }
                None => store.backup_beside("manual")?.ok_or_else(|| Error::InvalidInput("an in-memory workspace has no file to back up".into()))?,
            };
            outln!("backed up to {}", Plain(dest.display()));
        }
        Command::Restore { file } => {
            let previous = store.restore_from(&file)?;
            outln!("restored {}", Plain(file.display()));
            if let Some(p) = previous {
                outln!("the previous workspace was backed up to {}", Plain(p.display()));
            }
        }
        Command::Snapshot { as_of, rebuild, json } => {
            let as_of = as_of_date(as_of)?;
            let n = if rebuild { store.rebuild_snapshots(as_of)? } else { store.take_snapshots(as_of)? };
            if json {
                print_json(&serde_json::json!({ "as_of": as_of, "snapshots": n }))?;
            } else {
                outln!("{n} snapshots written ({})", sandtable::engine::curve::iso_week(as_of));
            }
        }
        Command::Curve { deal, json } => {
            let points = store.curve(&deal)?;
            if json {
                print_json(&serde_json::json!({ "deal": deal, "weeks": points }))?;
            } else {
                for p in points {
                    let rate = p.rate.map_or_else(|| "—".to_string(), |r| format!("{r:.1}%"));
                    let change = p.change.map_or_else(String::new, |c| format!("{c:+.1}"));
                    let causes: Vec<String> = p.causes.iter().map(|c| serde_json::to_value(c).expect("causes serialize")["cause"].as_str().unwrap_or("").to_string()).collect();
                    outln!("{}\t{rate}\t{change}\t{}", Plain(&p.week), causes.join(", "));
                }
            }
        }
        Command::Flags { deal, as_of, json } => {
            let flags = store.flags(deal.as_deref(), as_of_date(as_of)?)?;
            if json {
                print_json(&flags)?;
            } else {
                for d in flags {
                    let keys: Vec<&str> = d.flags.iter().map(|f| f.key()).collect();
                    outln!("{}\t{}\t{}", Plain(&d.deal), Plain(&d.name), keys.join(", "));
                }
            }
        }
        Command::Forecast { as_of, json } => {
            let f = store.forecast(as_of_date(as_of)?)?;
            if json {
                print_json(&f)?;
            } else {
                let currency = Plain(&f.currency);
                outln!("{} open deals: pipeline {:.0} {currency}, weighted {:.0} {currency}", f.open_deals, f.total_amount, f.weighted);
                for b in f.by_stage.iter().chain(&f.by_grade).filter(|b| b.deals > 0) {
                    outln!("{}\t{} deals\t{:.0}\t{:.0}", Plain(&b.key), b.deals, b.amount, b.weighted);
                }
                for l in &f.unrated {
                    outln!("no win rate (counts 0): {}\t{}", Plain(&l.deal), Plain(&l.name));
                }
            }
        }
        Command::Winrate { deal, as_of, json } => {
            let as_of = as_of_date(as_of)?;
            let weights = store.settings()?.win_rate_weights;
            let rate = sandtable::engine::win_rate::win_rate(&store.deal(&deal)?, &weights, as_of);
            if json {
                print_json(&rate)?;
            } else {
                let percent = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format!("{v:.1}%"));
                let reasons = serde_json::to_value(&rate.reasons).expect("reasons serialize");
                let reasons: Vec<String> = serde_json::from_value(reasons).expect("reasons are strings");
                outln!(
                    "{}\t{}\twin rate {}\traw {}\treasons: {}",
                    Plain(&rate.deal),
                    rate.as_of,
                    percent(rate.rate),
                    percent(rate.raw),
                    if reasons.is_empty() { "none".to_string() } else { reasons.join(", ") }
                );
            }
        }
        Command::Profile { person, deal, as_of, json } => {
            let as_of = as_of_date(as_of)?;
            let profile = store.profile(&person, deal.as_deref(), as_of)?;
            if json {
                print_json(&profile)?;
            } else {
                let interaction = |i: &sandtable::engine::interaction::DerivedInteraction| {
                    format!("{} ({} done: {})", i.level, i.activities.len(), i.activities.join(", "))
                };
                let or_dash = |v: Option<String>| v.unwrap_or_else(|| "—".to_string());
                let a = &profile.account_level;
                let circles: Vec<String> =
                    a.circles.iter().map(|c| format!("{}{}", c.name, if c.primary { "*" } else { "" })).collect();
                outln!(
                    "{}\t{}\t{}\t{} ({})\tas of {}",
                    Plain(&profile.person),
                    Plain(&profile.name),
                    Plain(&profile.title),
                    Plain(&profile.account_name),
                    Plain(&profile.account),
                    profile.as_of
                );
                outln!(
                    "account: orientation {}, attitude {}, influence {}, interaction {}, circles {}, leans to {}",
                    a.orientation,
                    a.attitude,
                    a.influence,
                    Plain(interaction(&a.interaction)),
                    Plain(if circles.is_empty() { "—".to_string() } else { circles.join(", ") }),
                    Plain(or_dash(a.leans_to.as_ref().map(|c| format!("{} ({})", c.name, c.id))))
                );
                if let Some(d) = &profile.deal_level {
                    outln!(
                        "deal {}: role {}, attitude {}, interaction {}, strategy suggested {} / chosen {}, inside source {}",
                        Plain(&d.deal),
                        d.role,
                        d.attitude,
                        Plain(interaction(&d.interaction)),
                        or_dash(d.suggested_strategy.map(|s| s.to_string())),
                        or_dash(d.chosen_strategy.map(|s| s.to_string())),
                        if d.inside_source { "yes" } else { "no" }
                    );
                }
            }
        }
        Command::Move { deal, stage, json } => {
            let moved = store.move_deal(&deal, &stage)?;
            if json {
                print_json(&moved)?;
            } else {
                outln!(
                    "{}: {} ({}) → {} ({}), grade {}{}",
                    Plain(&moved.deal),
                    Plain(&moved.from_name),
                    Plain(&moved.from),
                    Plain(&moved.to_name),
                    Plain(&moved.to),
                    moved.grade,
                    if moved.fast_track { ", fast track" } else { "" }
                );
            }
        }
        Command::Layout { account, layer, deal, collapsed, tidy, as_of, json: _, svg, out, time } => {
            use sandtable::layout::{render, Format, LayoutOptions, ReportingMode};
            let mode = if tidy { ReportingMode::Tidy } else { ReportingMode::Compact };
            let thresholds = store.settings()?.interaction_thresholds;
            let opts = LayoutOptions { deal, collapsed, mode, as_of: as_of_date(as_of)?, thresholds };
            let r = render(store, &account, &layer, &opts, if svg { Format::Svg } else { Format::Json })?;
            if time {
                let _ = writeln!(std::io::stderr(), "layout_ms={:.3}", r.layout_ms);
            }
            match out {
                Some(path) => io::write_atomically(&path, r.text.as_bytes())?,
                None => std::io::stdout().write_all(r.text.as_bytes()).map_err(|e| Error::io("stdout", e))?,
            }
        }
        Command::Synth { .. } => unreachable!("synth returns before a workspace is opened"),
        Command::Deal { deal, as_of, json } => {
            let as_of = as_of_date(as_of)?;
            let d = store.deal(&deal)?;
            let judged = store.judge_deal(&deal, as_of)?;
            let activities = store.deal_activities(&deal)?;
            if json {
                print_json(&serde_json::json!({ "deal": d, "activities": activities, "judgement": judged }))?;
            } else {
                let rate = judged.win_rate.rate.map_or_else(|| "—".to_string(), |r| format!("{r}%"));
                outln!(
                    "{} ({}) stage {} · win rate {rate} · {} red flags",
                    Plain(&d.name), Plain(&d.id), Plain(&d.stage), judged.flags.len()
                );
            }
        }
        Command::Scenario { action } => match action {
            ScenarioAction::Fork { deal, name, json } => {
                let s = store.fork_scenario(&deal, &name, chrono::Local::now().date_naive())?;
                if json {
                    print_json(&s)?;
                } else {
                    outln!("forked {} into scenario {} \"{}\"", Plain(&deal), Plain(&s.id), Plain(&s.name));
                }
            }
            ScenarioAction::List { deal, json } => {
                let list = store.scenarios(&deal)?;
                if json {
                    print_json(&list)?;
                } else {
                    for s in list {
                        outln!("{}\t{}\t{}", Plain(&s.id), s.created_on, Plain(&s.name));
                    }
                }
            }
            ScenarioAction::Show { id, as_of, json } => {
                let view = store.scenario_view(&id, as_of_date(as_of)?)?;
                if json {
                    print_json(&view)?;
                } else {
                    let rate = |r: Option<f64>| r.map_or_else(|| "—".to_string(), |r| format!("{r}%"));
                    outln!(
                        "{} \"{}\": win rate {} (real {}), {} red flags (real {}), {} changes",
                        Plain(&view.scenario.id),
                        Plain(&view.scenario.name),
                        rate(view.projected.win_rate.rate),
                        rate(view.real.win_rate.rate),
                        view.projected.flags.len(),
                        view.real.flags.len(),
                        view.changes.len()
                    );
                }
            }
            ScenarioAction::Set { id, file } => {
                #[derive(serde::Deserialize)]
                #[serde(deny_unknown_fields)]
                struct Content {
                    deal: sandtable::model::Deal,
                    #[serde(default)]
                    activities: Vec<sandtable::model::Activity>,
                }
                let bytes = std::fs::read(&file).map_err(|e| Error::io(&file, e))?;
                let c: Content = serde_json::from_slice(&bytes)
                    .map_err(|e| Error::InvalidInput(format!("{}: not a scenario file: {e}", file.display())))?;
                let s = store.update_scenario(&id, c.deal, c.activities)?;
                outln!("updated scenario {}", Plain(&s.id));
            }
            ScenarioAction::Promote { id, as_of } => {
                let outcome = store.promote_scenario(&id, as_of_date(as_of)?)?;
                outln!("promoted scenario {} into the real deal", Plain(&id));
                outln!("undo with: {}", serde_json::to_string(&outcome.inverse).expect("edits serialize"));
            }
            ScenarioAction::Discard { id } => {
                store.discard_scenario(&id)?;
                outln!("discarded scenario {}", Plain(&id));
            }
        },
        Command::Edit { edit, json } => {
            let edit = sandtable::model::Edit::from_json(&edit)?;
            let outcome = store.apply_as_of(&edit, chrono::Local::now().date_naive())?;
            if json {
                print_json(&outcome)?;
            } else {
                outln!("applied {}{}", edit.op(), Plain(outcome.created.as_deref().map_or_else(String::new, |id| format!(", created {id}"))));
                outln!("undo with: {}", serde_json::to_string(&outcome.inverse).expect("edits serialize"));
            }
        }
        Command::Check { deal, stage, item, undo, json } => {
            let checklist = store.mark_checklist(&deal, &stage, &item, !undo)?;
            if json {
                print_json(&checklist)?;
            } else {
                outln!("{} {} ({}):", Plain(&checklist.deal), Plain(&checklist.stage_name), Plain(&checklist.stage));
                for i in &checklist.items {
                    outln!("  [{}] {}", if i.done { "x" } else { " " }, Plain(&i.item));
                }
            }
        }
    }
    Ok(())
}

/// `--as-of DATE`, or today.
fn as_of_date(text: Option<String>) -> Result<chrono::NaiveDate, Error> {
    match text {
        Some(text) => sandtable::model::date::parse(&text).map_err(|e| Error::InvalidInput(format!("--as-of: {e}"))),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

