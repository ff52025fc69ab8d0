using Serilog.Events;

namespace PatientExperience.Web.Configurations;

/// <summary>
/// Replaces a one-time link's token in a logged path ("/survey/3fa9…") with "{token}", in the request log line and
/// in the RequestPath every event in a request carries, so whoever reads the logs cannot open the link.
/// </summary>
public sealed partial class OneTimeLinkRedactor : Serilog.Core.ILogEventEnricher
{
    public static string Redact(string path) => TokenSegment().Replace(path, "/{token}");

    public void Enrich(LogEvent logEvent, Serilog.Core.ILogEventPropertyFactory propertyFactory)
    {
        if (logEvent.Properties.TryGetValue("RequestPath", out var value) && value is ScalarValue { Value: string path } && TokenSegment().IsMatch(path))
            logEvent.AddOrUpdateProperty(new LogEventProperty("RequestPath", new ScalarValue(Redact(path))));
    }

    /// <summary>A path segment of 32 or more hex digits (our tokens are 64).</summary>
    [System.Text.RegularExpressions.GeneratedRegex("/[0-9A-Fa-f]{32,}(?=/|$)")]
    private static partial System.Text.RegularExpressions.Regex TokenSegment();
}
