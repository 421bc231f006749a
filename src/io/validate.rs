//! The importer's rules (workspace-json.md): every problem is reported with
//! the JSON path that holds it, and any problem refuses the whole file.

use std::collections::{HashMap, HashSet};

use crate::error::Problem;
use crate::model::workspace::{FORMAT, VERSION};
use crate::model::*;
use crate::model::{date, number};

/// Records already in the workspace that a file may refer to, or collide with.
#[derive(Debug, Default)]
pub struct Existing {
    pub accounts: HashSet<String>,
    pub competitors: HashSet<String>,
    pub circles: HashSet<String>,
    pub deals: HashSet<String>,
    pub activities: HashSet<String>,
    /// person id → account id
    pub people: HashMap<String, String>,
}

/// Checks `ws` against every rule. `stages` is the stage template deals must
/// use (the file's own on an empty workspace, the workspace's on a merge).
/// The problems found, split into id conflicts with the workspace and the rest.
#[derive(Debug, Default)]
pub struct Findings {
    pub problems: Vec<Problem>,
    pub conflicts: Vec<Problem>,
}

pub fn validate(ws: &Workspace, existing: &Existing, stages: &[StageDef]) -> Findings {
    let mut v = Validator { roots: Vec::new(), problems: Vec::new(), conflicts: Vec::new() };
    if ws.format != FORMAT {
        v.add("format", format!("expected \"{FORMAT}\", found \"{}\"", ws.format));
        return v.findings();
    }
    if ws.version != VERSION {
        v.add("version", format!("unknown version {} (this build reads version {VERSION})", ws.version));
        return v.findings();
    }
    v.settings(&ws.settings);
    v.workspace(ws, existing, stages);
    v.findings()
}

struct Validator {
    /// Problems that cause others (an id that is missing or taken twice, a
    /// deal whose account does not exist): listed first, so that a long list
    /// of consequences never hides them.
    roots: Vec<Problem>,
    problems: Vec<Problem>,
    conflicts: Vec<Problem>,
}

/// Which account each id of the file belongs to, plus the library.
struct Index<'a> {
    competitors: HashSet<&'a str>,
    accounts: HashSet<&'a str>,
    people: HashMap<&'a str, &'a str>,
    circles: HashMap<&'a str, &'a str>,
    deals: HashMap<&'a str, &'a Deal>,
}

impl Validator {
    fn findings(mut self) -> Findings {
        self.roots.append(&mut self.problems);
        Findings { problems: self.roots, conflicts: self.conflicts }
    }

