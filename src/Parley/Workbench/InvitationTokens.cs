using System.Security.Cryptography;
using System.Text;

namespace Parley.Workbench;

/// <summary>Invitation tokens: 256 random bits, URL-safe; stored only as their SHA-256.</summary>
/// <remarks>
/// A token is unguessable (2^256), so a hash without salt suffices: there is no dictionary to
/// attack. Comparison of hashes is by the store's index; the hash of a guess reveals nothing.
/// </remarks>
public static class InvitationTokens
{
    /// <summary>Draws a new token from <paramref name="random"/> (a cryptographic generator).</summary>
    public static string Create(RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[32];
        random.GetBytes(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Draws a short, non-secret id (for invitations and cases) from <paramref name="random"/>.</summary>
    public static string CreateId(RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[9];
        random.GetBytes(bytes);
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The hash stored for <paramref name="token"/> (lower-case hex SHA-256 of its UTF-8 bytes).</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
