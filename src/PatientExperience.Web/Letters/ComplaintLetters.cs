using PatientExperience.Core.Complaints;
using PatientExperience.Infrastructure.Letters;

namespace PatientExperience.Web.Letters;

/// <summary>
/// The complaint letters (acknowledgement, written response) as <see cref="Letter"/>s in the current culture: the
/// print page (<c>Views/Complaints/Letter.cshtml</c>) and the PDF (<see cref="LetterPdf"/>) are both drawn from these.
/// </summary>
/// <remarks>Who signs: the complaint's owner (name and job title; the complaint must be loaded with its Owner), else
/// the named contact, else the patient experience team.</remarks>
public sealed class ComplaintLetters(IStringLocalizer<SharedResource> localizer, TimeText times, ClinicClock clock, IOptions<ClinicOptions> clinic, PhoneFormat phones)
{
    private sealed record Signatory(string Name, string? Role);

    /// <param name="deadlines">The complaint's site's clocks: its days are written in that site's zone.</param>
    public Letter Acknowledgement(Complaint c, string complainant, ComplaintDeadlines deadlines)
    {
        var siteTimes = times.In(deadlines.Calendar.Zone.Id);
        var responseByAgreement = deadlines.Pack.ResponseByAgreement && c.AgreedResponseDate is null;
        var owner = Owner(c);
        var phone = Phone;
        return Build(c, complainant, siteTimes.Date(c.AcknowledgedAtUtc ?? clock.UtcNow), L("We have your complaint"),
        [
            new(null, L("Thank you for telling us. We received your complaint on {0}. Your reference is {1}.", siteTimes.FullDay(c.ReceivedAtUtc), c.Reference)),
            new(null, owner is null
                ? L("A manager will look into it and may contact you to understand it better.")
                : L("{0} will look into it and may contact you to understand it better.", owner.Name)),
            new(null, responseByAgreement
                ? L("We will agree with you when you can expect our written response.")
                : L("You will have our written response by {0}.", siteTimes.FullDay(c.ResponseDueAtUtc.AddTicks(-1)))),
            new(null, L("If you want to add anything, call us on {0} and quote your reference.", phone)),
        ], owner);
    }

    public Letter Response(Complaint c, string complainant)
    {
        var phone = Phone;
        var signatory = Owner(c) ?? (c.ResponseContactName is { } contact ? new Signatory(contact, null) : null);
        return Build(c, complainant, times.Date(c.ResponseSentAtUtc ?? clock.UtcNow), L("Our response to your complaint"),
        [
            new(null, L("Thank you for raising your concerns with us. This letter sets out what we looked into, what we found and what we will do.")),
            new(L("What we looked into"), c.ResponseLookedInto ?? string.Empty),
            new(L("What we found"), c.ResponseFound ?? string.Empty),
            new(L("What will change"), c.ResponseWillChange ?? string.Empty),
            new(L("Your contact"), L("If you have questions about this response, contact {0} on {1}.", c.ResponseContactName ?? string.Empty, phone)),
            new(L("If you are not satisfied"), c.ResponseTakeItFurther ?? string.Empty),
        ], signatory);
    }

    /// <summary>The clinic's number as people write it (the one formatter).</summary>
    private string Phone => phones.SiteOrGroup(null, clinic.Value.Phone);

    private static Signatory? Owner(Complaint c) => c.Owner is { } o ? new Signatory(o.FullName, o.JobTitle) : null;

    /// <summary>A file name for the PDF: the kind and the reference, nothing personal.</summary>
    public static string FileName(Complaint c, string kind) => $"{c.Reference}-{kind}.pdf";

    private Letter Build(Complaint c, string complainant, string date, string title, IReadOnlyList<LetterSection> sections, Signatory? signatory)
    {
        var options = clinic.Value;
        return new Letter(
            options.Name,
            Letter.Lines(options.Address),
            L("Telephone {0}", Phone),
            complainant,
            Letter.Lines(c.PostalAddress),
            date,
            L("Our reference: {0}", c.Reference),
            title,
            L("Dear {0},", complainant),
            sections,
            L("Yours sincerely,"),
            signatory?.Name ?? L("Patient experience team"),
            signatory?.Role,
            System.Globalization.CultureInfo.CurrentUICulture.Name);
    }

    private string L(string key, params object[] args) => localizer[key, args].Value;
}
