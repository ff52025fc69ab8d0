using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using PatientExperience.Core.Common;

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
}
