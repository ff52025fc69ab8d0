using PatientExperience.Core.Common;

namespace PatientExperience.Core.Patients;

/// <summary>
/// A person the clinic cares for. A login is optional: the front desk can register a caller
/// who has never used the portal, and the record is linked when they sign up.
/// </summary>
public class Patient : AuditableEntity
{
    private Patient() { }

    public Patient(string firstName, string lastName, DateOnly dateOfBirth, string phone, string? email, string preferredLanguage)
    {
        UpdateDetails(firstName, lastName, dateOfBirth, phone, email, preferredLanguage);
        ContactByEmail = Email is not null;
        ContactByPhone = true;
    }

    /// <summary>What staff read back on the phone, e.g. P-000123. Given from the id right after the first save.</summary>
    public string? ReferenceNumber { get; private set; }
    public string FirstName { get; private set; } = string.Empty;
    public string LastName { get; private set; } = string.Empty;
    public DateOnly DateOfBirth { get; private set; }
    public string Phone { get; private set; } = string.Empty;
    /// <summary>Digits only, so a search by phone matches however it was typed.</summary>
    public string PhoneDigits { get; private set; } = string.Empty;
    public string? Email { get; private set; }
    public string PreferredLanguage { get; private set; } = SupportedLanguages.Default;
    /// <summary>
    /// May we send optional email (a survey after a visit)? Messages a patient needs (confirmations, changes, reminders,
    /// waitlist offers, replies to their complaint) go to <see cref="Email"/> whenever there is one.
    /// </summary>
    public bool ContactByEmail { get; private set; }

    /// <summary>
    /// Not used: text messages are not sent yet, so the choice is not offered (kept, false, for when they are).
    /// </summary>
    public bool ContactBySms { get; private set; }
    public bool ContactByPhone { get; private set; }
    public string? UserId { get; private set; }

    public string FullName => $"{FirstName} {LastName}";

    public void UpdateDetails(string firstName, string lastName, DateOnly dateOfBirth, string phone, string? email, string preferredLanguage)
    {
        FirstName = firstName.Trim();
        LastName = lastName.Trim();
        DateOfBirth = dateOfBirth;
        Phone = phone.Trim();
        PhoneDigits = ValidationExtensions.PhoneDigits(phone);
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        ContactByEmail &= Email is not null;
        PreferredLanguage = SupportedLanguages.IsSupported(preferredLanguage) ? preferredLanguage : SupportedLanguages.Default;
    }

    public void SetContactPreferences(bool byEmail, bool byPhone)
    {
        ContactByEmail = byEmail && Email is not null;
        ContactByPhone = byPhone;
    }

    public void LinkLogin(string userId) => UserId = userId;

    public void AssignReference()
    {
        if (Id == 0)
            throw new InvalidOperationException("Save the patient before giving it a reference.");
        ReferenceNumber ??= $"P-{Id:D6}";
    }
}
