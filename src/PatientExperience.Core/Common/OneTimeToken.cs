using System.Security.Cryptography;
using System.Text;

namespace PatientExperience.Core.Common;

/// <summary>
/// Long random tokens for links that work without a sign-in (waitlist offers, survey invitations).
/// The link carries the token; the database keeps only its SHA-256 hash, so a copy of the database
/// opens no link.
/// </summary>
public static class OneTimeToken
{
    /// <summary>Longest token we bother hashing: anything longer is not ours.</summary>
    public const int MaxLength = 100;

    /// <summary>Length of <see cref="Hash"/> (upper-case hex of 32 bytes).</summary>
    public const int HashLength = 64;

    public static (string Token, string Hash) New()
    {
        // Lower-case hex: the link lives in the URL path, and routes are lower-cased.
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    /// <summary>Length of <see cref="NewShort"/>'s tokens.</summary>
    public const int ShortLength = 16;

    /// <summary>Letters and digits a person cannot mix up (no 0/o, 1/l), lower case: 32 of them, 5 bits each.</summary>
    private const string ShortAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>
    /// A short token for links in texts (two SMS are 134 Chinese characters): 16 characters, 80 random bits. Links that
    /// carry one open for hours or days behind a rate limit, so guessing one is out of reach; hashed like the long ones.
    /// </summary>
    public static (string Token, string Hash) NewShort()
    {
        var token = RandomNumberGenerator.GetString(ShortAlphabet, ShortLength);
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token.ToLowerInvariant())));

    /// <summary>Whether the text could be a token at all (cheap check before a lookup).</summary>
    public static bool LooksValid(string? token) => !string.IsNullOrWhiteSpace(token) && token.Length <= MaxLength;
}
