namespace Parley.Remote;

/// <summary>A profile published by a <see cref="ProfileEndpoint"/>: its reference, valid until disposed.</summary>
public sealed class ProfileLease : IDisposable
{
    private Action? _withdraw;

    internal ProfileLease(Uri reference, Action withdraw)
    {
        Reference = reference;
        _withdraw = withdraw;
    }

    /// <summary>The reference to send in Settings (<c>ws://</c>; the same path answers HTTP GET).</summary>
    public Uri Reference { get; }

    /// <inheritdoc />
    public void Dispose() => Interlocked.Exchange(ref _withdraw, null)?.Invoke();
}
