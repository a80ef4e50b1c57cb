namespace Parley.Analysis;

/// <summary>The objectives the bargaining solutions maximise, over utility vectors of acceptable outcomes.</summary>
public static class SolutionObjectives
{
    /// <summary>Nash: Π_i (u_i − r_i).</summary>
    public static double Nash(ReadOnlySpan<double> utilities, ReadOnlySpan<double> reservation)
    {
        var product = 1.0;
        for (var i = 0; i < utilities.Length; i++)
        {
            product *= utilities[i] - reservation[i];
        }

        return product;
    }

    /// <summary>
    /// Kalai–Smorodinsky: min_i (u_i − r_i)/(ideal_i − r_i). A party whose ideal equals its reservation
    /// value (every acceptable outcome gives it exactly that) is left out of the minimum.
    /// </summary>
    public static double KalaiSmorodinsky(ReadOnlySpan<double> utilities, ReadOnlySpan<double> reservation, ReadOnlySpan<double> ideal)
    {
        var min = double.PositiveInfinity;
        for (var i = 0; i < utilities.Length; i++)
        {
            var range = ideal[i] - reservation[i];
            if (range > 0)
            {
                min = Math.Min(min, (utilities[i] - reservation[i]) / range);
            }
        }

        return double.IsPositiveInfinity(min) ? 1 : min;
    }

    /// <summary>Egalitarian: min_i (u_i − r_i).</summary>
    public static double Egalitarian(ReadOnlySpan<double> utilities, ReadOnlySpan<double> reservation)
    {
        var min = double.PositiveInfinity;
        for (var i = 0; i < utilities.Length; i++)
        {
            min = Math.Min(min, utilities[i] - reservation[i]);
        }

        return min;
    }

    /// <summary>Utilitarian (social welfare): Σ_i u_i.</summary>
    public static double Welfare(ReadOnlySpan<double> utilities)
    {
        var sum = 0.0;
        foreach (var u in utilities)
        {
            sum += u;
        }

        return sum;
    }
}
