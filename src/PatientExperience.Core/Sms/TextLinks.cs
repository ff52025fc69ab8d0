namespace PatientExperience.Core.Sms;

/// <summary>
/// Links in texts carry no <c>?culture=</c> (two SMS are short): the patient's language is read from the record the
/// token opens, and the short link sends them on to the page in it.
/// </summary>
public sealed class TextLinks(IAppDbContext db)
{
    /// <summary>The language of the patient the token belongs to; null when no record of that kind has the token.</summary>
    public async Task<string?> LanguageAsync(TextLinkKind kind, string? token, CancellationToken cancellationToken)
    {
        if (!OneTimeToken.LooksValid(token))
            return null;
        var hash = OneTimeToken.Hash(token!);
        var patientIds = kind switch
        {
            TextLinkKind.WaitlistOffer => db.WaitlistOffers.Where(o => o.TokenHash == hash).Select(o => o.Entry!.PatientId),
            TextLinkKind.CheckIn => db.Appointments.Where(a => a.CheckInTokenHash == hash).Select(a => a.PatientId),
            _ => db.SurveyInvitations.Where(i => i.TextTokenHash == hash).Select(i => i.PatientId),
        };
        return await db.Patients.Where(p => patientIds.Contains(p.Id)).Select(p => p.PreferredLanguage).FirstOrDefaultAsync(cancellationToken);
    }
}
