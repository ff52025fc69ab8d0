using System.Text;
using Microsoft.Extensions.Hosting;
using PatientExperience.Core.Email;

namespace PatientExperience.Infrastructure.Sms;

/// <summary>
/// Writes each text as a UTF-8 .txt file ("To:" line, a blank line, the text) named by its time and outbox id, so a
/// resend overwrites, never duplicates. The embedded default, like the email pickup folder.
/// </summary>
public sealed class PickupSmsSender(IOptions<SmsOptions> options, IHostEnvironment environment) : ISmsSender
{
    public string Directory => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{message.CreatedAtUtc:yyyyMMddHHmmss}-{message.Id:D8}.txt";
        var temp = Path.Combine(Directory, name + ".tmp");
        await File.WriteAllTextAsync(temp, $"To: {message.To}\n\n{message.TextBody}\n", new UTF8Encoding(false), cancellationToken);
        File.Move(temp, Path.Combine(Directory, name), overwrite: true);
    }
}
