//! 密码策略 (password policy), checked on the server for every new or changed password.

use serde::{Deserialize, Serialize};

pub const MIN_LEN: usize = 12;
pub const MAX_LEN: usize = 128;

/// One reason a password is refused; the UI words it in the reader's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    /// Fewer than three of: lower case, upper case, digits, other characters.
    TooFewKinds,
    ContainsUsername,
    /// One of the passwords every attacker tries first.
    Common,
}

/// Passwords tried first by every guessing attack (a short list; length and variety do the rest).
const COMMON: &[&str] = &[
    "password", "123456", "qwerty", "admin", "yingji", "abc123", "111111", "iloveyou",
];

/// Every problem with `password` for the account `username`; empty when it may be used.
pub fn check_password(password: &str, username: &str) -> Vec<PasswordProblem> {
    let mut problems = Vec::new();
    let chars = password.chars().count();
    if chars < MIN_LEN {
        problems.push(PasswordProblem::TooShort);
    }
    if chars > MAX_LEN {
        problems.push(PasswordProblem::TooLong);
    }
    let kinds = [
        password.chars().any(|c| c.is_lowercase()),
        password.chars().any(|c| c.is_uppercase()),
        password.chars().any(|c| c.is_ascii_digit()),
        password.chars().any(|c| !c.is_alphanumeric()),
    ];
    if kinds.iter().filter(|k| **k).count() < 3 {
        problems.push(PasswordProblem::TooFewKinds);
    }
    let lower = password.to_lowercase();
    let user = username.trim().to_lowercase();
    if user.chars().count() >= 3 && lower.contains(&user) {
        problems.push(PasswordProblem::ContainsUsername);
    }
    if COMMON.iter().any(|c| lower.contains(c)) {
        problems.push(PasswordProblem::Common);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::PasswordProblem::*;
    use super::*;

    #[test]
    fn strong_passwords_pass() {
        assert_eq!(check_password("Taiyuan-Duty-2026", "zhang.wei"), vec![]);
        assert_eq!(check_password("值班室Shift#0800", "li"), vec![]);
    }

    #[test]
    fn each_weakness_is_named() {
        assert_eq!(check_password("Ab1!", "x"), vec![TooShort]);
        assert_eq!(
            check_password("alllowercaseletters", "x"),
            vec![TooFewKinds]
        );
        assert_eq!(
            check_password("Zhang.Wei.2026!", "zhang.wei"),
            vec![ContainsUsername]
        );
        assert_eq!(check_password("MyPassword#2026", "x"), vec![Common]);
        assert!(check_password(&"Aa1!".repeat(40), "x").contains(&TooLong));
    }
}
