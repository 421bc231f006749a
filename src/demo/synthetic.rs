//! Large generated workspaces for benchmarks and layout tests: a realistic
//! org chart (a few levels of managers, wide leaf teams), circles, influence
//! lines and deals. Deterministic: the same size and seed give the same file.

use chrono::NaiveDate;

use crate::model::*;

/// A small deterministic generator (SplitMix64), so no dependency is needed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SURNAMES: &[&str] = &["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"];
const GIVEN: &[&str] = &["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "勇", "军", "杰", "娟", "涛", "明", "超", "霞"];
const TITLES: &[&str] = &["总经理", "副总经理", "部门总经理", "处长", "经理", "主管", "工程师"];

/// One account of `people` people (a forest of `roots` trees) plus `deals` deals.
pub fn org_workspace(people: usize, deals: usize, seed: u64) -> Workspace {
    let mut rng = Rng::new(seed);
    let acc = "acc-synthetic".to_string();
    let circles: Vec<Circle> = (0..8).map(|i| Circle { id: format!("c{i}"), name: format!("圈子{i}") }).collect();
    let competitors: Vec<Competitor> = (0..4)
        .map(|i| Competitor {
            id: format!("k{i}"),
            name: format!("竞争对手{i}"),
            info: String::new(),
            partners: vec![],
            strengths: String::new(),
            weaknesses: String::new(),
            events: vec![],
        })
        .collect();
    let mut list: Vec<Person> = Vec::with_capacity(people);
    let mut depth: Vec<usize> = Vec::with_capacity(people);
    for i in 0..people {
        // Managers are earlier people on a shallow level; leaves hang under them.
        let manager = if i == 0 {
            None
        } else {
            let limit = i.min(1 + i / 6);
            let mut m = rng.below(limit);
            while depth[m] >= TITLES.len() - 2 {
                m = rng.below(limit.min(m.max(1)));
            }
            Some(m)
        };
        let d = manager.map_or(0, |m| depth[m] + 1);
        depth.push(d);
        let circle = rng.below(circles.len() + 2);
        let in_circle = circle < circles.len();
        list.push(Person {
            id: format!("p{i}"),
            name: format!("{}{}{}", rng.pick(SURNAMES), rng.pick(GIVEN), i),
            title: TITLES[d.min(TITLES.len() - 1)].to_string(),
            department: format!("部门{}", i % 37),
            manager: manager.map(|m| format!("p{m}")),
            dotted_managers: vec![],
            orientation: *rng.pick(Orientation::ALL),
            attitude: *rng.pick(Attitude::ALL),
            influence: *rng.pick(Influence::ALL),
            circles: if in_circle { vec![format!("c{circle}")] } else { vec![] },
            primary_circle: in_circle.then(|| format!("c{circle}")),
            leans_to: None,
            notes: String::new(),
            email: String::new(),
            phone: String::new(),
        });
    }
    let influences: Vec<InfluenceLink> = (0..people * 2 / 2)
        .filter_map(|_| {
            let (a, b) = (rng.below(people), rng.below(people));
            (a != b).then(|| InfluenceLink { from: format!("p{a}"), to: format!("p{b}"), strength: 1 + rng.below(3) as u8 })
        })
        .collect();
    let start = NaiveDate::from_ymd_opt(2026, 9, 1).expect("valid date");
    let stages = crate::model::settings::default_stages();
    let deal_list: Vec<Deal> = (0..deals)
        .map(|i| synthetic_deal(&mut rng, i, &acc, people, start, &stages[rng_index(i, stages.len())].key))
        .collect();
    let activities = activities_for(&mut rng, &deal_list, start);
    Workspace {
        competitors,
        accounts: vec![Account {
            id: acc,
            name: "合成客户".into(),
            industry: "制造".into(),
            region: "华东".into(),
            notes: String::new(),
            circles,
            people: list,
            influences,
            activities,
        }],
        deals: deal_list,
        ..Workspace::default()
    }
}

/// Three done activities per deal with some of its participants.
fn activities_for(rng: &mut Rng, deals: &[Deal], start: NaiveDate) -> Vec<Activity> {
    let mut out = Vec::with_capacity(deals.len() * 3);
    for d in deals {
        for k in 0..3 {
            let who = &d.participants[rng.below(d.participants.len())].person;
            out.push(Activity {
                id: format!("a-{}-{k}", d.id),
                date: start + chrono::Days::new(rng.below(90) as u64),
                kind: *rng.pick(ActivityType::ALL),
                status: ActivityStatus::Done,
                deal: Some(d.id.clone()),
                people: vec![who.clone()],
                summary: String::new(),
                addresses: String::new(),
                our_people: vec![],
                outcome: String::new(),
            });
        }
    }
    out
}

fn rng_index(i: usize, n: usize) -> usize {
    (i * 7 + 3) % n
}

fn synthetic_deal(rng: &mut Rng, i: usize, account: &str, people: usize, start: NaiveDate, stage: &str) -> Deal {
    let participants: Vec<Participant> = {
        let mut seen = std::collections::HashSet::new();
        (0..6)
            .filter_map(|_| {
                let p = rng.below(people.max(1));
                seen.insert(p).then(|| Participant {
                    person: format!("p{p}"),
                    role: *rng.pick(Role::ALL),
                    attitude: *rng.pick(Attitude::ALL),
                    relationship_strategy: None,
                })
            })
            .collect()
    };
    let competitors: Vec<String> = (0..1 + rng.below(3)).map(|k| format!("k{k}")).collect();
    let assessments = (0..8)
        .map(|w| Assessment {
            date: start + chrono::Duration::weeks(w),
            inside_source: (rng.below(3) > 0).then(|| participants[0].person.clone()),
            participants: vec!["销售".into(), "经理".into()],
            scores: std::iter::once(US.to_string())
                .chain(competitors.iter().cloned())
                .map(|party| Score { party, fit: rng.below(11) as f64, closeness: rng.below(11) as f64 })
                .collect(),
        })
        .collect();
    Deal {
        id: format!("d{i}"),
        account: account.into(),
        name: format!("商机{i}"),
        amount: (rng.below(800) as f64) * 10_000.0,
        currency: "CNY".into(),
        stage: stage.into(),
        status: DealStatus::Open,
        expected_close: None,
        grade_override: None,
        override_reason: String::new(),
        partner_led: false,
        partner_registration: None,
        participants,
        decision_links: vec![],
        compelling_events: vec![CompellingEvent {
            description: "预算已批复".into(),
            kind: CompellingKind::Budget,
            confirmed: rng.below(4) > 0,
            assessed_on: start,
            evidence: String::new(),
        }],
        competitors,
        not_shortlisted: false,
        assessments,
        quotes: vec![],
        strategy: None,
        tactics: vec![],
        value_proposition: ValueProposition::default(),
        team: vec![],
        coaching: vec![],
        sales_mode: None,
        resource_requests: vec![],
        checklist: vec![],
    }
}
