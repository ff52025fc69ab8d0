using FluentValidation.Results;

namespace PatientExperience.Core.Common;

public static class ValidationExtensions
{
    public static IEnumerable<ValidationError> ToErrors(this ValidationResult result) =>
        result.Errors.Select(e => new ValidationError(e.PropertyName, e.ErrorMessage));

    /// <summary>A phone number people actually type: digits with spaces, dashes, dots, brackets and a leading +.</summary>
    public static IRuleBuilderOptions<T, string?> PhoneNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(p => p is null || IsPhone(p))
            .WithMessage("Enter a phone number using digits, for example 555 010 0123.");

    /// <summary>A number libphonenumber can read as a real phone in the clinic's country (or with its + country code).</summary>
    public static IRuleBuilderOptions<T, string?> PhoneNumber<T>(this IRuleBuilder<T, string?> rule, PhoneFormat phones) =>
        rule.Must(p => p is null || phones.IsValid(p))
            .WithMessage(InvalidPhoneMessage);

    public const string InvalidPhoneMessage = "Enter a phone number we can call, with its area code, for example (555) 010-0123.";

    public static bool IsPhone(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || trimmed.Length > SchemaLimits.PhoneLength)
            return false;
        var digits = 0;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsAsciiDigit(c))
                digits++;
            else if (c == '+' && i == 0)
                continue;
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
                return false;
        }
        return digits >= SchemaLimits.PhoneMinDigits;
    }

    /// <summary>Digits only, so searches match however the number was typed.</summary>
    public static string PhoneDigits(string? value) =>
        value is null ? string.Empty : new string(value.Where(char.IsAsciiDigit).ToArray());
}
