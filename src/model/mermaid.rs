//! Mermaid `journey` diagrams in and out: the most used open text syntax for journeys.
//!
//! ```text
//! journey
//!     title My working day
//!     section Go to work
//!       Make tea: 5: Me
//!       Do work: 1: Me, Cat
//! ```
//!
//! A `section` is a stage, a task (`Name: score: Actor, Actor`) a touchpoint in the
//! touchpoint lane, its score (1..5) the touchpoint's emotion + 3, its actors stakeholders
//! by name. Everything else a map holds (quotes, channels, pains, other lanes, …) has no
//! place in the syntax: [`export`] leaves it out and lists what it left out.
//!
//! The rules follow Mermaid's own grammar (`user-journey/parser/journey.jison`, the
//! preprocessing of front matter, directives and `%%` comments, and `encodeEntities`):
//!
//! - `:` ends a task's name and `;` and `#` end any text (`#` starts a comment, a bare
//!   `;` is an error), so [`export`] writes them as Mermaid's entity codes (`#58;`, `#59;`,
//!   `#35;`, which Mermaid shows as the character) and [`import`] reads entity codes back.
//! - The lexer is case-insensitive and takes the first rule that matches, so a task whose
//!   name starts with `journey`, `title `, `section `, `accTitle:` or `accDescr:`/`{` is
//!   read as that keyword: export writes the first letter as an entity code, import
//!   reports the line as Mermaid would fail it.
//! - Tasks before the first `section` are accepted (Mermaid draws them without a section
//!   box); import puts them in a stage named [`UNNAMED_STAGE`].
//! - A `section` repeated right after itself is drawn as one box, so import merges it; a
//!   name that comes back later is a stage of its own, as Mermaid draws it.
//! - Mermaid accepts any number as a score; import is stricter and refuses what the
//!   syntax's documentation rules out (a score that is not a whole number from 1 to 5),
//!   with the line and the reason, and changes nothing.

mod export;
mod import;
#[cfg(test)]
mod tests;

pub use export::{export, Actors, Export};
pub use import::{import, ImportError, Imported};

/// The name of the stage that holds tasks written before any `section`, and of a stage
/// without a name when it is exported.
pub const UNNAMED_STAGE: &str = "Untitled stage";

/// The name written for a touchpoint without text.
pub const UNNAMED_TASK: &str = "Untitled touchpoint";

/// The title of an imported diagram that has none.
pub const DEFAULT_TITLE: &str = "Imported journey";

/// Where a text goes in the diagram: what must be escaped differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Context {
    /// The diagram's title: one line; `#` and `;` end it.
    Line,
    /// A section's name: also ends at `:`.
    Section,
    /// A task name: also ends at `:`, and must not start with a keyword.
    Task,
    /// An actor: also ends at `:` and `,`.
    Actor,
    /// The inside of an `accDescr { … }` block: may span lines, ends at `}`.
    Block,
}

/// `text` after `keyword` if it starts with it, ignoring ASCII case (Mermaid's lexer is
/// case-insensitive).
fn strip_keyword<'a>(text: &'a str, keyword: &str) -> Option<&'a str> {
    text.get(..keyword.len())
        .filter(|p| p.eq_ignore_ascii_case(keyword))
        .map(|_| &text[keyword.len()..])
}

/// Whether Mermaid's lexer, which matches keywords before task names, would read a task
/// named `text` as a keyword.
fn starts_with_keyword(text: &str) -> bool {
    let after_ws = |kw: &str| {
        strip_keyword(text, kw).is_some_and(|rest| rest.starts_with(char::is_whitespace))
    };
    // A task's name is followed by its own `:`, so a bare `accTitle` is a keyword too.
    let then = |kw: &str, c: char| {
        strip_keyword(text, kw).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.is_empty() || rest.starts_with(c)
        })
    };
    strip_keyword(text, "journey").is_some()
        || after_ws("title")
        || after_ws("section")
        || then("acctitle", ':')
        || then("accdescr", ':')
        || then("accdescr", '{')
}

/// `text` as Mermaid can hold it in `context`: line breaks and runs of white space become
/// one space (except in a block), the characters that would end the text become entity
/// codes. Returns the text and whether line breaks were folded.
fn escape(text: &str, context: Context) -> (String, bool) {
    let folded: String;
    let mut had_breaks = false;
    let source = if context == Context::Block {
        text.trim()
    } else {
        had_breaks = text.contains(['\n', '\r']);
        folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
        folded.as_str()
    };
    let mut out = String::with_capacity(source.len());
    let chars: Vec<char> = source.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let code = match c {
            '#' | ';' => true,
            ':' => matches!(context, Context::Section | Context::Task | Context::Actor),
            ',' => context == Context::Actor,
            '}' => context == Context::Block,
            // `%%` starts a comment or a directive.
            '%' => chars.get(i + 1) == Some(&'%'),
            _ => false,
        };
        if code || (i == 0 && context == Context::Task && starts_with_keyword(source)) {
            out.push_str(&format!("#{};", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    (out, had_breaks)
}

/// Named entity codes Mermaid users write (`#quot;`), as the HTML entities they become.
const NAMED: &[(&str, char)] = &[
    ("quot", '"'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("colon", ':'),
    ("semi", ';'),
    ("num", '#'),
    ("comma", ','),
    ("percnt", '%'),
    ("lbrace", '{'),
    ("rbrace", '}'),
    ("hearts", '♥'),
];

/// Reads Mermaid's entity codes (`#58;`, decimal; `#quot;`) back into characters;
/// unknown ones stay as written.
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let word_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let word = &after[..word_len];
        let decoded = (word_len > 0 && after[word_len..].starts_with(';'))
            .then(|| {
                if word.bytes().all(|b| b.is_ascii_digit()) {
                    word.parse::<u32>().ok().and_then(char::from_u32)
                } else {
                    NAMED.iter().find(|(n, _)| *n == word).map(|(_, c)| *c)
                }
            })
            .flatten();
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[word_len + 1..];
            }
            None => {
                out.push('#');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The length of the entity code (`#word;`) starting at byte `at` of `line`, if one does:
/// Mermaid replaces those before its lexer sees their `#` and `;`.
fn is_entity_at(line: &str, at: usize) -> Option<usize> {
    let after = line.get(at + 1..)?;
    let word_len = after
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(after.len());
    (word_len > 0 && after[word_len..].starts_with(';')).then_some(word_len + 2)
}
