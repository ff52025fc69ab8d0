using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PatientExperience.Web.Controllers;

public static class ModelStateExtensions
{
    /// <summary>Puts each service message beside its field (or at the top of the form), in the reader's language.</summary>
    public static void AddResultErrors(this ModelStateDictionary modelState, Result result, IStringLocalizer localizer, string prefix = "")
    {
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(error.Field) ? string.Empty : prefix + error.Field;
            modelState.AddModelError(key, localizer[error.Message]);
        }
    }

    /// <summary>
    /// Swaps the framework's "The value 'x' is not valid" for our own plain words when the typed
    /// text could not be read at all (a date or number box). Returns whether there was such an error.
    /// </summary>
    public static bool ReplaceBindingError(this ModelStateDictionary modelState, string key, string message)
    {
        if (!modelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
            return false;
        entry.Errors.Clear();
        modelState.AddModelError(key, message);
        return true;
    }
}
