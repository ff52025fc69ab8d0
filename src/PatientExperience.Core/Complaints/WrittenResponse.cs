namespace PatientExperience.Core.Complaints;

/// <summary>The parts every written response must have. None may be left out.</summary>
public sealed record WrittenResponse(string? LookedInto, string? Found, string? WillChange, string? ContactName, string? TakeItFurther)
{
    public IReadOnlyList<ValidationError> Missing()
    {
        var errors = new List<ValidationError>();
        void Need(string? value, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(value))
                errors.Add(new ValidationError(field, message));
            else if (value.Trim().Length > SchemaLimits.DescriptionLength * 2)
                errors.Add(new ValidationError(field, $"Keep this part under {SchemaLimits.DescriptionLength * 2} characters."));
        }
        Need(LookedInto, nameof(LookedInto), "Say what was looked into.");
        Need(Found, nameof(Found), "Say what was found.");
        Need(WillChange, nameof(WillChange), "Say what will change (or why nothing will).");
        Need(ContactName, nameof(ContactName), "Give a named contact for questions.");
        Need(TakeItFurther, nameof(TakeItFurther), "Say how to take it further if they are not satisfied.");
        if (ContactName is { } c && c.Trim().Length > SchemaLimits.NameLength)
            errors.Add(new ValidationError(nameof(ContactName), $"Keep the contact under {SchemaLimits.NameLength} characters."));
        return errors;
    }
}
