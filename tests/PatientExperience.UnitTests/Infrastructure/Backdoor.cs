using System.Reflection;

namespace PatientExperience.UnitTests.Infrastructure;

/// <summary>
/// Sets what only the database or the save would set (an entity's id, an outbox claim),
/// so a rule that depends on it can be tested without a database.
/// </summary>
internal static class Backdoor
{
    public static T With<T>(this T target, string property, object? value) where T : class
    {
        var info = target.GetType().GetProperty(property, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new ArgumentException($"{target.GetType().Name} has no property {property}.", nameof(property));
        info.SetValue(target, value);
        return target;
    }
}
