//! Bounds: the interval a qualifier implies for a value, sized by the unit of its last
//! significant digit (250余 is below 260, 约1.9 within 0.05). Arithmetic only: which qualifier
//! applies is [`super::qualifier`]'s to say.

use rust_decimal::Decimal;

use crate::records::Qualifier;

/// The bounds a qualifier implies for `value`, whose last significant digit has unit `ulp`.
pub fn bounds(q: Qualifier, value: Decimal, ulp: Decimal) -> (Option<Decimal>, Option<Decimal>) {
    match q {
        Qualifier::MoreThan | Qualifier::AtLeast => (Some(value), None),
        // 近百亿: one unit below 100亿 is 0, which says nothing; take a tenth of it instead.
        Qualifier::Nearly if value == ulp => (Some(value - ulp / Decimal::TEN), Some(value)),
        Qualifier::Nearly => (Some(value - ulp), Some(value)),
        Qualifier::About => (Some(value - ulp / Decimal::TWO), Some(value + ulp / Decimal::TWO)),
        Qualifier::LessThan | Qualifier::AtMost => (None, Some(value)),
        Qualifier::Range | Qualifier::Several => (Some(value), Some(value)),
    }
}
