//! What the window needs to know about the machine it runs on.

use crate::locale::languages_from_env;

/// The user's languages from the system locale (`LANGUAGE`, `LC_ALL`,
/// `LC_MESSAGES`, `LANG`), as BCP 47 tags, most preferred first. The webview's
/// own `navigator.languages` falls back to English when the locale is not
/// generated on the machine, so the UI asks here first.
#[tauri::command]
#[specta::specta]
pub fn system_languages() -> Vec<String> {
    languages_from_env(|name| std::env::var(name).ok())
}
