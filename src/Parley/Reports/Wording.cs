using System.Globalization;
using System.Numerics;

namespace Parley.Reports;

/// <summary>
/// Counts written the same way in every output: invariant culture, thousands separated by commas
/// from 1,000 on ("3,600 sessions"), and the noun agreeing with the number ("1 issue", "2 issues").
/// </summary>
public static class Wording
{
    /// <summary>"1 issue", "0 issues", "3,600 sessions"; <paramref name="plural"/> defaults to <paramref name="singular"/> + "s".</summary>
    public static string Count(long count, string singular, string? plural = null) =>
        Number(count) + " " + (count == 1 ? singular : plural ?? singular + "s");

    /// <summary>"1 outcome", "559,872 outcomes" for counts beyond 64 bits too.</summary>
    public static string Count(BigInteger count, string singular, string? plural = null) =>
        Number(count) + " " + (count.IsOne ? singular : plural ?? singular + "s");

    /// <summary>A whole number with comma thousands separators, invariant culture: "3,600", "-12".</summary>
    public static string Number(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>An identifier ("mount-hermon", "freedom-of-action") in words: "Mount Hermon", "Freedom of Action"; acronyms restored ("joint-under-us": "Joint under US").</summary>
    public static string Words(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Join(' ', name.Split('-', StringSplitOptions.RemoveEmptyEntries).Select((w, k) => w switch
        {
            "un" or "us" or "eu" or "undof" or "nato" or "idf" or "usa" or "uk" => w.ToUpperInvariant(),
            "and" or "of" or "for" or "the" or "to" or "in" or "on" or "at" or "by" or "or" or "with" or "under" or "except" when k > 0 => w,
            _ => char.ToUpperInvariant(w[0]) + w[1..],
        }));
    }

    /// <summary>A date stated as "yyyy-MM" (or starting so) in words: "January 2026"; any other text as it is.</summary>
    public static string MonthYear(string date) =>
        date is { Length: >= 7 } && DateTime.TryParseExact(date[..7], "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            : date;

    /// <summary>A whole number with comma thousands separators, invariant culture, of any size.</summary>
    public static string Number(BigInteger count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary><see cref="Percent(long, long)"/> for counts beyond 64 bits.</summary>
    public static string Percent(BigInteger part, BigInteger whole)
    {
        if (whole.Sign <= 0)
        {
            return "–";
        }

        if (part == whole)
        {
            return "100%";
        }

        if (part.IsZero)
        {
            return "0%";
        }

        // Scaled to basis points of a hundredth of a percent, exactly: 10^6 · part / whole.
        var scaled = (long)(part * 1_000_000 / whole);
        return Percent(scaled == 0 ? 1 : scaled == 1_000_000 ? 999_999 : scaled, 1_000_000);
    }

    /// <summary>
    /// A share as a percentage that never rounds to a misleading whole: "100%" only when
    /// <paramref name="part"/> equals <paramref name="whole"/>, "0%" only when it is 0; otherwise up
    /// to two decimals, and "&gt;99.99%" or "&lt;0.01%" beyond them (99,999,859 of 100,000,000 is "&gt;99.99%").
    /// </summary>
    public static string Percent(long part, long whole)
    {
        if (whole <= 0)
        {
            return "–";
        }

        if (part == whole)
        {
            return "100%";
        }

        if (part == 0)
        {
            return "0%";
        }

        var p = 100.0 * part / whole;
        if (p >= 99.995)
        {
            return ">99.99%";
        }

        if (p < 0.005)
        {
            return "<0.01%";
        }

        var text = p.ToString(p >= 10 ? "0.#" : "0.##", CultureInfo.InvariantCulture);
        return text + "%";
    }
}
