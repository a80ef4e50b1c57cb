namespace Parley.Mediation;

/// <summary>What a trusted mediator maximises over the packages every party can accept.</summary>
public enum PackageObjective
{
    /// <summary>The Nash product of gains over the floors (reservation values): <c>Π (u_p − r_p)</c>.</summary>
    NashProduct,

    /// <summary>The smallest gain over the floors: <c>min_p (u_p − r_p)</c> (Rawls' maximin); ties go to the larger sum.</summary>
    Maximin,

    /// <summary>The sum of gains over the floors (used for post-settlement improvements).</summary>
    SumOfGains,
}
