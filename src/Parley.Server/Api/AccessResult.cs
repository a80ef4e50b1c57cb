using Parley.Workbench;

namespace Parley.Server.Api;

/// <summary>The outcome of authorising a request: who the caller is in which negotiation, or why not.</summary>
internal sealed record AccessResult(NegotiationEntry? Entry, Audience Audience, string? Invitation, AccessFailure? Failure)
{
    public static AccessResult Fail(int status, string title) => new(null, default, null, new AccessFailure(status, title));
}

/// <summary>Why a request is not authorised: its status code and a message that reveals nothing about other negotiations.</summary>
internal sealed record AccessFailure(int Status, string Title);
