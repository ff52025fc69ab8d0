namespace PatientExperience.Web.Configurations;

/// <summary>Who works complaints: front desk takes and views them; managers and admins run the workflow.</summary>
public static class ComplaintPolicies
{
    /// <summary>Front desk, managers and admins: log, view, resolve low-severity at first contact.</summary>
    public const string Desk = "ComplaintDesk";
    /// <summary>Patients filing from their pages: a few per client per window (section "RateLimits", ComplaintsPerWindow).</summary>
    public const string WebRateLimit = "complaints";
}
