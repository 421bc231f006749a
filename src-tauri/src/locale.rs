//! System locale → BCP 47 language tags (`zh_CN.UTF-8` → `zh-CN`).

/// Reads the POSIX locale variables in glibc's order of precedence.
pub fn languages_from_env(var: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(list) = var("LANGUAGE").filter(|v| !v.is_empty()) {
        out.extend(list.split(':').filter_map(tag));
    }
    if let Some(locale) = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|n| var(n).filter(|v| !v.is_empty())) {
        out.extend(tag(&locale));
    }
    out.dedup();
    out
}

/// `zh_CN.UTF-8@variant` → `zh-CN`; `C` and `POSIX` carry no language.
fn tag(locale: &str) -> Option<String> {
    let base = locale.split(['.', '@']).next()?.trim();
    if base.is_empty() || base == "C" || base == "POSIX" {
        return None;
    }
    Some(base.replace('_', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(vars: &[(&str, &str)]) -> Vec<String> {
        languages_from_env(|n| vars.iter().find(|(k, _)| *k == n).map(|(_, v)| v.to_string()))
    }

    #[test]
    fn locale_variables_in_precedence_order() {
        assert_eq!(langs(&[("LANG", "zh_CN.UTF-8")]), ["zh-CN"]);
        assert_eq!(langs(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_TW.UTF-8")]), ["zh-TW"]);
        assert_eq!(langs(&[("LANGUAGE", "zh_CN:en"), ("LANG", "en_US.UTF-8")]), ["zh-CN", "en", "en-US"]);
        assert_eq!(langs(&[("LANG", "C.UTF-8")]), Vec::<String>::new());
        assert_eq!(langs(&[("LANGUAGE", ""), ("LANG", "de_DE@euro")]), ["de-DE"]);
        assert!(langs(&[]).is_empty());
    }
}
