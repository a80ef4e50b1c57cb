namespace Parley.Protocols;

/// <summary>Structured content of an action or event beyond an outcome and a small integer.</summary>
/// <remarks>The subclasses are closed: <see cref="VetoDetail"/>, <see cref="MopacVotesDetail"/>, and the event details (<see cref="FailureDetail"/>, <see cref="TextDetail"/>, <see cref="TallyDetail"/>, <see cref="AgreementDetail"/>, <see cref="PhaseDetail"/>).</remarks>
public abstract record ActionDetail;
