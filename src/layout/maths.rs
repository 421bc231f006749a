//! The few transcendental functions the layouts need — logarithm,
//! exponential, sine and cosine — computed with the four basic operations
//! alone. IEEE 754 makes those exact on every machine, while each
//! platform's maths library may round `f64::ln` and the like differently
//! in the last bit; a layout comparing such numbers (an aspect ratio, the
//! annealing's acceptance) could then draw the same workspace differently
//! on a colleague's Windows laptop and on a Mac. Accurate to about 1e-15
//! (relative), which the tests check against the standard library.

/// ln 2 in two parts (fdlibm's, by their bits): `k * LN2_HI` is exact for
/// |k| < 2^11.
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
/// π/2 in two parts (fdlibm's): `n * PIO2_HI` is exact for |n| < 2^20.
const PIO2_HI: f64 = f64::from_bits(0x3ff9_21fb_5440_0000);
const PIO2_LO: f64 = f64::from_bits(0x3dd0_b461_1a62_6331);

/// 2^k for −1022 ≤ k ≤ 1023, from its bits.
fn two_to(k: i64) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// Natural logarithm (0 → −∞, a negative number or NaN → NaN, +∞ → +∞).
pub fn ln(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return x;
    }
    // x = m · 2^e with √½ ≤ m < √2 (a subnormal x scaled up first).
    let (x, mut e) = if x < f64::MIN_POSITIVE { (x * two_to(54), -54i64) } else { (x, 0) };
    let bits = x.to_bits();
    e += ((bits >> 52) & 0x7ff) as i64 - 1023;
    let mut m = f64::from_bits((bits & ((1u64 << 52) - 1)) | (1023u64 << 52));
    if m > std::f64::consts::SQRT_2 {
        m /= 2.0;
        e += 1;
    }
    // ln m = 2·atanh(s) = 2(s + s³/3 + s⁵/5 + …), s = (m − 1)/(m + 1), |s| < 0.172.
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let mut sum = 0.0;
    for k in (1..=25).rev().step_by(2) {
        sum = sum * s2 + 1.0 / f64::from(k);
    }
    let e = e as f64;
    e * LN2_HI + (2.0 * s * sum + e * LN2_LO)
}

/// e^x (overflows to +∞ above about 709.78, 0 below about −745).
pub fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > 709.782_712_893_384 {
        return f64::INFINITY;
    }
    if x < -745.2 {
        return 0.0;
    }
    // x = k·ln 2 + r with |r| ≤ ½ ln 2; e^r by its Taylor series.
    let k = (x / std::f64::consts::LN_2).round();
    let r = (x - k * LN2_HI) - k * LN2_LO;
    let mut sum = 1.0;
    for n in (1..=20).rev() {
        sum = 1.0 + sum * r / f64::from(n);
    }
    let k = k as i64;
    if k < -1022 {
        sum * two_to(k + 54) * two_to(-54)
    } else if k > 1023 {
        sum * two_to(k - 1) * 2.0
    } else {
        sum * two_to(k)
    }
}

/// (sin t, cos t), for |t| up to about a million (beyond that the
/// reduction by π/2 loses digits).
pub fn sin_cos(t: f64) -> (f64, f64) {
    // t = n·π/2 + r with |r| ≤ π/4; then the quadrant n picks the signs.
    let n = (t / std::f64::consts::FRAC_PI_2).round();
    let r = (t - n * PIO2_HI) - n * PIO2_LO;
    let r2 = r * r;
    let (mut s, mut c) = (0.0, 0.0);
    // sin r = r(1 − r²/3! + r⁴/5! − …), cos r = 1 − r²/2! + r⁴/4! − …
    for k in (1..=12).rev() {
        let k = f64::from(k);
        s = 1.0 - s * r2 / ((2.0 * k) * (2.0 * k + 1.0));
        c = 1.0 - c * r2 / ((2.0 * k - 1.0) * (2.0 * k));
    }
    let (s, c) = (r * s, c);
    match (n as i64).rem_euclid(4) {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(ours: f64, std: f64, what: &str) {
        assert!((ours - std).abs() <= 4e-16 * std.abs().max(1.0), "{what}: std {std:e}, ours {ours:e}");
    }

    /// Numbers over many orders of magnitude, both signs, some awkward ones.
    fn samples() -> Vec<f64> {
        use std::f64::consts::{FRAC_1_SQRT_2, SQRT_2};
        let mut out = vec![0.5, 1.0, 2.0, 2.4, 1.5, SQRT_2, FRAC_1_SQRT_2, SQRT_2 * 0.999_999, SQRT_2 * 1.000_001];
        let mut x = 1e-12;
        while x < 1e12 {
            out.push(x);
            x *= 1.37;
        }
        out
    }

    #[test]
    fn ln_is_the_standard_logarithm() {
        assert_eq!(ln(1.0), 0.0);
        assert_eq!(ln(0.0), f64::NEG_INFINITY);
        assert!(ln(-1.0).is_nan());
        for x in samples().into_iter().chain([1e-310, 5e-324, 1.7e308]) {
            close(ln(x), x.ln(), &format!("ln {x:e}"));
        }
        for k in [1u32, 3, 1000, 1 << 19, 700_001, (1 << 20) - 1] {
            let x = f64::from(k) / f64::from(1u32 << 20);
            close(ln(x), x.ln(), &format!("ln {x}"));
        }
    }

    #[test]
    fn exp_is_the_standard_exponential() {
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(exp(800.0), f64::INFINITY);
        assert_eq!(exp(-800.0), 0.0);
        for x in samples().into_iter().filter(|x| *x < 700.0).flat_map(|x| [x, -x]).chain([-708.0, 709.0, -740.0]) {
            let std = x.exp();
            // Below 2^-1022 the result has fewer digits: compare absolutely.
            if std < f64::MIN_POSITIVE {
                assert!((exp(x) - std).abs() <= 1e-320, "exp {x}: std {std:e}, ours {:e}", exp(x));
            } else {
                assert!((exp(x) - std).abs() <= 4e-16 * std, "exp {x}: std {std:e}, ours {:e}", exp(x));
            }
        }
    }

    #[test]
    fn sin_cos_are_the_standard_ones() {
        for k in -2000..2000 {
            let t = f64::from(k) * 0.173;
            let (s, c) = sin_cos(t);
            assert!((s - t.sin()).abs() <= 1e-15, "sin {t}: {} against {s}", t.sin());
            assert!((c - t.cos()).abs() <= 1e-15, "cos {t}: {} against {c}", t.cos());
        }
        // The spring drawing's spiral: k times the golden angle.
        for k in 0..500 {
            let t = f64::from(k) * 2.399_963_229_728_653;
            let (s, c) = sin_cos(t);
            assert!((s - t.sin()).abs() <= 1e-15 && (c - t.cos()).abs() <= 1e-15, "spiral step {k}");
        }
    }
}
