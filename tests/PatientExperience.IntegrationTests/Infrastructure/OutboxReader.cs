using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Email;

namespace PatientExperience.IntegrationTests.Infrastructure;

public static partial class OutboxReader
{
    public static Task<List<OutboxMessage>> MessagesToAsync(this PortalFactory factory, string to, CancellationToken cancellationToken) =>
        factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == to).OrderBy(m => m.Id).ToListAsync(cancellationToken));

    /// <summary>The first link in the email's text, as a path and query the test client can open.</summary>
    public static string LinkIn(OutboxMessage message)
    {
        var match = LinkPattern().Match(message.TextBody);
        if (!match.Success)
            throw new InvalidOperationException("The email has no link.");
        var uri = new Uri(match.Value);
        return uri.PathAndQuery;
    }

    /// <summary>Every distinct link in the email, text and HTML bodies alike, as paths and queries the test client can open.</summary>
    public static IReadOnlyList<string> LinksIn(OutboxMessage message) =>
        AnyLinkPattern().Matches(message.TextBody + "\n" + (message.HtmlBody ?? ""))
            .Select(m => new Uri(System.Net.WebUtility.HtmlDecode(m.Value.TrimEnd('"', '\'', '<', '>', ')', '.', ','))).PathAndQuery)
            .Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex AnyLinkPattern();
}
