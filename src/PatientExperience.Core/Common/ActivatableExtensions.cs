namespace PatientExperience.Core.Common;

public static class ActivatableExtensions
{
    public static void SetActive(this IActivatable entity, bool active)
    {
        if (active)
            entity.Reactivate();
        else
            entity.Deactivate();
    }
}
