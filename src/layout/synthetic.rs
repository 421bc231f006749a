//! Generated inputs for the layout tests, benchmarks and the Graphviz
//! comparison: a large deal's decision chain (participants in every role and
//! links mostly running up the chain, some within a role, some skipping or
//! pointing down), on top of [`crate::demo::synthetic::org_workspace`].
//! Deterministic: the same sizes and seed give the same workspace.

use crate::demo::synthetic::{org_workspace, Rng};
use crate::layout::circle_of;
use crate::model::{Account, Attitude, DecisionLink, InfluenceLink, Participant, Role, Workspace};

/// How the generated influence lines relate to the circles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Influences {
    /// Between people chosen uniformly at random, circles ignored (the
    /// generator's default): ~88 % of the lines join different circles.
    #[default]
    Random,
    /// As a circle (圈子) means: most influence runs inside a circle; one
    /// line in six joins people chosen at random, whatever their circle.
    Circles,
}

/// Share of [`Influences::Circles`] lines that ignore the circles.
const ACROSS: usize = 6;

/// Replaces the account's influence lines (as many as before) by lines that
/// follow the circles: mostly between two people of one circle (the people
/// outside every circle count as one group), one in [`ACROSS`] between any
/// two people. Deterministic.
pub fn circle_influences(account: &mut Account, seed: u64) {
    let n = account.people.len();
    if n < 2 {
        return;
    }
    let mut rng = Rng::new(seed ^ 0xC1C1E);
    let mut groups: std::collections::BTreeMap<Option<String>, Vec<usize>> = std::collections::BTreeMap::new();
    for (i, p) in account.people.iter().enumerate() {
        groups.entry(circle_of(p).map(str::to_string)).or_default().push(i);
    }
    let group_of: Vec<Option<String>> = account.people.iter().map(|p| circle_of(p).map(str::to_string)).collect();
    let count = account.influences.len();
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let a = rng.below(n);
        let b = if rng.below(ACROSS) == 0 {
            rng.below(n)
        } else {
            *rng.pick(&groups[&group_of[a]])
        };
        if a != b {
            let id = |k: usize| account.people[k].id.clone();
            out.push(InfluenceLink { from: id(a), to: id(b), strength: 1 + rng.below(3) as u8 });
        }
    }
    account.influences = out;
}

/// `participants` people of `account` with roles in realistic proportions
/// (few approvers, many users, some unknown) and `links` distinct decision
/// links between them.
pub fn decision_chain(account: &Account, participants: usize, links: usize, seed: u64) -> (Vec<Participant>, Vec<DecisionLink>) {
    let mut rng = Rng::new(seed ^ 0xD1CE);
    let n = participants.min(account.people.len());
    let mut chosen: Vec<usize> = Vec::with_capacity(n);
    let mut taken = std::collections::HashSet::new();
    while chosen.len() < n {
        let p = rng.below(account.people.len());
        if taken.insert(p) {
            chosen.push(p);
        }
    }
    // Shares of approver, decision maker, evaluator, user, unknown.
    let shares = [0.08, 0.15, 0.30, 0.37, 0.10];
    let mut roles = Vec::with_capacity(n);
    for (k, &s) in shares.iter().enumerate() {
        let count = ((n as f64 * s).round() as usize).max(usize::from(n >= shares.len()));
        roles.extend(std::iter::repeat_n(super::decision::BANDS[k], count));
    }
    roles.resize(n, Role::User);
    let parts: Vec<Participant> = chosen
        .iter()
        .zip(&roles)
        .map(|(&p, &role)| Participant {
            person: account.people[p].id.clone(),
            role,
            attitude: *rng.pick(Attitude::ALL),
            relationship_strategy: None,
        })
        .collect();
    let by_band: Vec<Vec<usize>> = super::decision::BANDS
        .iter()
        .map(|&b| (0..n).filter(|&i| roles[i] == b).collect())
        .collect();
    let mut out: Vec<DecisionLink> = Vec::new();
    let mut pairs = std::collections::HashSet::new();
    let max_links = n * n.saturating_sub(1);
    let mut attempts = 0;
    while out.len() < links.min(max_links) && attempts < 100 * links.max(1) {
        attempts += 1;
        let from = rng.below(n);
        let band = super::decision::BANDS.iter().position(|&b| b == roles[from]).expect("a band");
        // Mostly one band up; sometimes within the band, two up, or down.
        let target_band = match rng.below(10) {
            0..=5 => band.saturating_sub(1),
            6 | 7 => band,
            8 => band.saturating_sub(2),
            _ => (band + 1).min(3),
        };
        let band_list = &by_band[target_band];
        if band_list.is_empty() {
            continue;
        }
        let to = *rng.pick(band_list);
        if to == from || !pairs.insert((from, to)) {
            continue;
        }
        let label = match (band, target_band) {
            (b, t) if t < b => "推荐",
            (b, t) if t == b => "汇报",
            _ => "指派",
        };
        out.push(DecisionLink { from: parts[from].person.clone(), to: parts[to].person.clone(), label: label.into() });
    }
    (parts, out)
}

/// [`org_workspace`] whose first deal (added if `deals` is 0 and
/// `participants` is not) has a decision chain of `participants` people and
/// `links` links.
pub fn workspace(people: usize, deals: usize, seed: u64, participants: usize, links: usize) -> Workspace {
    workspace_with(people, deals, seed, participants, links, Influences::Random)
}

/// [`workspace`] with the influence lines generated as `influences` says.
pub fn workspace_with(people: usize, deals: usize, seed: u64, participants: usize, links: usize, influences: Influences) -> Workspace {
    let mut ws = org_workspace(people, deals.max(usize::from(participants > 0)), seed);
    if influences == Influences::Circles {
        circle_influences(&mut ws.accounts[0], seed);
    }
    if participants > 0 {
        let (parts, chain) = decision_chain(&ws.accounts[0], participants, links, seed);
        let deal = &mut ws.deals[0];
        let source = parts[0].person.clone();
        for a in &mut deal.assessments {
            if a.inside_source.is_some() {
                a.inside_source = Some(source.clone());
            }
        }
        deal.participants = parts;
        deal.decision_links = chain;
    }
    ws
}
