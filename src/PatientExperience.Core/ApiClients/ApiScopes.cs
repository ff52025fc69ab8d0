namespace PatientExperience.Core.ApiClients;

/// <summary>
/// SMART on FHIR system scopes (<c>system/Resource.read</c>, <c>system/Resource.write</c>, <c>system/*.read</c>) the
/// portal grants. A client is registered with some of <see cref="All"/>; a token carries the ones asked for.
/// </summary>
public static class ApiScopes
{
    /// <summary>Resource types the scopes name: what the API serves now and what it will serve (issue 20).</summary>
    public static readonly IReadOnlyList<string> ReadableTypes =
        ["Practitioner", "HealthcareService", "Location", "Schedule", "Slot", "Appointment", "Patient", "Questionnaire", "QuestionnaireResponse"];

    public const string AllRead = "system/*.read";
    public const string AppointmentWrite = "system/Appointment.write";

    /// <summary>Every scope an admin can give, in the order the admin page lists them.</summary>
    public static readonly IReadOnlyList<string> All = [AllRead, .. ReadableTypes.Select(t => $"system/{t}.read"), AppointmentWrite];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);

    /// <summary>Whether the granted scopes allow <paramref name="access"/> ("read" or "write") on <paramref name="resourceType"/>.</summary>
    public static bool Allows(IEnumerable<string> granted, string resourceType, string access) =>
        granted.Any(s => s == $"system/{resourceType}.{access}" || s == $"system/*.{access}");

    /// <summary>
    /// The scopes a token gets: all the client's scopes when none are asked for, otherwise those asked for, if every one is
    /// allowed to the client (null when one is not: <c>invalid_scope</c>).
    /// </summary>
    public static IReadOnlyList<string>? Grant(IReadOnlyList<string> clientScopes, string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
            return clientScopes;
        var asked = requested.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        foreach (var scope in asked)
        {
            if (!IsKnown(scope))
                return null;
            if (clientScopes.Contains(scope, StringComparer.Ordinal))
                continue;
            // system/*.read on the client covers any one read scope asked for.
            var covered = scope.EndsWith(".read", StringComparison.Ordinal) && clientScopes.Contains(AllRead, StringComparer.Ordinal);
            if (!covered)
                return null;
        }
        return asked;
    }
}
