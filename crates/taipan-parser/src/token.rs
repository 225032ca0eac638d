//! Token kinds and the token value the tokenizer hands to the parser.
//!
//! The kinds and their numbers follow CPython 3.11's `Grammar/Tokens` (as `Lib/token.py`
//! lists them), so a token stream can be compared number for number with CPython's C
//! tokenizer (`_tokenize.TokenizerIter`). Keywords are classified by the tokenizer into kinds
//! of their own (numbered from 100, outside CPython's range), as pegen's keyword tokens are;
//! soft keywords (`match`, `case`, `_`) stay `Name`. Comments, blank lines (`NL`) and type
//! comments are not tokens here, as they are not for CPython's parser.

/// The kind of a token. The numbers of the non-keyword kinds are CPython's `token` numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum TokKind {
    EndMarker = 0,
    Name = 1,
    Number = 2,
    /// Any string literal, f-strings included (3.11 tokenizes them as plain strings; the
    /// parser parses their insides).
    String = 3,
    Newline = 4,
    Indent = 5,
    Dedent = 6,
    Lpar = 7,
    Rpar = 8,
    Lsqb = 9,
    Rsqb = 10,
    Colon = 11,
    Comma = 12,
    Semi = 13,
    Plus = 14,
    Minus = 15,
    Star = 16,
    Slash = 17,
    Vbar = 18,
    Amper = 19,
    Less = 20,
    Greater = 21,
    Equal = 22,
    Dot = 23,
    Percent = 24,
    Lbrace = 25,
    Rbrace = 26,
    EqEqual = 27,
    NotEqual = 28,
    LessEqual = 29,
    GreaterEqual = 30,
    Tilde = 31,
    Circumflex = 32,
    LeftShift = 33,
    RightShift = 34,
    DoubleStar = 35,
    PlusEqual = 36,
    MinEqual = 37,
    StarEqual = 38,
    SlashEqual = 39,
    PercentEqual = 40,
    AmperEqual = 41,
    VbarEqual = 42,
    CircumflexEqual = 43,
    LeftShiftEqual = 44,
    RightShiftEqual = 45,
    DoubleStarEqual = 46,
    DoubleSlash = 47,
    DoubleSlashEqual = 48,
    At = 49,
    AtEqual = 50,
    Rarrow = 51,
    Ellipsis = 52,
    ColonEqual = 53,
    /// `!`: not an operator in 3.11's grammar, but the tokenizer produces it (as `OP`).
    Exclamation = 54,

    // Keywords (Python 3.11 `keyword.kwlist`).
    False = 100,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

impl TokKind {
    /// The keyword kind for an identifier, if it is one of Python 3.11's hard keywords.
    pub fn keyword(name: &str) -> Option<TokKind> {
        use TokKind::*;
        Some(match name {
            "False" => False,
            "None" => None,
            "True" => True,
            "and" => And,
            "as" => As,
            "assert" => Assert,
            "async" => Async,
            "await" => Await,
            "break" => Break,
            "class" => Class,
            "continue" => Continue,
            "def" => Def,
            "del" => Del,
            "elif" => Elif,
            "else" => Else,
            "except" => Except,
            "finally" => Finally,
            "for" => For,
            "from" => From,
            "global" => Global,
            "if" => If,
            "import" => Import,
            "in" => In,
            "is" => Is,
            "lambda" => Lambda,
            "nonlocal" => Nonlocal,
            "not" => Not,
            "or" => Or,
            "pass" => Pass,
            "raise" => Raise,
            "return" => Return,
            "try" => Try,
            "while" => While,
            "with" => With,
            "yield" => Yield,
            _ => return Option::None,
        })
    }

    pub fn is_keyword(self) -> bool {
        self as u8 >= TokKind::False as u8
    }

    /// The generic token number, as `Lib/tokenize.py` reports it: keywords are `NAME`,
    /// operators `OP` (54). (CPython's C tokenizer, `_tokenize.TokenizerIter`, gives each
    /// operator its exact number, which is `self as u8` for the non-keyword kinds.)
    pub fn cpython_type(self) -> u8 {
        match self as u8 {
            n if n >= TokKind::False as u8 => TokKind::Name as u8,
            n if n >= TokKind::Lpar as u8 => 54,
            n => n,
        }
    }
}

/// One token. Positions are byte offsets into the (UTF-8) source the tokenizer was given, and
/// 1-based lines with 0-based columns counted in UTF-8 bytes, as CPython's tokens carry them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokKind,
    /// Byte range of the token's text in the source (`&src[start..end]`).
    pub start: u32,
    pub end: u32,
    pub lineno: u32,
    pub col_offset: u32,
    pub end_lineno: u32,
    pub end_col_offset: u32,
}
