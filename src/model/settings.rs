//! Workspace settings (§2.2, §2.4, §3.5, §3.8): the internal, static rules that
//! every other element reads. Keys from workspace-json.md are the contract;
//! everything after `interaction_thresholds` is our optional extension.

use serde::{Deserialize, Serialize};

use super::enums::Strategy;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Settings {
    #[serde(default)]
    pub grade_thresholds: GradeThresholds,
    #[serde(default)]
    pub win_rate_weights: WinRateWeights,
    #[serde(default)]
    pub interaction_thresholds: InteractionThresholds,
    /// The stage template (§2.1); deals' `stage` names one of these keys.
    #[serde(default = "default_stages")]
    pub stages: Vec<StageDef>,
    /// Our departments (§2.4).
    #[serde(default = "default_departments")]
    pub departments: Vec<String>,
    /// Positions and their KPIs (§2.4 assessment).
    #[serde(default = "default_positions")]
    pub positions: Vec<Position>,
    /// Roles a colleague can have on a deal team (§2.3), editable list.
    #[serde(default = "default_team_roles")]
    pub team_roles: Vec<String>,
    /// The tactic library per competitive strategy (§3.6), seeded, editable.
    #[serde(default = "default_tactics")]
    pub tactics: Vec<TacticDef>,
    /// How many daily backups of the database to keep.
    #[serde(default = "default_backups_kept")]
    pub backups_kept: u32,
}

fn default_backups_kept() -> u32 {
    7
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            grade_thresholds: GradeThresholds::default(),
            win_rate_weights: WinRateWeights::default(),
            interaction_thresholds: InteractionThresholds::default(),
            stages: default_stages(),
            departments: default_departments(),
            positions: default_positions(),
            team_roles: default_team_roles(),
            tactics: default_tactics(),
            backups_kept: default_backups_kept(),
        }
    }
}

/// Amount thresholds for grades A–C; below C is D (§2.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct GradeThresholds {
    #[serde(rename = "A", serialize_with = "super::number::serialize")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub a: f64,
    #[serde(rename = "B", serialize_with = "super::number::serialize")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub b: f64,
    #[serde(rename = "C", serialize_with = "super::number::serialize")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub c: f64,
}

impl Default for GradeThresholds {
    fn default() -> Self {
        GradeThresholds { a: 5_000_000.0, b: 1_000_000.0, c: 200_000.0 }
    }
}

/// Weights of need-fit and closeness in a party's strength (§3.5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct WinRateWeights {
    #[serde(serialize_with = "super::number::serialize")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub fit: f64,
    #[serde(serialize_with = "super::number::serialize")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub closeness: f64,
}

impl Default for WinRateWeights {
    fn default() -> Self {
        WinRateWeights { fit: 0.5, closeness: 0.5 }
    }
}

/// Done-activity counts that make an interaction level, and the window (§3.8).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct InteractionThresholds {
    pub occasional: u32,
    pub frequent: u32,
    pub deep: u32,
    pub window_days: u32,
}

impl Default for InteractionThresholds {
    fn default() -> Self {
        InteractionThresholds { occasional: 1, frequent: 3, deep: 6, window_days: 180 }
    }
}

/// One stage of the stage template (§2.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct StageDef {
    pub key: String,
    /// Name shown in zh-CN.
    pub name: String,
    /// Name shown in English.
    pub name_en: String,
    /// Exit checklist: what the deal must meet to move on.
    #[serde(default)]
    pub exit_checklist: Vec<String>,
    /// Approvals this stage needs (§2.4 process).
    #[serde(default)]
    pub approvals: Vec<String>,
}

/// A position in our sales organisation and its KPIs (§2.4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub name: String,
    #[serde(default)]
    pub department: String,
    #[serde(default)]
    pub kpis: Vec<String>,
}

/// A tactic in the library of one competitive strategy (§3.6).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct TacticDef {
    pub strategy: Strategy,
    pub text: String,
}

fn stage(key: &str, name: &str, name_en: &str, exit: &[&str], approvals: &[&str]) -> StageDef {
    StageDef {
        key: key.into(),
        name: name.into(),
        name_en: name_en.into(),
        exit_checklist: exit.iter().map(|s| s.to_string()).collect(),
        approvals: approvals.iter().map(|s| s.to_string()).collect(),
    }
}

/// The seven LTC stages of §2.1 with their exit criteria.
pub fn default_stages() -> Vec<StageDef> {
    vec![
        stage("validate", "验证商机", "Validate", &["确认为真实商机", "开始协调内部资源"], &[]),
        stage("initiate", "商机立项", "Initiate", &["立项评审通过", "组建项目团队"], &["立项评审"]),
        stage(
            "needs_analysis",
            "需求分析",
            "Needs analysis",
            &["价值主张已确定", "竞争策略已确定", "行动计划已确定"],
            &[],
        ),
        stage("value_presentation", "价值呈现", "Value presentation", &["客户开始编写招标文件"], &[]),
        stage("tender_preparation", "招标准备", "Tender preparation", &["招标文件正式发布"], &[]),
        stage("bidding", "组织投标", "Bidding", &["中标结果公布"], &["投标报价审批"]),
        stage("negotiation", "谈判签约", "Negotiation & signing", &["合同签订"], &["合同审批"]),
    ]
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

pub fn default_departments() -> Vec<String> {
    strings(&["销售部", "售前解决方案部", "产品研发部", "交付服务部", "商务部", "渠道合作部", "公司管理层"])
}

pub fn default_positions() -> Vec<Position> {
    let p = |name: &str, dept: &str, kpis: &[&str]| Position {
        name: name.into(),
        department: dept.into(),
        kpis: strings(kpis),
    };
    vec![
        p("客户经理", "销售部", &["签约额", "回款额", "赢单率预测准确度"]),
        p("售前顾问", "售前解决方案部", &["方案通过率", "支持商机数"]),
        p("销售总监", "销售部", &["团队签约额", "督导覆盖率"]),
    ]
}

pub fn default_team_roles() -> Vec<String> {
    strings(&["销售负责人", "售前/方案", "技术专家", "交付", "投标专员", "管理层支持", "渠道经理"])
}

/// Seed tactics per strategy; users edit the library in settings.
pub fn default_tactics() -> Vec<TacticDef> {
    use Strategy::*;
    let t = |strategy, text: &str| TacticDef { strategy, text: text.into() };
    vec![
        t(Frontal, "集中展示核心优势,直接对比竞争对手"),
        t(Frontal, "高层拜访,强化决策者信心"),
        t(Flanking, "引入新的评估标准,改变竞争规则"),
        t(Flanking, "聚焦客户未被满足的业务痛点"),
        t(Fragmentation, "拆分标包,争取优势部分"),
        t(Fragmentation, "以试点项目切入"),
        t(Defensive, "巩固现有用户满意度,提高切换成本"),
        t(Defensive, "提前锁定续约与扩容"),
        t(Development, "保持关系,为下一个项目布局"),
        t(Development, "培养内部支持者"),
    ]
}
