namespace Parley.Agents;

/// <summary>Factories for Parley's built-in agents (each call returns a fresh agent for one session).</summary>
/// <remarks>The sources of each strategy are documented on the parts they are built from and in docs/agents.md.</remarks>
public static class BuiltInAgents
{
    /// <summary>The Boulware exponent used by <see cref="Boulware"/>.</summary>
    public const double BoulwareE = 0.2;

    /// <summary>The Conceder exponent used by <see cref="Conceder"/>.</summary>
    public const double ConcederE = 2;

    /// <summary>Time-dependent concession with exponent <paramref name="e"/> (Faratin et al. 1998) and AC_next.</summary>
    public static BoaAgent TimeDependent(double e) => new(new TimeDependentBidding(e), new AcNext());

    /// <summary>Boulware: time-dependent with e = 0.2 (concedes late).</summary>
    public static BoaAgent Boulware() => TimeDependent(BoulwareE);

    /// <summary>Linear: time-dependent with e = 1.</summary>
    public static BoaAgent Linear() => TimeDependent(1);

    /// <summary>Conceder: time-dependent with e = 2 (concedes early).</summary>
    public static BoaAgent Conceder() => TimeDependent(ConcederE);

    /// <summary>Hardliner: always offers its best outcome and accepts nothing worse (time-dependent with e = 0).</summary>
    public static BoaAgent Hardliner() => TimeDependent(0);

    /// <summary>Random: offers a random outcome above its reservation value; accepts by AC_next.</summary>
    public static BoaAgent Random() => new(new RandomBidding(), new AcNext());

    /// <summary>Naive tit-for-tat (Baarslag et al. 2013) with AC_next.</summary>
    public static BoaAgent TitForTat() => new(new TitForTatBidding(), new AcNext());

    /// <summary>MiCRO (de Jonge 2022).</summary>
    public static MicroAgent Micro() => new();

    /// <summary>HardHeaded-style: Boulware target, frequency opponent model to choose among equal offers, AC_next.</summary>
    public static BoaAgent HardHeaded() => new(new HardHeadedBidding(), new AcNext(), new FrequencyOpponentModel());
}
