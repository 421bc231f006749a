//! Text for a terminal. Names, titles and notes are whatever a file or a
//! user put in them; printed as they are, a newline or tab forges a row and
//! an escape sequence retitles or clears the terminal. Plain-text output
//! shows them escaped instead (`\n`, `\t`, `\u{1b}`); JSON output stays exact.

use std::fmt::{self, Display, Write};

/// Anything displayed with its control characters (C0, DEL, C1) and the
/// invisible direction overrides escaped, the way Rust writes them:
/// `Plain(&person.name)`, `Plain(path.display())`.
#[derive(Debug, Clone, Copy)]
pub struct Plain<T>(pub T);

impl<T: Display> Display for Plain<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(Escaping(f), "{}", self.0)
    }
}

/// Passes text on to `0`, escaping what [`is_active`].
struct Escaping<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl Write for Escaping<'_, '_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        for c in text.chars() {
            if is_active(c) {
                write!(self.0, "{}", c.escape_debug())?;
            } else {
                self.0.write_char(c)?;
            }
        }
        Ok(())
    }
}

/// A character a terminal acts on, or that reorders what is shown around it.
fn is_active(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::Plain;

    #[test]
    fn control_characters_are_shown_escaped() {
        let cases = [
            ("王建国", "王建国"),
            ("a\tb\nc\rd", r"a\tb\nc\rd"),
            ("\u{1b}]0;pwned\u{7}", r"\u{1b}]0;pwned\u{7}"),
            ("\u{9b}31m\u{7f}", r"\u{9b}31m\u{7f}"),
            ("abc\u{202e}fed", r"abc\u{202e}fed"),
            ("quotes \" and \\ stay", "quotes \" and \\ stay"),
        ];
        for (text, shown) in cases {
            assert_eq!(Plain(text).to_string(), shown, "{text:?}");
        }
        assert_eq!(Plain(std::path::Path::new("/tmp/a\nb.db").display()).to_string(), r"/tmp/a\nb.db");
    }
}
