//! The closed vocabularies of TAS+ (tas-plus.md §2–3). Each is stored and
//! exchanged as its snake_case English key; the UI shows the zh-CN/en labels.
//! Unknown keys are refused by serde, never silently mapped.

use serde::{Deserialize, Serialize};

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $key:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        pub enum $name {
            $(#[serde(rename = $key)] $variant),+
        }

        impl $name {
            /// Every value, in the order the spec lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The snake_case key used in the workspace file and the database.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// Parses a key as stored in the database or typed on the CLI.
            pub fn from_key(key: &str) -> Option<Self> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.key())
            }
        }
    };
}

vocabulary! {
    /// 行为取向 — behaviour orientation, an account-level dimension.
    Orientation {
        Professional = "professional",
        Pragmatic = "pragmatic",
        ProfessionalPragmatic = "professional_pragmatic",
        PragmaticProfessional = "pragmatic_professional",
        Balanced = "balanced",
        Unknown = "unknown",
    }
}

vocabulary! {
    /// 关系状况 — attitude to us, overall (account) and per deal.
    Attitude {
        StrongPositive = "strong_positive",
        Positive = "positive",
        Neutral = "neutral",
        Negative = "negative",
        StrongNegative = "strong_negative",
        Unknown = "unknown",
    }
}

vocabulary! {
    /// Influence level of a person in the political map.
    Influence { High = "high", Medium = "medium", Low = "low", Unknown = "unknown" }
}

vocabulary! {
    /// 决策角色 — decision role on one deal.
    Role {
        Approver = "approver",
        DecisionMaker = "decision_maker",
        Evaluator = "evaluator",
        User = "user",
        Unknown = "unknown",
    }
}

vocabulary! {
    /// 交互程度 — interaction level; always derived from done activities (§3.8), never typed in.
    Interaction { None = "none", Occasional = "occasional", Frequent = "frequent", Deep = "deep" }
}

vocabulary! {
    /// Kind of activity (§3.8).
    ActivityType {
        Visit = "visit",
        Meeting = "meeting",
        Call = "call",
        Demo = "demo",
        TechExchange = "tech_exchange",
        SiteVisit = "site_visit",
        Dinner = "dinner",
        Email = "email",
        Other = "other",
    }
}

vocabulary! {
    /// Whether an activity happened or is planned.
    ActivityStatus { Done = "done", Planned = "planned" }
}

vocabulary! {
    /// Deal status: open, or one of the three closed outcomes (§2.1).
    DealStatus { Open = "open", Won = "won", Lost = "lost", Abandoned = "abandoned" }
}

vocabulary! {
    /// 商机分级 — opportunity grade (§2.2).
    Grade { A = "A", B = "B", C = "C", D = "D", E = "E" }
}

vocabulary! {
    /// The process a grade calls for (§2.2, the grading table's last column):
    /// full TAS+ (A, B), the fast track (C, D), partner registration (E).
    Process { Full = "full", FastTrack = "fast_track", PartnerRegistration = "partner_registration" }
}

vocabulary! {
    /// Status of a partner registration (合作伙伴报备).
    RegistrationStatus { Pending = "pending", Approved = "approved", Expired = "expired", Rejected = "rejected" }
}

vocabulary! {
    /// Sales mode of a deal (§2.4).
    SalesMode { Direct = "direct", Channel = "channel", PartnerLed = "partner_led" }
}

vocabulary! {
    /// Kind of compelling event (§3.1).
    CompellingKind { Budget = "budget", Deadline = "deadline", Regulation = "regulation", Other = "other" }
}

vocabulary! {
    /// The five TAS competitive strategies (§3.6).
    Strategy {
        Frontal = "frontal",
        Flanking = "flanking",
        Fragmentation = "fragmentation",
        Defensive = "defensive",
        Development = "development",
    }
}

vocabulary! {
    /// Per-person relationship strategy (§3.6).
    RelationshipStrategy {
        Suppress = "suppress",
        Defend = "defend",
        Motivate = "motivate",
        Attack = "attack",
        Balance = "balance",
    }
}

vocabulary! {
    /// Aspect of the value-proposition comparison (§3.7).
    Aspect { Solution = "solution", Relationship = "relationship", Strength = "strength" }
}

vocabulary! {
    /// Status of a resource request (§2.3).
    RequestStatus { Requested = "requested", Approved = "approved", Declined = "declined", Done = "done" }
}
