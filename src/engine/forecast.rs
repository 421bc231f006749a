//! The weighted forecast of a pipeline (tas-plus.md §3.5): Σ amount × win rate.

use chrono::NaiveDate;
use serde::Serialize;

use super::grading::effective_grade;
use super::win_rate::{win_rate, Reason};
use crate::model::*;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Forecast {
    pub as_of: NaiveDate,
    pub currency: String,
    pub open_deals: u32,
    pub total_amount: f64,
    /// Σ amount × win rate over the open deals; deals with no rate count 0.
    pub weighted: f64,
    pub by_stage: Vec<Bucket>,
    pub by_grade: Vec<Bucket>,
    pub lines: Vec<ForecastLine>,
    /// Open deals with no win rate (counted 0), listed apart with the reason.
    pub unrated: Vec<ForecastLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Bucket {
    /// Stage key or grade letter.
    pub key: String,
    pub deals: u32,
    pub amount: f64,
    pub weighted: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ForecastLine {
    pub deal: String,
    pub name: String,
    pub stage: String,
    pub grade: Grade,
    pub amount: f64,
    /// Win rate in percent; `None` when not computed.
    pub rate: Option<f64>,
    pub weighted: f64,
    pub reasons: Vec<Reason>,
}

/// "The weighted forecast of a pipeline is Σ amount × win rate"; a deal with no
/// win rate (no confirmed compelling event, no assessment) "counts 0 in
/// forecasts" and is listed apart. Only open deals are in the pipeline; buckets
/// follow the stage template's order and grades A–E.
pub fn forecast(deals: &[Deal], settings: &Settings, currency: &str, as_of: NaiveDate) -> Forecast {
    let mut by_stage: Vec<Bucket> = settings.stages.iter().map(|s| bucket(&s.key)).collect();
    let mut by_grade: Vec<Bucket> = Grade::ALL.iter().map(|g| bucket(g.key())).collect();
    let (mut lines, mut unrated) = (Vec::new(), Vec::new());
    let (mut total, mut weighted) = (0.0, 0.0);
    for d in deals.iter().filter(|d| d.status == DealStatus::Open) {
        let wr = win_rate(d, &settings.win_rate_weights, as_of);
        let grade = effective_grade(d.amount, d.partner_led, d.grade_override, &settings.grade_thresholds);
        let w = d.amount * wr.rate.unwrap_or(0.0) / 100.0;
        total += d.amount;
        weighted += w;
        for b in by_stage.iter_mut().filter(|b| b.key == d.stage).chain(by_grade.iter_mut().filter(|b| b.key == grade.key())) {
            b.deals += 1;
            b.amount += d.amount;
            b.weighted += w;
        }
        let line = ForecastLine {
            deal: d.id.clone(),
            name: d.name.clone(),
            stage: d.stage.clone(),
            grade,
            amount: d.amount,
            rate: wr.rate,
            weighted: w,
            reasons: wr.reasons,
        };
        if line.rate.is_some() { lines.push(line) } else { unrated.push(line) }
    }
    Forecast {
        as_of,
        currency: currency.to_string(),
        open_deals: (lines.len() + unrated.len()) as u32,
        total_amount: total,
        weighted,
        by_stage,
        by_grade,
        lines,
        unrated,
    }
}

fn bucket(key: &str) -> Bucket {
    Bucket { key: key.to_string(), deals: 0, amount: 0.0, weighted: 0.0 }
}
