using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PatientExperience.Web.Configurations;

/// <summary>
/// Tick boxes: "true" (or "on") is ticked, anything else is not. The framework's own binder keeps an unreadable
/// value such as "zz" in the model state, and the checkbox tag helper then throws while drawing the page again
/// (a 500 for a crafted post). Browsers only ever send "true" and "false", so nothing real is lost.
/// </summary>
public sealed class LenientBooleanBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values == ValueProviderResult.None)
            return Task.CompletedTask; // not sent: the property keeps its default, as before
        var first = values.FirstValue?.Trim();
        var ticked = string.Equals(first, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(first, "on", StringComparison.OrdinalIgnoreCase);
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, ticked, ticked ? "true" : "false");
        bindingContext.Result = ModelBindingResult.Success(ticked);
        return Task.CompletedTask;
    }
}