    fn add_root(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.roots.push(Problem { path: path.into(), message: message.into() });
    }

    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem { path: path.into(), message: message.into() });
    }

    fn number(&mut self, path: String, value: f64, min: f64, max: f64) {
        if !value.is_finite() || value < min || value > max {
            self.add(path, format!("{value} is out of range (must be {min}–{max})"));
        }
    }

    /// "Amounts ≥ 0" — and below 10^15, so that sums stay exact and finite.
    fn amount(&mut self, path: String, value: f64) {
        if let Err(message) = number::check_amount(value) {
            self.add(path, message);
        }
    }

    /// "Dates valid": within the window every date of Sandtable lies in
    /// (dates read from a file already are; this holds for dates built in code).
    fn date(&mut self, path: String, value: chrono::NaiveDate) {
        if let Err(message) = date::check(value) {
            self.add(path, message);
        }
    }

    fn non_empty(&mut self, path: String, value: &str) {
        if value.trim().is_empty() {
            self.add(path, "must not be empty");
        }
    }

    fn settings(&mut self, s: &Settings) {
        let t = &s.grade_thresholds;
        for (key, value) in [("A", t.a), ("B", t.b), ("C", t.c)] {
            self.amount(format!("settings.grade_thresholds.{key}"), value);
        }
        if !(t.a >= t.b && t.b >= t.c) {
            self.add("settings.grade_thresholds", "thresholds must satisfy A ≥ B ≥ C");
        }
        let w = &s.win_rate_weights;
        self.number("settings.win_rate_weights.fit".into(), w.fit, 0.0, 1.0);
        self.number("settings.win_rate_weights.closeness".into(), w.closeness, 0.0, 1.0);
        if w.fit + w.closeness <= 0.0 {
            self.add("settings.win_rate_weights", "at least one weight must be above 0");
        }
        let i = &s.interaction_thresholds;
        if !(1 <= i.occasional && i.occasional <= i.frequent && i.frequent <= i.deep) {
            self.add(
                "settings.interaction_thresholds",
                "thresholds must satisfy 1 ≤ occasional ≤ frequent ≤ deep",
            );
        }
        if i.window_days == 0 {
            self.add("settings.interaction_thresholds.window_days", "must be at least 1 day");
        }
        if s.stages.is_empty() {
            self.add("settings.stages", "the stage template needs at least one stage");
        }
        let mut keys = HashSet::new();
        for (n, st) in s.stages.iter().enumerate() {
            self.non_empty(format!("settings.stages[{n}].key"), &st.key);
            self.non_empty(format!("settings.stages[{n}].name"), &st.name);
            if !keys.insert(st.key.as_str()) {
                self.add(format!("settings.stages[{n}].key"), format!("duplicate stage key \"{}\"", st.key));
            }
        }
    }

    /// Registers `id` of `kind`, refusing empty ids, duplicates in the file and
    /// ids the workspace already has.
    fn unique<'a>(&mut self, path: String, id: &'a str, seen: &mut HashSet<&'a str>, existing: &HashSet<String>, kind: &str) {
        if id.trim().is_empty() {
            self.add_root(path, format!("{kind} id must not be empty"));
        } else if !seen.insert(id) {
            self.add_root(path, format!("duplicate {kind} id \"{id}\""));
        } else if existing.contains(id) {
            self.conflicts.push(Problem {
                path,
                message: format!("{kind} id \"{id}\" already exists in the workspace (replace the whole workspace to load this file)"),
            });
        }
    }

    fn workspace(&mut self, ws: &Workspace, existing: &Existing, stages: &[StageDef]) {
        self.non_empty("currency".into(), &ws.currency);
        let mut idx = Index {
            competitors: existing.competitors.iter().map(String::as_str).collect(),
            accounts: existing.accounts.iter().map(String::as_str).collect(),
            people: existing.people.iter().map(|(p, a)| (p.as_str(), a.as_str())).collect(),
            circles: HashMap::new(),
            deals: HashMap::new(),
        };
        let mut seen_competitors = HashSet::new();
        let mut seen_accounts = HashSet::new();
        let mut seen_circles = HashSet::new();
        let mut seen_people = HashSet::new();
        let mut seen_activities = HashSet::new();
        let mut seen_deals = HashSet::new();
        let existing_people: HashSet<String> = existing.people.keys().cloned().collect();

        for (n, c) in ws.competitors.iter().enumerate() {
            let p = format!("competitors[{n}]");
            self.unique(format!("{p}.id"), &c.id, &mut seen_competitors, &existing.competitors, "competitor");
            self.non_empty(format!("{p}.name"), &c.name);
            for (m, e) in c.events.iter().enumerate() {
                self.date(format!("{p}.events[{m}].date"), e.date);
            }
            idx.competitors.insert(&c.id);
        }
        for (n, a) in ws.accounts.iter().enumerate() {
            let p = format!("accounts[{n}]");
            self.unique(format!("{p}.id"), &a.id, &mut seen_accounts, &existing.accounts, "account");
            self.non_empty(format!("{p}.name"), &a.name);
            idx.accounts.insert(&a.id);
            for (m, c) in a.circles.iter().enumerate() {
                self.unique(format!("{p}.circles[{m}].id"), &c.id, &mut seen_circles, &existing.circles, "circle");
                self.non_empty(format!("{p}.circles[{m}].name"), &c.name);
                idx.circles.insert(&c.id, &a.id);
            }
            for (m, person) in a.people.iter().enumerate() {
                self.unique(format!("{p}.people[{m}].id"), &person.id, &mut seen_people, &existing_people, "person");
                self.non_empty(format!("{p}.people[{m}].name"), &person.name);
                idx.people.insert(&person.id, &a.id);
            }
            for (m, act) in a.activities.iter().enumerate() {
                self.unique(format!("{p}.activities[{m}].id"), &act.id, &mut seen_activities, &existing.activities, "activity");
            }
        }
        for (n, d) in ws.deals.iter().enumerate() {
            self.unique(format!("deals[{n}].id"), &d.id, &mut seen_deals, &existing.deals, "deal");
            idx.deals.insert(&d.id, d);
        }

        for (n, a) in ws.accounts.iter().enumerate() {
            self.account(&format!("accounts[{n}]"), a, &idx);
        }
        for (n, d) in ws.deals.iter().enumerate() {
            self.deal(&format!("deals[{n}]"), d, &idx, stages);
        }
    }

    /// A reference to a person of `account`.
    fn person_ref(&mut self, path: String, id: &str, account: &str, idx: &Index<'_>) -> bool {
        match idx.people.get(id) {
            None => {
                self.add(path, format!("person \"{id}\" does not exist"));
                false
            }
            Some(&a) if a != account => {
                self.add(path, format!("person \"{id}\" belongs to account \"{a}\", not \"{account}\""));
                false
            }
            Some(_) => true,
        }
    }

    fn competitor_ref(&mut self, path: String, id: &str, idx: &Index<'_>) {
        if !idx.competitors.contains(id) {
            self.add(path, format!("competitor \"{id}\" is not in the competitor library"));
        }
    }

    fn account(&mut self, p: &str, a: &Account, idx: &Index<'_>) {
        let mut managers: HashMap<&str, (&str, usize)> = HashMap::new();
        for (m, person) in a.people.iter().enumerate() {
            let pp = format!("{p}.people[{m}]");
            if let Some(manager) = &person.manager {
                if manager == &person.id {
                    self.add(format!("{pp}.manager"), format!("\"{}\" cannot be their own manager", person.id));
                } else if self.person_ref(format!("{pp}.manager"), manager, &a.id, idx) {
                    managers.insert(&person.id, (manager, m));
                }
            }
            let mut dotted = HashSet::new();
            for (k, dm) in person.dotted_managers.iter().enumerate() {
                let path = format!("{pp}.dotted_managers[{k}]");
                if dm == &person.id {
                    self.add(path, format!("\"{}\" cannot be their own dotted-line manager", person.id));
                } else if !dotted.insert(dm.as_str()) {
                    self.add(path, format!("dotted-line manager \"{dm}\" is listed twice"));
                } else {
                    self.person_ref(path, dm, &a.id, idx);
                }
            }
            let mut circles = HashSet::new();
            for (k, c) in person.circles.iter().enumerate() {
                let path = format!("{pp}.circles[{k}]");
                match idx.circles.get(c.as_str()) {
                    None => self.add(path, format!("circle \"{c}\" does not exist")),
                    Some(&acc) if acc != a.id => {
                        self.add(path, format!("circle \"{c}\" belongs to account \"{acc}\""))
                    }
                    Some(_) if !circles.insert(c.as_str()) => {
                        self.add(path, format!("circle \"{c}\" is listed twice"))
                    }
                    Some(_) => {}
                }
            }
            if let Some(primary) = &person.primary_circle {
                if !person.circles.iter().any(|c| c == primary) {
                    self.add(
                        format!("{pp}.primary_circle"),
                        format!("primary circle \"{primary}\" is not one of this person's circles"),
                    );
                }
            }
            if let Some(k) = &person.leans_to {
                self.competitor_ref(format!("{pp}.leans_to"), k, idx);
            }
        }
        self.reporting_cycles(p, &managers);
        for (m, link) in a.influences.iter().enumerate() {
            let lp = format!("{p}.influences[{m}]");
            self.person_ref(format!("{lp}.from"), &link.from, &a.id, idx);
            self.person_ref(format!("{lp}.to"), &link.to, &a.id, idx);
            if link.from == link.to {
                self.add(format!("{lp}.to"), "a person cannot influence themselves");
            }
            if !(1..=3).contains(&link.strength) {
                self.add(format!("{lp}.strength"), format!("{} is out of range (must be 1–3)", link.strength));
            }
        }
        for (m, act) in a.activities.iter().enumerate() {
            let ap = format!("{p}.activities[{m}]");
            self.date(format!("{ap}.date"), act.date);
            let mut who = HashSet::new();
            for (k, person) in act.people.iter().enumerate() {
                if !who.insert(person.as_str()) {
                    self.add(format!("{ap}.people[{k}]"), format!("person \"{person}\" is listed twice"));
                } else {
                    self.person_ref(format!("{ap}.people[{k}]"), person, &a.id, idx);
                }
            }
            if let Some(deal) = &act.deal {
                match idx.deals.get(deal.as_str()) {
                    None => self.add(format!("{ap}.deal"), format!("deal \"{deal}\" does not exist in this file")),
                    Some(d) if d.account != a.id => self.add(
                        format!("{ap}.deal"),
                        format!("deal \"{deal}\" belongs to account \"{}\", not \"{}\"", d.account, a.id),
                    ),
                    Some(_) => {}
                }
            }
        }
    }

    /// "Solid-line reporting is acyclic; a person is not their own manager."
    fn reporting_cycles(&mut self, p: &str, managers: &HashMap<&str, (&str, usize)>) {
        // 0 = unvisited, 1 = on the current chain, 2 = known to reach a root.
        let mut state: HashMap<&str, u8> = HashMap::new();
        let mut starts: Vec<(&str, usize)> = managers.iter().map(|(k, v)| (*k, v.1)).collect();
        starts.sort_by_key(|s| s.1);
        for (start, _) in starts {
            let mut chain = Vec::new();
            let mut cur = start;
            loop {
                match state.get(cur).copied().unwrap_or(0) {
                    2 => break,
                    1 => {
                        let from = chain.iter().position(|c| *c == cur).unwrap_or(0);
                        let mut cycle: Vec<&str> = chain[from..].to_vec();
                        cycle.push(cur);
                        let index = managers[cycle[0]].1;
                        self.add(
                            format!("{p}.people[{index}].manager"),
                            format!("solid-line reporting would form a cycle: {}", cycle.join(" → ")),
                        );
                        break;
                    }
                    _ => {}
                }
                state.insert(cur, 1);
                chain.push(cur);
                match managers.get(cur) {
                    Some((next, _)) => cur = next,
                    None => break,
                }
            }
            for c in chain {
                state.insert(c, 2);
            }
        }
    }

    fn deal(&mut self, p: &str, d: &Deal, idx: &Index<'_>, stages: &[StageDef]) {
        self.non_empty(format!("{p}.name"), &d.name);
        self.non_empty(format!("{p}.currency"), &d.currency);
        if !idx.accounts.contains(d.account.as_str()) {
            self.add_root(format!("{p}.account"), format!("account \"{}\" does not exist", d.account));
        }
        self.amount(format!("{p}.amount"), d.amount);
        if let Some(close) = d.expected_close {
            self.date(format!("{p}.expected_close"), close);
        }
        if !stages.iter().any(|s| s.key == d.stage) {
            let keys: Vec<&str> = stages.iter().map(|s| s.key.as_str()).collect();
            self.add(
                format!("{p}.stage"),
                format!("unknown stage \"{}\", expected one of {}", d.stage, keys.join(", ")),
            );
        }
        if let Some(r) = &d.partner_registration {
            self.non_empty(format!("{p}.partner_registration.partner"), &r.partner);
            self.date(format!("{p}.partner_registration.registered_on"), r.registered_on);
            self.date(format!("{p}.partner_registration.protection_until"), r.protection_until);
            if r.protection_until < r.registered_on {
                self.add(
                    format!("{p}.partner_registration.protection_until"),
                    "protection ends before the registration date",
                );
            }
        }
        let mut on_deal = HashSet::new();
        for (n, part) in d.participants.iter().enumerate() {
            let path = format!("{p}.participants[{n}].person");
            if !on_deal.insert(part.person.as_str()) {
                self.add(path, format!("person \"{}\" takes part twice", part.person));
            } else {
                self.person_ref(path, &part.person, &d.account, idx);
            }
        }
        for (n, link) in d.decision_links.iter().enumerate() {
            for (end, id) in [("from", &link.from), ("to", &link.to)] {
                if !on_deal.contains(id.as_str()) {
                    self.add(
                        format!("{p}.decision_links[{n}].{end}"),
                        format!("person \"{id}\" is not a participant of this deal"),
                    );
                }
            }
            if link.from == link.to {
                self.add(format!("{p}.decision_links[{n}].to"), "a decision link needs two different people");
            }
        }
        for (n, e) in d.compelling_events.iter().enumerate() {
            self.non_empty(format!("{p}.compelling_events[{n}].description"), &e.description);
            self.date(format!("{p}.compelling_events[{n}].assessed_on"), e.assessed_on);
        }
        let mut competitors = HashSet::new();
        for (n, k) in d.competitors.iter().enumerate() {
            if !competitors.insert(k.as_str()) {
                self.add(format!("{p}.competitors[{n}]"), format!("competitor \"{k}\" is listed twice"));
            } else {
                self.competitor_ref(format!("{p}.competitors[{n}]"), k, idx);
            }
        }
        let party = |v: &mut Validator, path: String, id: &str| {
            if id != US && !competitors.contains(id) {
                v.add(path, format!("party \"{id}\" is neither \"us\" nor a competitor on this deal"));
            }
        };
        for (n, a) in d.assessments.iter().enumerate() {
            let ap = format!("{p}.assessments[{n}]");
            self.date(format!("{ap}.date"), a.date);
            if let Some(source) = &a.inside_source {
                self.person_ref(format!("{ap}.inside_source"), source, &d.account, idx);
            }
            let mut scored = HashSet::new();
            for (k, s) in a.scores.iter().enumerate() {
                let sp = format!("{ap}.scores[{k}]");
                if !scored.insert(s.party.as_str()) {
                    self.add(format!("{sp}.party"), format!("party \"{}\" is scored twice", s.party));
                }
                party(self, format!("{sp}.party"), &s.party);
                self.number(format!("{sp}.fit"), s.fit, 0.0, 10.0);
                self.number(format!("{sp}.closeness"), s.closeness, 0.0, 10.0);
            }
        }
        for (n, q) in d.quotes.iter().enumerate() {
            party(self, format!("{p}.quotes[{n}].party"), &q.party);
            self.date(format!("{p}.quotes[{n}].date"), q.date);
            self.amount(format!("{p}.quotes[{n}].amount"), q.amount);
        }
        for (n, c) in d.value_proposition.comparison.iter().enumerate() {
            party(self, format!("{p}.value_proposition.comparison[{n}].party"), &c.party);
        }
        for (n, t) in d.team.iter().enumerate() {
            self.non_empty(format!("{p}.team[{n}].colleague"), &t.colleague);
        }
        for (n, r) in d.resource_requests.iter().enumerate() {
            self.amount(format!("{p}.resource_requests[{n}].person_days"), r.person_days);
        }
        let mut marks = HashSet::new();
        for (n, m) in d.checklist.iter().enumerate() {
            let mp = format!("{p}.checklist[{n}]");
            match stages.iter().find(|s| s.key == m.stage) {
                None => self.add(format!("{mp}.stage"), format!("unknown stage \"{}\"", m.stage)),
                Some(s) if !s.exit_checklist.contains(&m.item) => self.add(
                    format!("{mp}.item"),
                    format!("\"{}\" is not on the exit checklist of stage \"{}\"", m.item, m.stage),
                ),
                Some(_) if !marks.insert((m.stage.as_str(), m.item.as_str())) => {
                    self.add(format!("{mp}.item"), "checklist item is listed twice")
                }
                Some(_) => {}
            }
        }
        for (n, c) in d.coaching.iter().enumerate() {
            self.non_empty(format!("{p}.coaching[{n}].coach"), &c.coach);
            self.date(format!("{p}.coaching[{n}].date"), c.date);
            for (k, a) in c.actions.iter().enumerate() {
                self.non_empty(format!("{p}.coaching[{n}].actions[{k}].text"), &a.text);
                if let Some(due) = a.due {
                    self.date(format!("{p}.coaching[{n}].actions[{k}].due"), due);
                }
            }
        }
    }
}
