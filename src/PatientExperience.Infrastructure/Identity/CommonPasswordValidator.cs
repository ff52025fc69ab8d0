using Microsoft.AspNetCore.Identity;

namespace PatientExperience.Infrastructure.Identity;

/// <summary>
/// Refuses passwords that attackers try first: well-known ones, one character repeated, simple runs,
/// and the person's own email. Length alone (12+) lets these through.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const string Code = "CommonPassword";

    // Common choices of 12 characters or more, from public breach lists, lower-cased.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456789123", "111111111111", "000000000000",
        "password1234", "password12345", "password123456", "passwordpassword", "qwertyuiopas", "qwertyuiop12",
        "qwerty123456", "qwertyqwerty", "1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3", "abc123abc123",
        "iloveyou1234", "letmein12345", "welcome12345", "welcome123456", "administrator", "changeme1234",
        "football1234", "baseball1234", "superman1234", "sunshine1234", "princess1234", "monkey123456",
        "dragon123456", "trustno1trustno1", "asdfghjkl123", "asdfasdfasdf", "zxcvbnm12345", "abcdefghijkl",
        "abcd1234abcd", "p@ssw0rd1234", "passw0rd1234", "hospital1234", "patient12345", "doctor123456",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return Task.FromResult(IdentityResult.Success);
        var lowered = password.ToLowerInvariant();
        var weak = Common.Contains(password)
            || password.Distinct().Count() <= 2
            || IsRun(lowered)
            || (user.Email is { Length: > 0 } email && lowered.Contains(email.Split('@')[0].ToLowerInvariant(), StringComparison.Ordinal) && email.Split('@')[0].Length >= 4);
        return Task.FromResult(weak
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = "This password is too easy to guess. Try a short sentence only you would think of." })
            : IdentityResult.Success);
    }

    /// <summary>"123456789012", "abcdefghijkl", "987654321098": each character one step from the last.</summary>
    private static bool IsRun(string password)
    {
        var up = true;
        var down = true;
        for (var i = 1; i < password.Length; i++)
        {
            var step = password[i] - password[i - 1];
            up &= step is 1 or -9;
            down &= step is -1 or 9;
        }
        return up || down;
    }
}
