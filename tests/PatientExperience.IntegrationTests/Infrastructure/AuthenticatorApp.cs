using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace PatientExperience.IntegrationTests.Infrastructure;

/// <summary>
/// What the phone app does, written from RFC 6238 for the tests (independent of the portal's own code):
/// HMAC-SHA1 over the 30-second step count, dynamic truncation, 6 digits.
/// </summary>
public static class AuthenticatorApp
{
    public static string CodeAt(string base32Key, DateTimeOffset moment) =>
        CodeAt(FromBase32(base32Key), moment.ToUnixTimeSeconds() / 30, 6);

    public static string CodeAt(byte[] secret, long step, int digits)
    {
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 uses HMAC-SHA1.
        using var hmac = new HMACSHA1(secret);
#pragma warning restore CA5350
        var hash = hmac.ComputeHash(counter);
        var offset = hash[19] & 0xf;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % (int)Math.Pow(10, digits)).ToString(new string('0', digits), CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, ignoring spaces and case as apps do when a key is typed.</summary>
    public static byte[] FromBase32(string text)
    {
        var clean = text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant().TrimEnd('=');
        var bits = string.Concat(clean.Select(c => Convert.ToString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2))];
    }
}
