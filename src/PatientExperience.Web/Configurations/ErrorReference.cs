using System.Security.Cryptography;

namespace PatientExperience.Web.Configurations;

/// <summary>
/// The short reference an error page shows ("K7QM-2PXA"): eight characters a worried person can read out on the phone,
/// written to the log with the failure so staff can find it. No 0/O, 1/I/L: nothing to confuse when spoken or copied.
/// </summary>
public static class ErrorReference
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New()
    {
        Span<char> chars = stackalloc char[9];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = i == 4 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }
}
