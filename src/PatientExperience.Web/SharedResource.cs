namespace PatientExperience.Web;

/// <summary>
/// Marker for the shared string table (Resources/SharedResource.*.resx). English text is the key,
/// so a missing translation shows English, never a blank.
/// </summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T>; never instantiated.
public sealed class SharedResource
#pragma warning restore CA1052
{
}
