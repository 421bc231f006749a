//! The person-profile query (tas-plus.md §3.4): gathers one person's records
//! and hands them to [`crate::engine::profile`], which derives the rest.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row};

use super::{from_json_list, Store};
use crate::engine::profile::{account_level, deal_level, Named, Profile};
use crate::error::{Error, Result};
use crate::model::{Activity, Circle, Person};

impl Store {
    /// The profile of `person` on `as_of`: the account level always, the deal
    /// level when `deal` is given. `NotFound` for an unknown person or deal;
    /// `InvalidInput` when the person does not take part in the deal.
    pub fn profile(&self, person: &str, deal: Option<&str>, as_of: NaiveDate) -> Result<Profile> {
        let (p, account, account_name) = self.person_record(person)?;
        let deal = deal.map(|id| self.deal(id)).transpose()?;
        let settings = self.settings()?;
        let t = &settings.interaction_thresholds;
        let activities = self.activities_with(person)?;

        let deal_level = match &deal {
            None => None,
            Some(d) => Some(deal_level(person, d, &activities, t, as_of).ok_or_else(|| {
                Error::InvalidInput(format!(
                    "person \"{}\" ({}) is not a participant of deal \"{}\" ({}); add them to the deal first",
                    p.id, p.name, d.id, d.name
                ))
            })?),
        };
        let circles = self.account_circles(&account)?;
        let leans_to = match &p.leans_to {
            None => None,
            Some(id) => Some(self.competitor_named(id)?),
        };
        Ok(Profile {
            account_level: account_level(&p, &circles, leans_to, &activities, t, as_of),
            deal_level,
            person: p.id,
            name: p.name,
            title: p.title,
            department: p.department,
            notes: p.notes,
            email: p.email,
            phone: p.phone,
            account,
            account_name,
            as_of,
        })
    }

    /// The person with their circles, their account id and its name.
    fn person_record(&self, id: &str) -> Result<(Person, String, String)> {
        let found = self
            .conn
            .query_row(
                "SELECT p.id, p.account, a.name, p.name, p.title, p.department, p.manager, p.orientation,
                        p.attitude, p.influence, p.primary_circle, p.leans_to, p.notes, p.email, p.phone
                 FROM people p JOIN accounts a ON a.id = p.account WHERE p.id = ?1",
                [id],
                |r| {
                    let person = Person {
                        id: r.get(0)?,
                        name: r.get(3)?,
                        title: r.get(4)?,
                        department: r.get(5)?,
                        manager: r.get(6)?,
                        dotted_managers: Vec::new(),
                        orientation: r.get(7)?,
                        attitude: r.get(8)?,
                        influence: r.get(9)?,
                        circles: Vec::new(),
                        primary_circle: r.get(10)?,
                        leans_to: r.get(11)?,
                        notes: r.get(12)?,
                        email: r.get(13)?,
                        phone: r.get(14)?,
                    };
                    Ok((person, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
                },
            )
            .optional()?;
        let Some((mut person, account, account_name)) = found else {
            return Err(Error::NotFound { kind: "person", id: id.to_string() });
        };
        person.circles = self.column_list("SELECT circle FROM circle_members WHERE person = ?1 ORDER BY rowid", id)?;
        person.dotted_managers =
            self.column_list("SELECT manager FROM dotted_lines WHERE person = ?1 ORDER BY rowid", id)?;
        Ok((person, account, account_name))
    }

    fn column_list(&self, sql: &str, id: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(super) fn account_circles(&self, account: &str) -> Result<Vec<Circle>> {
        let mut stmt = self.conn.prepare("SELECT id, name FROM circles WHERE account = ?1 ORDER BY rowid")?;
        let rows = stmt.query_map([account], |r| Ok(Circle { id: r.get(0)?, name: r.get(1)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn competitor_named(&self, id: &str) -> Result<Named> {
        let name: Option<String> =
            self.conn.query_row("SELECT name FROM competitors WHERE id = ?1", [id], |r| r.get(0)).optional()?;
        Ok(Named { id: id.to_string(), name: name.unwrap_or_else(|| id.to_string()) })
    }

    /// Every activity the person took part in (planned ones too: the engine
    /// decides what counts), oldest first, each with all its customer participants.
    fn activities_with(&self, person: &str) -> Result<Vec<Activity>> {
        let mut stmt = self.conn.prepare(
            "SELECT activity, person FROM activity_people
             WHERE activity IN (SELECT activity FROM activity_people WHERE person = ?1) ORDER BY rowid",
        )?;
        let mut people: HashMap<String, Vec<String>> = HashMap::new();
        let mut rows = stmt.query([person])?;
        while let Some(r) = rows.next()? {
            people.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.date, a.type, a.status, a.deal, a.summary, a.addresses, a.our_people, a.outcome
             FROM activities a JOIN activity_people ap ON ap.activity = a.id
             WHERE ap.person = ?1 ORDER BY a.date, a.rowid",
        )?;
        let rows = stmt.query_map([person], |r| activity(r, &mut people))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn activity(r: &Row<'_>, people: &mut HashMap<String, Vec<String>>) -> rusqlite::Result<Activity> {
    let id: String = r.get(0)?;
    Ok(Activity {
        people: people.remove(&id).unwrap_or_default(),
        id,
        date: r.get(1)?,
        kind: r.get(2)?,
        status: r.get(3)?,
        deal: r.get(4)?,
        summary: r.get(5)?,
        addresses: r.get(6)?,
        our_people: from_json_list(&r.get::<_, String>(7)?)?,
        outcome: r.get(8)?,
    })
}
