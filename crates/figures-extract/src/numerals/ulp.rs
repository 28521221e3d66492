//! The unit of the last significant digit (250 → 10, 1.9 → 0.1): how finely a number is written,
//! which sizes the bounds a qualifier implies (250余 is below 260). Pure arithmetic on one value.

use rust_decimal::Decimal;

/// One unit of the last significant (non-zero) digit of `v`: 250 → 10, 500 → 100, 1.9 → 0.1.
/// Zero has no significant digit; its unit is 1.
pub fn last_significant_unit(v: Decimal) -> Decimal {
    let v = v.abs().normalize();
    if v.is_zero() {
        return Decimal::ONE;
    }
    if v.scale() > 0 {
        return Decimal::new(1, v.scale());
    }
    // An integer: count its trailing zeros on the mantissa, which is far cheaper than decimal division.
    Decimal::from_i128_with_scale(10i128.pow(trailing_zeros(v.mantissa().unsigned_abs())), 0)
}

/// How many decimal zeros end `n`, which is not zero. Most mantissas fit 64 bits, where division by
/// ten is a multiplication rather than a 128-bit library call.
fn trailing_zeros(n: u128) -> u32 {
    let mut zeros = 0;
    if let Ok(mut m) = u64::try_from(n) {
        while m.is_multiple_of(10) {
            m /= 10;
            zeros += 1;
        }
        return zeros;
    }
    let mut m = n;
    while m.is_multiple_of(10) {
        m /= 10;
        zeros += 1;
    }
    zeros
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numerals::exact_string;

    #[test]
    fn last_significant_unit_follows_the_last_non_zero_digit() {
        let u = |s: &str| exact_string(last_significant_unit(s.parse().unwrap()));
        assert_eq!(u("250"), "10");
        assert_eq!(u("500"), "100");
        assert_eq!(u("1.9"), "0.1");
        assert_eq!(u("60"), "10");
        assert_eq!(u("7"), "1");
        assert_eq!(u("-5000"), "1000");
        assert_eq!(u("70000000000000000000000000000"), "10000000000000000000000000000");
    }
}
