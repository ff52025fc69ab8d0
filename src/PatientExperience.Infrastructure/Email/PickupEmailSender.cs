using Microsoft.Extensions.Hosting;
using PatientExperience.Core.Email;

namespace PatientExperience.Infrastructure.Email;

/// <summary>Writes each email as an .eml file named by its time and outbox id, so a resend overwrites, never duplicates.</summary>
public sealed class PickupEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailSender
{
    public string Directory => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var mime = MimeMessageFactory.Create(message, options.Value);
        var name = $"{message.CreatedAtUtc:yyyyMMddHHmmss}-{message.Id:D8}.eml";
        var temp = Path.Combine(Directory, name + ".tmp");
        await mime.WriteToAsync(temp, cancellationToken);
        File.Move(temp, Path.Combine(Directory, name), overwrite: true);
    }
}
