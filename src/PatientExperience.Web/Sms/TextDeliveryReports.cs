using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Email;
using PatientExperience.Core.Interactions;
using PatientExperience.Infrastructure.Data;

namespace PatientExperience.Web.Sms;

/// <summary>
/// A delivery report from the gateway (Kannel's <c>dlr-url</c>): the text is marked delivered or not delivered. A text
/// that did not reach a patient who also has an email address goes to them by email, once.
/// </summary>
public sealed class TextDeliveryReports(
    AppDbContext db,
    IEmailOutbox outbox,
    ClinicClock clock,
    IOptions<ClinicOptions> clinic,
    IStringLocalizer<SharedResource> localizer)
{
    public const string NotDeliveredLine = "A text message was not delivered, so it went by email";

    /// <summary>Kannel's report types: 1 delivered; 2 not delivered; 16 refused by the operator. Others (buffered, 4; sent to the operator, 8) change nothing.</summary>
    public static bool? Delivered(int status) => status switch
    {
        1 => true,
        2 or 16 => false,
        _ => null,
    };

    /// <returns>False when there is no such text.</returns>
    public async Task<bool> RecordAsync(long messageId, int status, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.AsTracking().FirstOrDefaultAsync(m => m.Id == messageId && m.Channel == OutboxChannel.Text, cancellationToken);
        if (message is null)
            return false;
        if (Delivered(status) is not { } delivered)
            return true;
        var now = clock.UtcNow;
        if (message.RecordDelivery(delivered, now) && message.PatientId is { } patientId)
        {
            var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
                .Select(p => new { p.Email, p.PreferredLanguage }).FirstOrDefaultAsync(cancellationToken);
            if (patient?.Email is { } email)
            {
                using var _ = new CultureScope(patient.PreferredLanguage);
                var body = $"{localizer["We could not deliver this text message to your phone, so we are sending it by email:"]}\n\n{message.TextBody}\n";
                outbox.Enqueue(message.Priority, email, localizer["A message from {0}", clinic.Value.Name], body);
                db.Interactions.Add(new Interaction(patientId, null, InteractionChannel.Email, InteractionKind.Message, TimelineSentence.Of(NotDeliveredLine), now));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
