namespace Parley.Workbench;

/// <summary>
/// What an audience asks a mediation case to do. <see cref="MediationCase.Decide"/> answers with the
/// events it causes, or a refusal that changes nothing. The kinds are in <c>CaseCommands.cs</c>.
/// </summary>
public abstract record CaseCommand;
